import { startTestApp, type TestApp } from './support/test-app.js';
import { seedWorld, type World } from './support/world.js';

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await startTestApp();
  w = await seedWorld(t);
  await t.http.get(`/api/v1/children/${w.caseA.childId}`).set(w.clerkA.auth).expect(200);
  await t.http.get(`/api/v1/children/${w.caseB.childId}`).set(w.clerkB.auth).expect(200);
});
afterAll(() => t?.close());

describe('GET /audit-events', () => {
  it('lists a child’s events for its court, newest first, with the chain fields', async () => {
    const res = await t.http.get(`/api/v1/audit-events?entityType=child&entityId=${w.caseA.childId}`).set(w.judgeA.auth).expect(200);
    expect(res.body.items[0]).toMatchObject({
      action: 'read',
      outcome: 'success',
      actorId: w.clerkA.id,
      actorRole: 'CLERK',
      entityType: 'child',
      entityId: w.caseA.childId,
      at: expect.any(String),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      prevHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const seqs = res.body.items.map((e: { seq: number }) => e.seq);
    expect([...seqs].sort((a, b) => b - a)).toEqual(seqs);
  });

  it('is scoped: a clerk never sees another court’s events', async () => {
    const res = await t.http.get(`/api/v1/audit-events?entityType=child&entityId=${w.caseB.childId}`).set(w.clerkA.auth).expect(200);
    expect(res.body.items).toEqual([]);
    const all = await t.http.get('/api/v1/audit-events?limit=500').set(w.clerkA.auth).expect(200);
    expect(all.body.items.every((e: { courtId: string }) => e.courtId === w.courtA)).toBe(true);
    const admin = await t.http.get(`/api/v1/audit-events?entityId=${w.caseB.childId}`).set(w.admin.auth).expect(200);
    expect(admin.body.items.length).toBeGreaterThan(0);
  });

  it('refuses agencies (403) and bad filters (400)', async () => {
    await t.http.get('/api/v1/audit-events').set(w.agency1User.auth).expect(403);
    const res = await t.http.get('/api/v1/audit-events?entityType=Child%20Record').set(w.admin.auth).expect(400);
    expect(res.body.errors[0].field).toBe('entityType');
    await t.http.get('/api/v1/audit-events?entityId=42').set(w.admin.auth).expect(400);
  });

  it('records refused requests: 403 with the actor, 401 without one', async () => {
    await t.http.post('/api/v1/courts').set(w.agency1User.auth).send({}).expect(403);
    await t.http.get('/api/v1/cases').set('Authorization', 'Bearer nope').expect(401);
    const rows = await t.db.query(`SELECT actor_id, outcome, details FROM audit_events WHERE action = 'denied' ORDER BY seq`);
    expect(rows).toEqual(
      expect.arrayContaining([
        { actor_id: w.agency1User.id, outcome: 'denied', details: { reason: 'forbidden', method: 'POST', route: '/api/v1/courts' } },
        { actor_id: null, outcome: 'denied', details: { reason: 'unauthenticated', method: 'GET', route: '/api/v1/cases' } },
      ]),
    );
  });
});

describe('GET /audit-events/verify', () => {
  it('is for ADMIN only', async () => {
    await t.http.get('/api/v1/audit-events/verify').set(w.clerkA.auth).expect(403);
    await t.http.get('/api/v1/audit-events/verify').set(w.judgeA.auth).expect(403);
  });

  it('confirms an intact chain, including events written concurrently', async () => {
    await Promise.all(Array.from({ length: 40 }, () => t.http.get(`/api/v1/children/${w.caseA.childId}`).set(w.clerkA.auth).expect(200)));
    const res = await t.http.get('/api/v1/audit-events/verify').set(w.admin.auth).expect(200);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM audit_events`);
    expect(res.body).toEqual({ valid: true, checked: n });
  });

  it('stays intact when changes (in their transactions) and reads (batched) race for the chain', async () => {
    await Promise.all([
      ...Array.from({ length: 30 }, () => t.http.get(`/api/v1/children/${w.caseA.childId}`).set(w.clerkA.auth).expect(200)),
      ...Array.from({ length: 10 }, (_, i) =>
        t.http
          .patch(`/api/v1/children/${w.caseA.childId}`)
          .set(w.clerkA.auth)
          .send({ weightPounds: 90 + i })
          .expect(200),
      ),
      ...Array.from({ length: 30 }, () => t.http.get(`/api/v1/cases/${w.caseB.id}`).set(w.judgeB.auth).expect(200)),
    ]);
    const res = await t.http.get('/api/v1/audit-events/verify').set(w.admin.auth).expect(200);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM audit_events`);
    expect(res.body).toEqual({ valid: true, checked: n });
    const [{ gaps }] = await t.db.query(`SELECT max(seq) - count(*) AS gaps FROM audit_events`);
    expect(Number(gaps)).toBe(0);
  });

  it('the table refuses updates and deletes', async () => {
    await expect(t.db.query(`UPDATE audit_events SET outcome = 'x' WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM audit_events WHERE seq = 1`)).rejects.toThrow(/append-only/);
  });

  it('finds a row changed behind the application’s back', async () => {
    const [victim] = await t.db.query(`SELECT id, seq FROM audit_events WHERE action = 'read' ORDER BY seq LIMIT 1`);
    await t.db.query(`ALTER TABLE audit_events DISABLE TRIGGER tr_audit_events_append_only`);
    await t.db.query(`UPDATE audit_events SET actor_role = 'ADMIN' WHERE id = $1`, [victim.id]);
    await t.db.query(`ALTER TABLE audit_events ENABLE TRIGGER tr_audit_events_append_only`);
    const res = await t.http.get('/api/v1/audit-events/verify').set(w.admin.auth).expect(200);
    expect(res.body).toEqual({ valid: false, checked: Number(victim.seq) - 1, firstBrokenId: victim.id });
  });
});
