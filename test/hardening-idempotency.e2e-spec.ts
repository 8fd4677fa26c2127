import { pdf } from './support/files.js';
import { openEpisode } from './support/hardening.js';
import { expectProblem } from './support/orders.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { PASSWORD, seedWorld, type World } from './support/world.js';

let t: TestApp;
let w: World;

beforeAll(async () => {
  // The loopback as a trusted proxy, so a test can speak from several client addresses.
  t = await startTestApp({ TRUST_PROXY: '127.0.0.1,::1,::ffff:127.0.0.1' });
  w = await seedWorld(t);
});
afterAll(() => t?.close());

const keyRows = async (key: string) =>
  (await t.db.query(`SELECT owner_id, path, status FROM idempotency_keys WHERE key = $1 ORDER BY owner_id`, [key])) as Array<{
    owner_id: string;
    path: string;
    status: string;
  }>;

describe('Idempotency-Key is scoped to the concrete URL', () => {
  it('refuses the same key and body on another obligation (409) and waives nothing there', async () => {
    const { obligations } = await openEpisode(t, w);
    const [a, b] = [obligations.NCMEC_REPORT, obligations.STATUS_UPDATE];
    const waive = (id: string) =>
      t.http
        .post(`/api/v1/obligations/${id}/waive`)
        .set(w.judgeA.auth)
        .set('Idempotency-Key', 'waive-1')
        .send({ reason: 'Duplicate duty' });

    const first = await waive(a).expect(200);
    expect(first.body).toMatchObject({ id: a, status: 'WAIVED' });
    const again = await waive(a).expect(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);

    const other = await waive(b);
    expectProblem(other, 409);
    expect(other.body.code).toBe('IdempotencyKeyReused');
    expect(other.body.errors).toEqual([{ field: 'Idempotency-Key', message: 'was used for another URL' }]);
    const bNow = await t.http.get(`/api/v1/obligations/${b}`).set(w.judgeA.auth).expect(200);
    expect(bNow.body.status).toBe('OPEN');
    // With a key of its own, B is waived as asked.
    await t.http
      .post(`/api/v1/obligations/${b}/waive`)
      .set(w.judgeA.auth)
      .set('Idempotency-Key', 'waive-2')
      .send({ reason: 'Duplicate duty' })
      .expect(200);
    expect((await keyRows('waive-1')).map((r) => r.path)).toEqual([`/api/v1/obligations/${a}/waive`]);
  });
});

describe('answers carrying credentials are never stored', () => {
  it('issues a new token for each POST /auth/token with the same key, and keeps no row', async () => {
    const login = () =>
      t.http.post('/api/v1/auth/token').set('Idempotency-Key', 'login-1').send({ email: w.clerkA.email, password: PASSWORD }).expect(200);
    const first = await login();
    const second = await login();
    expect(second.headers['idempotent-replayed']).toBeUndefined();
    expect(first.body.accessToken).toEqual(expect.any(String));
    expect(second.body.accessToken).toEqual(expect.any(String));
    expect(await keyRows('login-1')).toEqual([]);
  });

  it("keeps no row for an agency's new API key (shown once)", async () => {
    await t.http
      .post(`/api/v1/agencies/${w.agency1}/api-keys`)
      .set(w.admin.auth)
      .set('Idempotency-Key', 'key-1')
      .send({ name: 'Case system' })
      .expect(201);
    expect(await keyRows('key-1')).toEqual([]);
  });
});

describe('Idempotency-Key without a login', () => {
  it('is scoped by the caller’s address', async () => {
    const [first, second] = [await pdf('One order'), await pdf('Another order')];
    const verify = (from: string, file: Buffer) =>
      t.http
        .post('/api/v1/orders/verify')
        .set('X-Forwarded-For', from)
        .set('Idempotency-Key', 'verify-1')
        .attach('file', file, 'order.pdf');

    await verify('203.0.113.5', first).expect(200);
    const replay = await verify('203.0.113.5', first).expect(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    // Another address with the same key is another caller: neither a replay nor a conflict.
    const elsewhere = await verify('198.51.100.7', second).expect(200);
    expect(elsewhere.headers['idempotent-replayed']).toBeUndefined();
    expectProblem(await verify('203.0.113.5', second), 409);
    const rows = await keyRows('verify-1');
    expect(rows).toHaveLength(2);
    expect(rows[0].owner_id).not.toBe(rows[1].owner_id);
    expect(rows.map((r) => r.owner_id)).not.toContain('00000000-0000-0000-0000-000000000000');
  });
});
