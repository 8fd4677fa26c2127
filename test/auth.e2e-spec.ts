import jwt from 'jsonwebtoken';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestApp, type TestApp } from './support/test-app.js';
import { PASSWORD, seedWorld, type World } from './support/world.js';

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await startTestApp();
  w = await seedWorld(t);
});
afterAll(() => t?.close());

const login = (email: string, password: string) => t.http.post('/api/v1/auth/token').send({ email, password });

describe('POST /auth/token', () => {
  it('creates the first ADMIN from ADMIN_EMAIL / ADMIN_PASSWORD and logs them in', async () => {
    const res = await login(ADMIN_EMAIL, ADMIN_PASSWORD).expect(200);
    expect(res.body).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: 3600,
      user: { email: ADMIN_EMAIL, role: 'ADMIN', courtId: null, agencyId: null },
    });
    expect(res.body.user.password).toBeUndefined();
    expect(res.body.user.passwordHash).toBeUndefined();
    const claims = jwt.decode(res.body.accessToken, { complete: true }) as jwt.Jwt;
    expect(claims.header.alg).toBe('HS256');
    expect(claims.payload).toMatchObject({ iss: 'cmfc-court', aud: 'cmfc-court-api' });
  });

  it('logs in any role and matches the email case-insensitively', async () => {
    const res = await login(w.clerkA.email.toUpperCase(), PASSWORD).expect(200);
    expect(res.body.user).toMatchObject({ id: w.clerkA.id, role: 'CLERK', courtId: w.courtA });
  });

  it('answers an unknown email and a wrong password with the same 401', async () => {
    const unknown = await login('nobody@test.court', PASSWORD).expect(401);
    const wrong = await login(w.judgeA.email, 'not-the-password').expect(401);
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(unknown.body.detail).toBe(wrong.body.detail);
    expect(unknown.body.code).toBe(wrong.body.code);
  });

  it('refuses wrong types with 400 naming the field', async () => {
    const res = await t.http
      .post('/api/v1/auth/token')
      .send({ email: 42, password: ['x'] })
      .expect(400);
    expect(res.body.errors.some((e: { field: string }) => e.field === 'email')).toBe(true);
    expect(res.body.errors.some((e: { field: string }) => e.field === 'password')).toBe(true);
  });

  it('locks the account for ten minutes after five failures, even for the right password, with the same 401', async () => {
    const wrong = [];
    for (let i = 0; i < 5; i += 1) wrong.push(await login(w.judgeB.email, 'wrong-password!').expect(401));
    const locked = await login(w.judgeB.email, PASSWORD).expect(401);
    expect(locked.body.code).toBe(wrong[0].body.code);
    expect(locked.body.detail).toBe(wrong[0].body.detail);
    expect(locked.headers['retry-after']).toBeUndefined();
    const [row] = await t.db.query(`SELECT locked_until > now() + interval '9 minutes' AS locked FROM users WHERE id = $1`, [w.judgeB.id]);
    expect(row.locked).toBe(true);
    // after the lock expires the right password works again
    await t.db.query(`UPDATE users SET locked_until = now() - interval '1 second' WHERE id = $1`, [w.judgeB.id]);
    await login(w.judgeB.email, PASSWORD).expect(200);
  });

  it('audits logins, failed or not', async () => {
    await login(w.agency1User.email, PASSWORD).expect(200);
    await login(w.agency1User.email, 'nope-nope-nope').expect(401);
    const rows = await t.db.query(
      `SELECT action, outcome FROM audit_events WHERE entity_type = 'session' AND entity_id = $1 ORDER BY seq`,
      [w.agency1User.id],
    );
    expect(rows).toEqual([
      { action: 'login', outcome: 'success' },
      { action: 'login_failed', outcome: 'failed' },
    ]);
  });
});

describe('GET /auth/me', () => {
  it('returns the caller', async () => {
    const res = await t.http.get('/api/v1/auth/me').set(w.clerkA.auth).expect(200);
    expect(res.body).toMatchObject({ id: w.clerkA.id, email: w.clerkA.email, role: 'CLERK', courtId: w.courtA });
  });

  it('refuses no token, a malformed header, a forged, expired, wrong-audience or unsigned token (401)', async () => {
    const secret = t.config.jwtSecret;
    const claims = { sub: w.clerkA.id, role: 'ADMIN', courtId: null, agencyId: null };
    const tokens = [
      jwt.sign(claims, 'another-secret-that-is-long-enough-000000', {
        algorithm: 'HS256',
        issuer: 'cmfc-court',
        audience: 'cmfc-court-api',
        expiresIn: 60,
      }),
      jwt.sign(claims, secret, { algorithm: 'HS256', issuer: 'cmfc-court', audience: 'cmfc-court-api', expiresIn: -10 }),
      jwt.sign(claims, secret, { algorithm: 'HS256', issuer: 'cmfc-court', audience: 'someone-else', expiresIn: 60 }),
      jwt.sign(claims, secret, { algorithm: 'HS384', issuer: 'cmfc-court', audience: 'cmfc-court-api', expiresIn: 60 }),
      jwt.sign(claims, '', { algorithm: 'none', issuer: 'cmfc-court', audience: 'cmfc-court-api' }),
    ];
    await t.http.get('/api/v1/auth/me').expect(401);
    await t.http.get('/api/v1/auth/me').set('Authorization', 'Basic abc').expect(401);
    for (const token of tokens) {
      const res = await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });
});

describe('API keys for agency systems', () => {
  it('are created by an ADMIN, shown once, stored hashed, and act as the agency', async () => {
    await t.http.post(`/api/v1/agencies/${w.agency1}/api-keys`).set(w.clerkA.auth).send({ name: 'CMS' }).expect(403);
    await t.http.post(`/api/v1/agencies/${w.agency1}/api-keys`).set(w.admin.auth).send({ name: '' }).expect(400);
    await t.http.post(`/api/v1/agencies/${w.agency1}/api-keys`).set(w.admin.auth).send({ name: 'CMS', extra: 1 }).expect(400);
    await t.http.post(`/api/v1/agencies/00000000-0000-4000-8000-000000000000/api-keys`).set(w.admin.auth).send({ name: 'CMS' }).expect(404);
    const created = await t.http.post(`/api/v1/agencies/${w.agency1}/api-keys`).set(w.admin.auth).send({ name: 'Case system' }).expect(201);
    expect(created.body).toMatchObject({ name: 'Case system', agencyId: w.agency1 });
    const key: string = created.body.key;
    const [stored] = await t.db.query(`SELECT key_hash FROM api_keys WHERE id = $1`, [created.body.id]);
    expect(stored.key_hash).not.toContain(key);
    const me = await t.http.get('/api/v1/auth/me').set('X-API-Key', key).expect(200);
    expect(me.body).toMatchObject({ kind: 'api_key', role: 'AGENCY', agencyId: w.agency1 });
    await t.http.get(`/api/v1/children/${w.caseA.childId}`).set('X-API-Key', key).expect(200);
    await t.http.get(`/api/v1/children/${w.caseB.childId}`).set('X-API-Key', key).expect(404);
    await t.http
      .get('/api/v1/auth/me')
      .set('X-API-Key', `${key.slice(0, -2)}xx`)
      .expect(401);
    await t.http.post('/api/v1/courts').set('X-API-Key', key).send({}).expect(403);
  });
});

describe('rapid /auth/token calls from one address', () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await startTestApp({ AUTH_THROTTLE_LIMIT: '3', AUTH_THROTTLE_TTL_SECONDS: '60' });
  });
  afterAll(() => limited?.close());

  it('get 429 with Retry-After once the limit is passed', async () => {
    for (let i = 0; i < 3; i += 1)
      await limited.http.post('/api/v1/auth/token').send({ email: 'x@y.z', password: 'whatever-123' }).expect(401);
    const res = await limited.http.post('/api/v1/auth/token').send({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }).expect(429);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['retry-after']).toBeDefined();
    // other routes are not limited
    await limited.http.get('/health').expect(200);
  });
});
