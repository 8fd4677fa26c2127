import { randomUUID } from 'node:crypto';
import { hashPassword } from '../src/auth/password-hasher.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/*
 * The lockout under a burst (the hardening issue's item 3) and the per-address and per-account
 * limiters, with the client's address taken as TRUST_PROXY says: false, a hop count, or a list of
 * proxy addresses/CIDRs. The tests reach the service from 127.0.0.1 and name the client in
 * X-Forwarded-For (loopback addresses, so nothing here names a real host).
 */
const PASSWORD = 'lockout-password-2026';
let passwordHash: Promise<string> | undefined;

async function account(t: TestApp, email: string): Promise<string> {
  passwordHash ??= hashPassword(PASSWORD);
  const id = randomUUID();
  await t.db.query(`INSERT INTO users (id, email, name, password_hash, role) VALUES ($1, $2, 'Locked Out', $3, 'ADMIN')`, [
    id,
    email,
    await passwordHash,
  ]);
  return id;
}

const from = (t: TestApp, address: string, email: string, password: string) =>
  t.http.post('/api/v1/auth/token').set('X-Forwarded-For', address).send({ email, password });

/** What a client can tell from a refusal: everything but the request's own id. */
const answer = (res: { status: number; body: Record<string, unknown>; headers: Record<string, unknown> }) => ({
  status: res.status,
  type: res.body.type,
  title: res.body.title,
  detail: res.body.detail,
  code: res.body.code,
  retryAfter: res.headers['retry-after'],
});

const lockState = async (t: TestApp, id: string) =>
  (await t.db.query(`SELECT failed_logins, locked_until > now() AS locked FROM users WHERE id = $1`, [id]))[0] as {
    failed_logins: number;
    locked: boolean | null;
  };

describe('TRUST_PROXY as a list of proxy addresses (127.0.0.1): a burst from 40 addresses', () => {
  let t: TestApp;
  beforeAll(async () => {
    // The per-account limiter is set above the burst here so that the lock itself is what answers.
    t = await startTestApp({ TRUST_PROXY: '127.0.0.1', AUTH_THROTTLE_LIMIT: '2', AUTH_ACCOUNT_THROTTLE_LIMIT: '1000' });
  });
  afterAll(() => t?.close());

  it('40 wrong passwords at once, then the right one 300 ms later: 401 with the same body; the lock holds', async () => {
    const email = 'burst@test.court';
    const id = await account(t, email);
    const burst = Promise.all(Array.from({ length: 40 }, (_, i) => from(t, `127.1.0.${i + 1}`, email, 'wrong-password-guess')));
    // The scenario of the report: the right password arrives while the burst is still being checked.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const right = await from(t, '127.1.1.1', email, PASSWORD);
    const wrongs = await burst;
    expect(wrongs.map((res) => res.status)).toEqual(Array(40).fill(401));
    const wrong = answer(wrongs[0]);
    expect(wrongs.map(answer)).toEqual(Array(40).fill(wrong));
    expect(answer(right)).toEqual(wrong);
    expect(right.body.accessToken).toBeUndefined();
    // After the burst has been counted, the right password is still refused, with the same answer.
    const after = await from(t, '127.1.1.2', email, PASSWORD);
    expect(answer(after)).toEqual(wrong);
    expect(await lockState(t, id)).toEqual({ failed_logins: 5, locked: true });
    const outcomes = await t.db.query(
      `SELECT details->>'reason' AS reason, count(*)::int AS n FROM audit_events
       WHERE action = 'login_failed' AND entity_id = $1 GROUP BY 1 ORDER BY 1`,
      [id],
    );
    // Only five passwords were ever checked; every other attempt, the right ones included, met the lock.
    expect(outcomes).toEqual([
      { reason: 'locked', n: 37 },
      { reason: 'wrong_password', n: 5 },
    ]);
  });

  it('success never clears a lock it did not wait out; a lock that was waited out lets the right password in', async () => {
    const email = 'race@test.court';
    const id = await account(t, email);
    await t.db.query(`UPDATE users SET failed_logins = 4 WHERE id = $1`, [id]);
    // The right password races five wrong ones: whichever order they are checked in, the account ends locked.
    const results = await Promise.all([
      from(t, '127.2.0.1', email, PASSWORD),
      ...Array.from({ length: 5 }, (_, i) => from(t, `127.2.1.${i + 1}`, email, 'wrong-password-guess')),
    ]);
    expect(results.slice(1).map((res) => res.status)).toEqual(Array(5).fill(401));
    expect((await lockState(t, id)).locked).toBe(true);
    await from(t, '127.2.0.2', email, PASSWORD).expect(401);
    expect((await lockState(t, id)).locked).toBe(true);
    // Ten minutes later (moved back in the database): the right password works and clears the count.
    await t.db.query(`UPDATE users SET locked_until = now() - interval '1 second' WHERE id = $1`, [id]);
    await from(t, '127.2.0.3', email, PASSWORD).expect(200);
    expect(await lockState(t, id)).toEqual({ failed_logins: 0, locked: null });
  });

  it('limits each forwarded address on its own (429 with Retry-After); another address is not limited', async () => {
    const email = 'per-address@test.court';
    await account(t, email);
    await from(t, '127.3.0.1', email, 'wrong-password-guess').expect(401);
    await from(t, '127.3.0.1', email, 'wrong-password-guess').expect(401);
    const limited = await from(t, '127.3.0.1', email, PASSWORD).expect(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(limited.headers['retry-after']).toBeDefined();
    expect(limited.body.detail).toMatch(/this address/);
    await from(t, '127.3.0.2', email, PASSWORD).expect(200);
    // The session sign-in counts against the same address.
    const session = await t.http
      .post('/api/v1/auth/session')
      .set('X-Forwarded-For', '127.3.0.1')
      .send({ email, password: PASSWORD })
      .expect(429);
    expect(session.body.detail).toMatch(/this address/);
  });
});

describe('the per-account limiter, TRUST_PROXY as a hop count (1)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ TRUST_PROXY: '1', AUTH_THROTTLE_LIMIT: '2', AUTH_ACCOUNT_THROTTLE_LIMIT: '4' });
  });
  afterAll(() => t?.close());

  it('refuses an account’s fifth attempt from a fifth address (429), known email or not, while other accounts go on', async () => {
    const email = 'spread@test.court';
    await account(t, email);
    for (let i = 1; i <= 4; i += 1) await from(t, `127.4.0.${i}`, email, 'wrong-password-guess').expect(401);
    const limited = await from(t, '127.4.0.5', email, PASSWORD).expect(429);
    expect(limited.body.detail).toMatch(/this account/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // An unknown email is limited the same way, so the limiter tells nothing about who exists.
    for (let i = 1; i <= 4; i += 1) await from(t, `127.4.1.${i}`, 'nobody@test.court', 'wrong-password-guess').expect(401);
    const unknown = await from(t, '127.4.1.5', 'nobody@test.court', 'wrong-password-guess').expect(429);
    expect(unknown.body.detail).toMatch(/this account/);
    expect(unknown.body.code).toBe(limited.body.code);
    const other = 'other@test.court';
    await account(t, other);
    await from(t, '127.4.2.1', other, PASSWORD).expect(200);
  });

  it('takes the client as the address the one trusted proxy saw: the last X-Forwarded-For entry', async () => {
    const email = 'hops@test.court';
    await account(t, email);
    // The client may write anything before the proxy's entry; it does not change who the client is.
    await from(t, '127.5.0.1, 127.5.9.9', email, PASSWORD).expect(200);
    await from(t, '127.5.0.2, 127.5.9.9', email, PASSWORD).expect(200);
    await from(t, '127.5.0.3, 127.5.9.9', email, PASSWORD).expect(429);
    await from(t, '127.5.9.9, 127.5.0.4', email, PASSWORD).expect(200);
  });
});

describe('TRUST_PROXY=false (the default)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ TRUST_PROXY: 'false', AUTH_THROTTLE_LIMIT: '2' });
  });
  afterAll(() => t?.close());

  it('ignores X-Forwarded-For: every attempt from this socket counts against one address', async () => {
    const email = 'direct@test.court';
    await account(t, email);
    await from(t, '127.6.0.1', email, PASSWORD).expect(200);
    await from(t, '127.6.0.2', email, PASSWORD).expect(200);
    const limited = await from(t, '127.6.0.3', email, PASSWORD).expect(429);
    expect(limited.body.detail).toMatch(/this address/);
  });
});

describe('TRUST_PROXY as CIDRs that do not include the caller', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ TRUST_PROXY: '10.0.0.0/8, fd00::/8', AUTH_THROTTLE_LIMIT: '2' });
  });
  afterAll(() => t?.close());

  it('ignores X-Forwarded-For from an untrusted peer', async () => {
    const email = 'untrusted@test.court';
    await account(t, email);
    await from(t, '127.7.0.1', email, PASSWORD).expect(200);
    await from(t, '127.7.0.2', email, PASSWORD).expect(200);
    await from(t, '127.7.0.3', email, PASSWORD).expect(429);
  });
});
