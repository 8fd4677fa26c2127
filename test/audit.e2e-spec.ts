import { CHAIN_HMAC, chainHash } from '../src/audit/audit-chain.js';
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

const HEAD = { seq: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/) };

describe('GET /audit-events/verify', () => {
  it('is for ADMIN only', async () => {
    await t.http.get('/api/v1/audit-events/verify').set(w.clerkA.auth).expect(403);
    await t.http.get('/api/v1/audit-events/verify').set(w.judgeA.auth).expect(403);
  });

  it('confirms an intact chain, including events written concurrently', async () => {
    await Promise.all(Array.from({ length: 40 }, () => t.http.get(`/api/v1/children/${w.caseA.childId}`).set(w.clerkA.auth).expect(200)));
    const res = await t.http.get('/api/v1/audit-events/verify').set(w.admin.auth).expect(200);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM audit_events`);
    // The call audits itself once it has checked.
    expect(res.body).toEqual({ valid: true, checked: n - 1, from: 1, nextFrom: null, head: HEAD });
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
    // The call audits itself once it has checked.
    expect(res.body).toEqual({ valid: true, checked: n - 1, from: 1, nextFrom: null, head: HEAD });
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
    expect(res.body).toEqual({ valid: false, checked: Number(victim.seq) - 1, firstBrokenId: victim.id, from: 1, nextFrom: null });
    // The range that starts after the changed row is intact by itself: the break is in the row, not after it.
    const after = await t.http
      .get(`/api/v1/audit-events/verify?from=${Number(victim.seq) + 1}`)
      .set(w.admin.auth)
      .expect(200);
    expect(after.body.valid).toBe(true);
    await t.db.query(`ALTER TABLE audit_events DISABLE TRIGGER tr_audit_events_append_only`);
    await t.db.query(`UPDATE audit_events SET actor_role = 'CLERK' WHERE id = $1`, [victim.id]);
    await t.db.query(`ALTER TABLE audit_events ENABLE TRIGGER tr_audit_events_append_only`);
  });

  it('checks a range at a time: following nextFrom covers every event once', async () => {
    let from = 1;
    let checked = 0;
    let calls = 0;
    for (;;) {
      const res = await t.http.get(`/api/v1/audit-events/verify?from=${from}&limit=7`).set(w.admin.auth).expect(200);
      expect(res.body).toMatchObject({ valid: true, from });
      expect(res.body.checked).toBeLessThanOrEqual(7);
      checked += res.body.checked;
      calls += 1;
      if (res.body.nextFrom === null) break;
      expect(res.body.nextFrom).toBe(from + 7);
      from = res.body.nextFrom;
    }
    const [{ before }] = await t.db.query(`SELECT count(*)::int - $1::int AS before FROM audit_events`, [calls]);
    // Each call is audited after it checked: the last ones are not in what it counted.
    expect(checked).toBeGreaterThanOrEqual(before);
  });

  it('finds rows cut from the end with the head moved back, against a checkpoint kept outside', async () => {
    const kept = await t.http.get('/api/v1/audit-events/verify').set(w.admin.auth).expect(200);
    const checkpoint = kept.body.head as { seq: number; hash: string };
    const held = await t.http
      .get('/api/v1/audit-events/verify')
      .query({ checkpointSeq: checkpoint.seq, checkpointHash: checkpoint.hash })
      .set(w.admin.auth);
    expect(held.body).toMatchObject({ valid: true, checkpointHeld: true });
    const pastThat = await t.http
      .get(`/api/v1/audit-events/verify?from=${checkpoint.seq + 1}`)
      .set(w.admin.auth)
      .expect(200);
    expect(pastThat.body.valid).toBe(true);

    // The owner cuts every row from a few before the checkpoint on and moves the head to the new last row.
    const cutFrom = checkpoint.seq - 3;
    await t.db.query(`ALTER TABLE audit_events DISABLE TRIGGER tr_audit_events_append_only`);
    const saved = (await t.db.query(`SELECT * FROM audit_events WHERE seq >= $1 ORDER BY seq`, [cutFrom])) as Array<
      Record<string, unknown>
    >;
    await t.db.query(`DELETE FROM audit_events WHERE seq >= $1`, [cutFrom]);
    const [last] = await t.db.query(`SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1`);
    await t.db.query(`UPDATE audit_head SET seq = $1, hash = $2`, [last.seq, last.hash]);
    try {
      const alone = await t.http.get('/api/v1/audit-events/verify').set(w.admin.auth).expect(200);
      expect(alone.body.valid).toBe(true); // what a chain alone cannot tell
      const against = await t.http
        .get('/api/v1/audit-events/verify')
        .query({ checkpointSeq: checkpoint.seq, checkpointHash: checkpoint.hash })
        .set(w.admin.auth)
        .expect(200);
      expect(against.body).toMatchObject({ valid: false, checkpointHeld: false });
    } finally {
      // Put the log back as it was for the tests after this one.
      await t.db.query(`DELETE FROM audit_events WHERE seq >= $1`, [cutFrom]);
      for (const row of saved) {
        const columns = Object.keys(row);
        await t.db.query(
          `INSERT INTO audit_events (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
          columns.map((c) => row[c]),
        );
      }
      const [head] = await t.db.query(`SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1`);
      await t.db.query(`UPDATE audit_head SET seq = $1, hash = $2`, [head.seq, head.hash]);
      await t.db.query(`ALTER TABLE audit_events ENABLE TRIGGER tr_audit_events_append_only`);
    }
    const restored = await t.http.get('/api/v1/audit-events/verify').set(w.admin.auth).expect(200);
    expect(restored.body.valid).toBe(true);
  });

  it('refuses a checkpoint without its other half or a hash that is not one (400 naming the field)', async () => {
    const noHash = await t.http.get('/api/v1/audit-events/verify?checkpointSeq=3').set(w.admin.auth).expect(400);
    expect(noHash.body.errors[0].field).toBe('checkpointHash');
    const noSeq = await t.http
      .get(`/api/v1/audit-events/verify?checkpointHash=${'a'.repeat(64)}`)
      .set(w.admin.auth)
      .expect(400);
    expect(noSeq.body.errors[0].field).toBe('checkpointSeq');
    const bad = await t.http.get('/api/v1/audit-events/verify?checkpointSeq=3&checkpointHash=XYZ').set(w.admin.auth).expect(400);
    expect(bad.body.errors[0].field).toBe('checkpointHash');
  });

  it('refuses a bad range (400 naming the field)', async () => {
    const past = await t.http.get('/api/v1/audit-events/verify?from=999999999').set(w.admin.auth).expect(400);
    expect(past.body.errors[0].field).toBe('from');
    const zero = await t.http.get('/api/v1/audit-events/verify?limit=0').set(w.admin.auth).expect(400);
    expect(zero.body.errors[0].field).toBe('limit');
    const huge = await t.http.get('/api/v1/audit-events/verify?limit=100001').set(w.admin.auth).expect(400);
    expect(huge.body.errors[0].field).toBe('limit');
    await t.http.get('/api/v1/audit-events/verify?from=abc').set(w.admin.auth).expect(400);
  });

  it('is audited itself', async () => {
    await t.http.get('/api/v1/audit-events/verify?limit=3').set(w.admin.auth).expect(200);
    const [row] = await t.db.query(`SELECT actor_id, details FROM audit_events WHERE action = 'verify' ORDER BY seq DESC LIMIT 1`);
    expect(row).toEqual({ actor_id: w.admin.id, details: { from: 1, checked: 3, valid: true } });
  });
});

describe('what the log records', () => {
  it('reads of the log itself, under the courts whose events were shown', async () => {
    await t.http.get(`/api/v1/audit-events?entityType=child&entityId=${w.caseA.childId}`).set(w.clerkA.auth).expect(200);
    const [row] = await t.db.query(
      `SELECT court_id, details FROM audit_events WHERE action = 'list' AND entity_type = 'audit_event' AND actor_id = $1 ORDER BY seq DESC LIMIT 1`,
      [w.clerkA.id],
    );
    expect(row.court_id).toBe(w.courtA);
    expect(row.details).toMatchObject({ entityType: 'child', entityId: w.caseA.childId, count: expect.any(Number) });
  });

  it('list reads under the courts of the records answered, never the court the caller asked for', async () => {
    const res = await t.http.get(`/api/v1/cases?courtId=${w.courtB}`).set(w.clerkA.auth);
    expect(res.status).toBeLessThan(500);
    await t.http.get(`/api/v1/episodes?courtId=${w.courtB}`).set(w.clerkA.auth);
    await t.http.get(`/api/v1/obligations?courtId=${w.courtB}`).set(w.clerkA.auth);
    const filed = await t.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE actor_id = $1 AND court_id = $2`, [
      w.clerkA.id,
      w.courtB,
    ]);
    expect(filed[0].n).toBe(0);
    const bView = await t.http.get('/api/v1/audit-events?limit=500').set(w.clerkB.auth).expect(200);
    expect(bView.body.items.some((e: { actorId: string }) => e.actorId === w.clerkA.id)).toBe(false);
    // An admin's list across courts is filed under each court it showed, with that court's ids.
    await t.http.get('/api/v1/cases?limit=500').set(w.admin.auth).expect(200);
    const rows = await t.db.query(
      `SELECT court_id, details FROM audit_events WHERE actor_id = $1 AND action = 'list' AND entity_type = 'case' ORDER BY seq DESC LIMIT 2`,
      [w.admin.id],
    );
    expect(rows.map((r: { court_id: string }) => r.court_id).sort()).toEqual([w.courtA, w.courtB].sort());
    const inA = rows.find((r: { court_id: string }) => r.court_id === w.courtA);
    expect(inA.details.ids).toContain(w.caseA.id);
    expect(inA.details.ids).not.toContain(w.caseB.id);
  });

  it('a change aimed at a record the caller cannot see (404), under the caller’s court', async () => {
    await t.http.patch(`/api/v1/children/${w.caseB.childId}`).set(w.clerkA.auth).send({ weightPounds: 80 }).expect(404);
    const [row] = await t.db.query(
      `SELECT action, outcome, entity_id, court_id, details FROM audit_events WHERE actor_id = $1 AND outcome = 'not_found' ORDER BY seq DESC LIMIT 1`,
      [w.clerkA.id],
    );
    expect(row).toEqual({
      action: 'denied',
      outcome: 'not_found',
      entity_id: w.caseB.childId,
      court_id: w.courtA,
      details: { reason: 'not_found', method: 'PATCH', route: '/api/v1/children/:id' },
    });
  });
});

describe('a forged history', () => {
  // Last: it leaves the log forged.
  it('keys every row with the HMAC: a history rewritten by someone without the key does not verify', async () => {
    const versions = await t.db.query(`SELECT DISTINCT chain_version FROM audit_events`);
    expect(versions).toEqual([{ chain_version: CHAIN_HMAC }]);
    const intact = await t.http.get('/api/v1/audit-events/verify').set(w.admin.auth).expect(200);
    expect(intact.body.valid).toBe(true);
    // Whoever can write the table recomputes every hash as plain SHA-256 (the keyless version 1).
    const rows = await t.db.query(
      `SELECT seq::text AS seq, id, at, actor_id AS "actorId", actor_role AS "actorRole", action, outcome, entity_type AS "entityType",
              entity_id AS "entityId", court_id AS "courtId", request_id AS "requestId", details
         FROM audit_events ORDER BY seq`,
    );
    const forged: Array<{ seq: string; prev: string; hash: string }> = [];
    let prev = '0'.repeat(64);
    for (const r of rows) {
      const hash = chainHash(prev, r);
      forged.push({ seq: r.seq, prev, hash });
      prev = hash;
    }
    const [head] = await t.db.query(`SELECT seq::text AS seq, hash FROM audit_head`);
    const rewrite = async (values: Array<{ seq: string; prev: string; hash: string; version: number }>, headHash: string) => {
      await t.db.query(`ALTER TABLE audit_events DISABLE TRIGGER tr_audit_events_append_only`);
      await t.db.query(
        `UPDATE audit_events e SET prev_hash = v.prev, hash = v.hash, chain_version = v.version
           FROM unnest($1::bigint[], $2::text[], $3::text[], $4::smallint[]) AS v(seq, prev, hash, version) WHERE e.seq = v.seq`,
        [values.map((v) => v.seq), values.map((v) => v.prev), values.map((v) => v.hash), values.map((v) => v.version)],
      );
      await t.db.query(`ALTER TABLE audit_events ENABLE TRIGGER tr_audit_events_append_only`);
      await t.db.query(`UPDATE audit_head SET hash = $1 WHERE seq = $2`, [headHash, head.seq]);
    };
    await rewrite(
      forged.map((f) => ({ ...f, version: 1 })),
      prev,
    );
    const res = await t.http.get(`/api/v1/audit-events/verify?limit=${rows.length}`).set(w.admin.auth).expect(200);
    expect(res.body.valid).toBe(false);
  });
});
