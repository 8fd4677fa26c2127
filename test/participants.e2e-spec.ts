import { expectProblem } from './support/orders.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { seedWorld, type World } from './support/world.js';

/** The people on a case: added and removed by the court's clerks (and admins), listed for whoever sees the case, audited. */

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await startTestApp();
  w = await seedWorld(t);
});
afterAll(() => t?.close());

const path = (caseId: string) => `/api/v1/cases/${caseId}/participants`;
const gal = { role: 'GUARDIAN_AD_LITEM', name: 'Dana Whitfield', email: 'dana.whitfield@advocates.example' };
const count = async () => (await t.db.query(`SELECT count(*)::int AS n FROM case_participants`))[0].n as number;

describe('POST /cases/:id/participants', () => {
  it('adds a participant as the clerk of the court, audited', async () => {
    const res = await t.http.post(path(w.caseA.id)).set(w.clerkA.auth).send(gal).expect(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      caseId: w.caseA.id,
      courtId: w.courtA,
      role: 'GUARDIAN_AD_LITEM',
      name: 'Dana Whitfield',
      email: 'dana.whitfield@advocates.example',
      createdAt: expect.any(String),
    });
    const [audit] = await t.db.query(
      `SELECT actor_id, court_id, details FROM audit_events WHERE entity_type = 'case_participant' AND entity_id = $1`,
      [res.body.id],
    );
    expect(audit).toEqual({ actor_id: w.clerkA.id, court_id: w.courtA, details: { caseId: w.caseA.id, role: 'GUARDIAN_AD_LITEM' } });
  });

  it('lets an admin add one too', async () => {
    await t.http.post(path(w.caseB.id)).set(w.admin.auth).send({ role: 'CASA', name: 'Lee Park', email: 'lee@casa.example' }).expect(201);
  });

  it('refuses the same person in the same role twice (409 naming email), but allows another role', async () => {
    const before = await count();
    const res = await t.http
      .post(path(w.caseA.id))
      .set(w.clerkA.auth)
      .send({ ...gal, email: 'DANA.WHITFIELD@advocates.example' })
      .expect(409);
    expectProblem(res, 409, 'email');
    expect(await count()).toBe(before);
    await t.http
      .post(path(w.caseA.id))
      .set(w.clerkA.auth)
      .send({ ...gal, role: 'CHILD_ATTORNEY' })
      .expect(201);
  });

  it.each([
    ['judgeA', 403],
    ['agency1User', 403],
    ['clerkB', 404],
  ] as const)('refuses %s (%i) and writes nothing', async (who, status) => {
    const before = await count();
    const res = await t.http
      .post(path(w.caseA.id))
      .set(w[who].auth)
      .send({ ...gal, email: `${who}@x.example` });
    expectProblem(res, status);
    expect(await count()).toBe(before);
  });

  it('refuses without a login (401)', async () => {
    await t.http.post(path(w.caseA.id)).send(gal).expect(401);
  });

  it.each([
    [{ ...gal, email: 'not-an-address' }, 'email'],
    [{ ...gal, email: '' }, 'email'],
    [{ ...gal, role: 'JUDGE' }, 'role'],
    [{ ...gal, role: undefined }, 'role'],
    [{ ...gal, name: '  ' }, 'name'],
    [{ ...gal, phone: '555-0100' }, 'phone'],
  ])('refuses %j naming %s', async (body, field) => {
    const before = await count();
    expectProblem(await t.http.post(path(w.caseA.id)).set(w.clerkA.auth).send(body), 400, field);
    expect(await count()).toBe(before);
  });

  it('refuses a case id that is not a UUID (400) and an unknown case (404)', async () => {
    expectProblem(await t.http.post(path('nope')).set(w.clerkA.auth).send(gal), 400, 'id');
    expectProblem(await t.http.post(path('8a0c7a52-5f55-4c52-9d0f-6a54a6f5d1a1')).set(w.clerkA.auth).send(gal), 404);
  });
});

describe('GET /cases/:id/participants', () => {
  it('lists the current participants for the court and for the agency the child is placed with', async () => {
    for (const who of ['clerkA', 'judgeA', 'agency1User', 'admin'] as const) {
      const res = await t.http.get(path(w.caseA.id)).set(w[who].auth).expect(200);
      expect(res.body.items.map((p: { role: string }) => p.role)).toEqual(['GUARDIAN_AD_LITEM', 'CHILD_ATTORNEY']);
    }
  });

  it('is a 404 for another court and for an agency that never had the child', async () => {
    expectProblem(await t.http.get(path(w.caseA.id)).set(w.clerkB.auth), 404);
    expectProblem(await t.http.get(path(w.caseA.id)).set(w.agency2User.auth), 404);
  });

  it('audits the read with the ids listed', async () => {
    const res = await t.http.get(path(w.caseA.id)).set(w.judgeA.auth).expect(200);
    const [audit] = await t.db.query(
      `SELECT details FROM audit_events WHERE entity_type = 'case_participant' AND action = 'list' AND actor_id = $1 ORDER BY seq DESC LIMIT 1`,
      [w.judgeA.id],
    );
    expect(audit.details).toEqual({ caseId: w.caseA.id, ids: res.body.items.map((p: { id: string }) => p.id) });
  });
});

describe('DELETE /cases/:id/participants/:pid', () => {
  it('removes a participant (204): no longer listed, kept in the table, audited', async () => {
    const added = await t.http
      .post(path(w.caseA.id))
      .set(w.clerkA.auth)
      .send({ role: 'OTHER', name: 'Sam Ortiz', email: 'sam@x.example' })
      .expect(201);
    await t.http
      .delete(`${path(w.caseA.id)}/${added.body.id}`)
      .set(w.judgeA.auth)
      .expect(403);
    await t.http
      .delete(`${path(w.caseA.id)}/${added.body.id}`)
      .set(w.clerkB.auth)
      .expect(404);
    await t.http
      .delete(`${path(w.caseB.id)}/${added.body.id}`)
      .set(w.admin.auth)
      .expect(404);
    await t.http
      .delete(`${path(w.caseA.id)}/${added.body.id}`)
      .set(w.clerkA.auth)
      .expect(204);
    const list = await t.http.get(path(w.caseA.id)).set(w.clerkA.auth).expect(200);
    expect(list.body.items.map((p: { id: string }) => p.id)).not.toContain(added.body.id);
    const [row] = await t.db.query(`SELECT removed_by FROM case_participants WHERE id = $1`, [added.body.id]);
    expect(row.removed_by).toBe(w.clerkA.id);
    await t.http
      .delete(`${path(w.caseA.id)}/${added.body.id}`)
      .set(w.clerkA.auth)
      .expect(404);
    const [audit] = await t.db.query(
      `SELECT action FROM audit_events WHERE entity_type = 'case_participant' AND entity_id = $1 ORDER BY seq DESC LIMIT 1`,
      [added.body.id],
    );
    expect(audit.action).toBe('delete');
    // Removed, the same person may be added again.
    await t.http.post(path(w.caseA.id)).set(w.clerkA.auth).send({ role: 'OTHER', name: 'Sam Ortiz', email: 'sam@x.example' }).expect(201);
  });

  it('refuses a participant id that is not a UUID (400 naming pid)', async () => {
    expectProblem(await t.http.delete(`${path(w.caseA.id)}/42`).set(w.clerkA.auth), 400, 'pid');
  });
});
