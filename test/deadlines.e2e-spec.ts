import { startTestApp, type TestApp } from './support/test-app.js';
import { waitFor } from './support/wait.js';
import { createCase, seedWorld, type World } from './support/world.js';

let t: TestApp;
let w: World;

// The timers are tested with the sweep an hour away, so nothing but the timer can make them fire.
beforeAll(async () => {
  t = await startTestApp({ DEADLINE_SWEEP_SECONDS: '3600' });
  w = await seedWorld(t);
});
afterAll(() => t?.close());

const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const HOUR = 3_600_000;
let docket = 0;
const child = (overrides: Record<string, unknown> = {}) =>
  createCase(t, w.clerkA, w.courtA, w.judgeA.id, `DL-${(docket += 1)}`, w.agency1, overrides);

const statusOf = async (id: string) =>
  ((await t.db.query(`SELECT status FROM obligations WHERE id = $1`, [id])) as Array<{ status: string }>)[0].status;

describe('deadline timers', () => {
  it('turn an obligation due in 3 s OVERDUE by themselves, with no request touching it, and raise one NON_COMPLIANCE request', async () => {
    const c = await child();
    const discoveredAt = ago(24 * HOUR - 3000); // the LE report, NCMEC report and photo fall due 3 s from now
    const res = await t.http
      .post('/api/v1/episodes')
      .set(w.agency1User.auth)
      .send({ childId: c.childId, missingSince: discoveredAt, discoveredAt })
      .expect(201);
    const le = res.body.obligations.find((o: { type: string }) => o.type === 'LAW_ENFORCEMENT_REPORT');
    expect(le.status).toBe('OPEN');
    // How soon is measured by bench/overdue-latency.mjs; here only that it happens (the wait is a generous bound, not a target).
    await waitFor(async () => (await statusOf(le.id)) === 'OVERDUE', 45_000);
    const [row] = await t.db.query(`SELECT overdue_at, due_at FROM obligations WHERE id = $1`, [le.id]);
    expect(row.overdue_at.getTime()).toBeGreaterThanOrEqual(row.due_at.getTime());
    const hearings = await waitFor(async () => {
      const rows = await t.db.query(
        `SELECT reason, obligation_id FROM hearing_requests WHERE episode_id = $1 AND reason = 'NON_COMPLIANCE'`,
        [res.body.id],
      );
      return rows.length ? rows : null;
    }, 5000);
    expect(hearings).toHaveLength(1);
    // the NCMEC report and the photo were due at the same moment
    await waitFor(
      async () =>
        (await t.db.query(`SELECT count(*)::int AS n FROM obligations WHERE episode_id = $1 AND status = 'OVERDUE'`, [res.body.id]))[0]
          .n === 3,
      5000,
    );
    const audit = await t.db.query(`SELECT actor_id, details FROM audit_events WHERE action = 'overdue' AND entity_id = $1`, [le.id]);
    expect(audit).toEqual([
      {
        actor_id: null,
        details: {
          type: 'LAW_ENFORCEMENT_REPORT',
          episodeId: res.body.id,
          by: 'deadline-timer',
        },
      },
    ]);
  });

  it('try again when a run fails (a deadlock, a dropped connection): the obligation still turns OVERDUE without the sweep', async () => {
    const c = await child();
    const discoveredAt = ago(24 * HOUR - 2000);
    const res = await t.http
      .post('/api/v1/episodes')
      .set(w.agency1User.auth)
      .send({ childId: c.childId, missingSince: discoveredAt, discoveredAt })
      .expect(201);
    const le = res.body.obligations.find((o: { type: string }) => o.type === 'LAW_ENFORCEMENT_REPORT');
    // The first attempt to mark it fails inside its transaction (a sequence is not rolled back, so only the first).
    await t.db.query(`CREATE SEQUENCE fail_once`);
    await t.db.query(`CREATE FUNCTION fail_once() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF nextval('fail_once') = 1 THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$`);
    await t.db.query(
      `CREATE TRIGGER fail_once BEFORE UPDATE ON obligations FOR EACH ROW
       WHEN (OLD.id = '${le.id as string}' AND NEW.status = 'OVERDUE') EXECUTE FUNCTION fail_once()`,
    );
    try {
      await waitFor(async () => (await statusOf(le.id)) === 'OVERDUE', 45_000);
      const [{ attempts }] = await t.db.query(`SELECT last_value::int AS attempts FROM fail_once`);
      expect(attempts).toBe(2);
    } finally {
      await t.db.query(`DROP TRIGGER fail_once ON obligations; DROP FUNCTION fail_once(); DROP SEQUENCE fail_once`);
    }
  });

  it('never turn a SUBMITTED obligation OVERDUE: proof stops the clock', async () => {
    const c = await child();
    const discoveredAt = ago(24 * HOUR - 2000);
    const res = await t.http
      .post('/api/v1/episodes')
      .set(w.agency1User.auth)
      .send({ childId: c.childId, missingSince: discoveredAt, discoveredAt })
      .expect(201);
    const ncmec = res.body.obligations.find((o: { type: string }) => o.type === 'NCMEC_REPORT');
    await t.http
      .post(`/api/v1/obligations/${ncmec.id}/evidence`)
      .set(w.agency1User.auth)
      .send({ ncmecCaseNumber: '42', performedAt: ago(60_000) })
      .expect(201);
    const le = res.body.obligations.find((o: { type: string }) => o.type === 'LAW_ENFORCEMENT_REPORT');
    await waitFor(async () => (await statusOf(le.id)) === 'OVERDUE', 10_000);
    expect(await statusOf(ncmec.id)).toBe('SUBMITTED');
  });

  it('respect an order that asks for no hearing on non-compliance', async () => {
    const c = await child();
    const order = await t.http
      .post('/api/v1/orders')
      .set(w.judgeA.auth)
      .send({
        kind: 'INDIVIDUAL',
        courtId: w.courtA,
        caseId: c.id,
        terms: {
          requestHearingOnNonCompliance: false,
          requestHearingOnMissing: false,
          lawEnforcementReportHours: 1,
        },
      })
      .expect(201);
    await t.http.post(`/api/v1/orders/${order.body.id}/sign`).set(w.judgeA.auth).expect(200);
    const discoveredAt = ago(HOUR - 1500);
    const res = await t.http
      .post('/api/v1/episodes')
      .set(w.agency1User.auth)
      .send({ childId: c.childId, missingSince: discoveredAt, discoveredAt })
      .expect(201);
    expect(res.body.hearingRequests).toEqual([]);
    const le = res.body.obligations.find((o: { type: string }) => o.type === 'LAW_ENFORCEMENT_REPORT');
    await waitFor(async () => (await statusOf(le.id)) === 'OVERDUE', 10_000);
    const hearings = await t.db.query(`SELECT 1 FROM hearing_requests WHERE episode_id = $1`, [res.body.id]);
    expect(hearings).toEqual([]);
  });
});

describe('the reconciliation sweep', () => {
  let timersOnly: TestApp;
  beforeAll(async () => {
    timersOnly = t;
    t = await startTestApp({ DEADLINE_SWEEP_SECONDS: '2' });
    w = await seedWorld(t);
  });
  afterAll(async () => {
    await t.close();
    t = timersOnly;
  });

  it('marks OVERDUE an obligation whose timer was lost', async () => {
    const c = await child();
    const res = await t.http
      .post('/api/v1/episodes')
      .set(w.agency1User.auth)
      .send({ childId: c.childId, missingSince: ago(HOUR) })
      .expect(201);
    const ncmec = res.body.obligations.find((o: { type: string }) => o.type === 'NCMEC_REPORT');
    // Its timer is armed for tomorrow; move the deadline behind the timer's back, as if the job were lost.
    await t.db.query(`UPDATE obligations SET due_at = now() - interval '1 second' WHERE id = $1`, [ncmec.id]);
    await waitFor(async () => (await statusOf(ncmec.id)) === 'OVERDUE', 8000);
  });

  it('creates the next status update when a period ends while the child is still missing', async () => {
    const c = await child();
    const res = await t.http
      .post('/api/v1/episodes')
      .set(w.agency1User.auth)
      .send({ childId: c.childId, missingSince: ago(HOUR) })
      .expect(201);
    const first = res.body.obligations.find((o: { type: string }) => o.type === 'STATUS_UPDATE');
    const periodEnd = new Date(Date.now() - 1000);
    await t.db.query(`UPDATE obligations SET due_at = $2 WHERE id = $1`, [first.id, periodEnd]);
    await t.db.query(`UPDATE episodes SET status_update_due_at = $2 WHERE id = $1`, [res.body.id, periodEnd]);
    const next = await waitFor(async () => {
      const rows = await t.db.query(
        `SELECT sequence, due_at, status FROM obligations WHERE episode_id = $1 AND type = 'STATUS_UPDATE' AND sequence = 2`,
        [res.body.id],
      );
      return rows[0];
    }, 8000);
    const days = (next.due_at.getTime() - periodEnd.getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThan(30.1);
    expect(next.status).toBe('OPEN');
    await waitFor(async () => (await statusOf(first.id)) === 'OVERDUE', 8000);
  });

  it('raises PRE_MAJORITY when the day comes for a child still missing', async () => {
    const later = new Date(Date.now() + 60 * 86_400_000);
    const dob = `${later.getUTCFullYear() - 18}-${String(later.getUTCMonth() + 1).padStart(2, '0')}-${String(later.getUTCDate()).padStart(2, '0')}`;
    const c = await child({ dateOfBirth: dob });
    const res = await t.http
      .post('/api/v1/episodes')
      .set(w.agency1User.auth)
      .send({ childId: c.childId, missingSince: ago(HOUR) })
      .expect(201);
    expect(res.body.hearingRequests.map((h: { reason: string }) => h.reason)).toEqual(['CHILD_MISSING']);
    await t.db.query(`UPDATE episodes SET pre_majority_at = now() - interval '1 second' WHERE id = $1`, [res.body.id]);
    await waitFor(
      async () =>
        (await t.db.query(`SELECT 1 FROM hearing_requests WHERE episode_id = $1 AND reason = 'PRE_MAJORITY'`, [res.body.id])).length > 0,
      8000,
    );
  });
});
