import { hoursAgo, openEpisode } from './support/hardening.js';
import { expectProblem } from './support/orders.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { seedWorld, type World } from './support/world.js';

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await startTestApp();
  w = await seedWorld(t);
});
afterAll(() => t?.close());

const status = async (table: 'obligations' | 'evidence', id: string) =>
  ((await t.db.query(`SELECT status FROM ${table} WHERE id = $1`, [id])) as Array<{ status: string }>)[0].status;

describe('four eyes on proof', () => {
  it('refuses a clerk reviewing the proof they submitted (403 OwnProofReview), accepting or rejecting, and changes nothing', async () => {
    const { obligations } = await openEpisode(t, w);
    const obligationId = obligations.LAW_ENFORCEMENT_REPORT;
    const proof = await t.http
      .post(`/api/v1/obligations/${obligationId}/evidence`)
      .set(w.clerkA.auth)
      .send({ lawEnforcementAgency: 'Austin PD', reportNumber: 'R-77', performedAt: hoursAgo(1) })
      .expect(201);
    const denialsBefore = await t.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'denied'`);

    for (const body of [{ decision: 'ACCEPTED' }, { decision: 'REJECTED', reason: 'Wrong report' }]) {
      const res = await t.http.post(`/api/v1/evidence/${proof.body.id}/review`).set(w.clerkA.auth).send(body);
      expectProblem(res, 403);
      expect(res.body.code).toBe('OwnProofReview');
      expect(res.body.detail).toMatch(/someone other than the person who submitted it/);
    }
    expect(await status('evidence', proof.body.id)).toBe('SUBMITTED');
    expect(await status('obligations', obligationId)).toBe('SUBMITTED');
    const denialsAfter = await t.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'denied'`);
    expect(denialsAfter[0].n).toBe(denialsBefore[0].n + 2);

    // Another person of the court may review it.
    await t.http.post(`/api/v1/evidence/${proof.body.id}/review`).set(w.judgeA.auth).send({ decision: 'ACCEPTED' }).expect(200);
    expect(await status('obligations', obligationId)).toBe('SATISFIED');
  });

  it('lets the clerk review a proof the agency submitted', async () => {
    const { obligations } = await openEpisode(t, w);
    const proof = await t.http
      .post(`/api/v1/obligations/${obligations.NCMEC_REPORT}/evidence`)
      .set(w.agency1User.auth)
      .send({ ncmecCaseNumber: '1234567', performedAt: hoursAgo(1) })
      .expect(201);
    await t.http.post(`/api/v1/evidence/${proof.body.id}/review`).set(w.clerkA.auth).send({ decision: 'ACCEPTED' }).expect(200);
  });
});
