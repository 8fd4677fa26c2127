import { cookiesOf, signInBrowser } from './support/browser-session.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestApp, type TestApp } from './support/test-app.js';
import { PASSWORD, seedWorld, type World } from './support/world.js';

let t: TestApp;
let w: World;

beforeAll(async () => {
  // No replica cache in this suite, so a row changed in the database is seen by the next request.
  t = await startTestApp({ AUTH_STATE_CACHE_MS: '0' });
  w = await seedWorld(t);
});
afterAll(() => t?.close());

describe('POST /auth/session', () => {
  it('signs a browser in: an HttpOnly SameSite=Strict session cookie, a readable CSRF cookie, the user', async () => {
    const res = await t.http.post('/api/v1/auth/session').send({ email: w.clerkA.email, password: PASSWORD }).expect(200);
    expect(res.body).toMatchObject({ user: { id: w.clerkA.id, role: 'CLERK', courtId: w.courtA }, mfaEnrolmentRequired: false });
    expect(res.body.accessToken).toBeUndefined();
    const setCookie = res.headers['set-cookie'] as unknown as string[];
    const session = setCookie.find((c) => c.startsWith('cmfc_session='));
    const csrf = setCookie.find((c) => c.startsWith('cmfc_csrf='));
    expect(session).toMatch(/; Path=\/(;|$)/);
    expect(session).toMatch(/; HttpOnly/);
    expect(session).toMatch(/; SameSite=Strict/);
    expect(session).not.toMatch(/; Secure/); // only in production
    expect(csrf).not.toMatch(/HttpOnly/);
    expect(csrf).toMatch(/; SameSite=Strict/);
    // Stored under a hash: the cookie's value is nowhere in the table.
    const jar = cookiesOf(setCookie);
    const rows = await t.db.query(`SELECT id_hash, user_id, expires_at - created_at AS lifetime FROM sessions WHERE user_id = $1`, [
      w.clerkA.id,
    ]);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r: { id_hash: string }) => r.id_hash)).not.toContain(jar.cmfc_session);
    expect(rows[0].lifetime).toMatchObject({ hours: 12 });
  });

  it('answers a wrong password like /auth/token, and refuses bad input with 400 naming the field', async () => {
    const wrong = await t.http.post('/api/v1/auth/session').send({ email: w.clerkA.email, password: 'not-the-password' }).expect(401);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    expect(wrong.body.code).toBe('InvalidCredentials');
    const bad = await t.http.post('/api/v1/auth/session').send({ email: 7, password: PASSWORD, totp: 123456 }).expect(400);
    const fields = bad.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'totp']));
    await t.http.post('/api/v1/auth/session').send({ email: w.clerkA.email, password: PASSWORD, extra: 1 }).expect(400);
  });

  it('authenticates reads with the cookie alone, and GET /auth/me shows the user', async () => {
    const browser = await signInBrowser(t, w.agency1User.email, PASSWORD);
    const me = await t.http.get('/api/v1/auth/me').set('Cookie', browser.cookie).expect(200);
    expect(me.body).toMatchObject({ id: w.agency1User.id, role: 'AGENCY', agencyId: w.agency1, mfaEnabled: false });
    await t.http.get(`/api/v1/children/${w.caseA.childId}`).set('Cookie', browser.cookie).expect(200);
    await t.http.get(`/api/v1/children/${w.caseB.childId}`).set('Cookie', browser.cookie).expect(404);
    await t.http.get('/api/v1/auth/me').set('Cookie', 'cmfc_session=forged').expect(401);
  });

  it('refuses a change made with the cookie without the CSRF header, or with a wrong one (403)', async () => {
    const browser = await signInBrowser(t, w.clerkA.email, PASSWORD);
    const closure = { date: '2031-12-24', name: 'Christmas Eve' };
    const none = await t.http.post(`/api/v1/courts/${w.courtA}/closures`).set('Cookie', browser.cookie).send(closure).expect(403);
    expect(none.body.code).toBe('CsrfTokenInvalid');
    const wrong = await t.http
      .post(`/api/v1/courts/${w.courtA}/closures`)
      .set('Cookie', browser.cookie)
      .set('X-CSRF-Token', `${browser.csrf.slice(0, -2)}xx`)
      .send(closure)
      .expect(403);
    expect(wrong.body.code).toBe('CsrfTokenInvalid');
    // Another session's token (header and cookie both swapped) is not this session's.
    const other = await signInBrowser(t, w.clerkA.email, PASSWORD);
    const session = cookiesOf(browser.setCookie).cmfc_session;
    await t.http
      .post(`/api/v1/courts/${w.courtA}/closures`)
      .set('Cookie', `cmfc_session=${session}; cmfc_csrf=${other.csrf}`)
      .set('X-CSRF-Token', other.csrf)
      .send(closure)
      .expect(403);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM court_closures WHERE court_id = $1 AND date = '2031-12-24'`, [
      w.courtA,
    ]);
    expect(n).toBe(0);
    await t.http
      .post(`/api/v1/courts/${w.courtA}/closures`)
      .set('Cookie', browser.cookie)
      .set('X-CSRF-Token', browser.csrf)
      .send(closure)
      .expect(201);
    // Bearer callers need no CSRF token.
    await t.http
      .post(`/api/v1/courts/${w.courtA}/closures`)
      .set(w.clerkA.auth)
      .send({ date: '2031-12-26', name: 'Boxing Day' })
      .expect(201);
  });

  it('keeps the role rules: a clerk session may not create a court', async () => {
    const browser = await signInBrowser(t, w.clerkA.email, PASSWORD);
    await t.http
      .post('/api/v1/courts')
      .set('Cookie', browser.cookie)
      .set('X-CSRF-Token', browser.csrf)
      .send({ name: 'X', state: 'TX', county: 'Travis', timezone: 'America/Chicago' })
      .expect(403);
  });
});

describe('DELETE /auth/session', () => {
  it('ends the session at once and clears both cookies', async () => {
    const browser = await signInBrowser(t, w.judgeA.email, PASSWORD);
    await t.http.delete('/api/v1/auth/session').set('Cookie', browser.cookie).expect(403); // CSRF applies
    const res = await t.http.delete('/api/v1/auth/session').set('Cookie', browser.cookie).set('X-CSRF-Token', browser.csrf).expect(204);
    const cleared = res.headers['set-cookie'] as unknown as string[];
    expect(cleared.find((c) => c.startsWith('cmfc_session='))).toMatch(/Max-Age=0/);
    const gone = await t.http.get('/api/v1/auth/me').set('Cookie', browser.cookie).expect(401);
    expect(gone.body.code).toBe('InvalidSession');
    const [row] = await t.db.query(
      `SELECT action FROM audit_events WHERE entity_type = 'session' AND entity_id = $1 AND action = 'logout' ORDER BY seq DESC LIMIT 1`,
      [w.judgeA.id],
    );
    expect(row.action).toBe('logout');
  });

  it('is for sessions: without one it is a 401, with a Bearer token a 403', async () => {
    await t.http.delete('/api/v1/auth/session').expect(401);
    await t.http.delete('/api/v1/auth/session').set(w.judgeA.auth).expect(403);
  });
});

describe('session expiry', () => {
  it('refuses a session idle for 30 minutes, audits session_expired once, and keeps the others', async () => {
    const idle = await signInBrowser(t, w.clerkB.email, PASSWORD);
    const active = await signInBrowser(t, w.clerkB.email, PASSWORD);
    const idleHash = (await t.db.query(`SELECT id_hash FROM sessions WHERE user_id = $1 ORDER BY created_at LIMIT 1`, [w.clerkB.id]))[0]
      .id_hash as string;
    await t.db.query(`UPDATE sessions SET last_seen_at = now() - interval '29 minutes' WHERE id_hash = $1`, [idleHash]);
    await t.http.get('/api/v1/auth/me').set('Cookie', idle.cookie).expect(200); // still within 30 minutes: and this request counts
    await t.db.query(`UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE id_hash = $1`, [idleHash]);
    const expired = await t.http.get('/api/v1/auth/me').set('Cookie', idle.cookie).expect(401);
    expect(expired.body.code).toBe('SessionExpired');
    await t.http.get('/api/v1/auth/me').set('Cookie', idle.cookie).expect(401);
    await t.http.get('/api/v1/auth/me').set('Cookie', active.cookie).expect(200);
    const events = await t.db.query(`SELECT details FROM audit_events WHERE action = 'session_expired' AND entity_id = $1`, [w.clerkB.id]);
    expect(events).toEqual([{ details: { reason: 'idle' } }]);
  });

  it('refuses a session 12 hours after sign-in however active it was', async () => {
    const browser = await signInBrowser(t, w.agency2User.email, PASSWORD);
    await t.db.query(`UPDATE sessions SET expires_at = now() - interval '1 second', last_seen_at = now() WHERE user_id = $1`, [
      w.agency2User.id,
    ]);
    const res = await t.http.get('/api/v1/auth/me').set('Cookie', browser.cookie).expect(401);
    expect(res.body.code).toBe('SessionExpired');
  });
});

describe('POST /auth/logout', () => {
  it('stops that Bearer token at once; another token of the same user keeps working', async () => {
    const first = await t.http.post('/api/v1/auth/token').send({ email: w.agency3User.email, password: PASSWORD }).expect(200);
    const second = await t.http.post('/api/v1/auth/token').send({ email: w.agency3User.email, password: PASSWORD }).expect(200);
    const auth = { Authorization: `Bearer ${first.body.accessToken}` };
    await t.http.get('/api/v1/auth/me').set(auth).expect(200);
    await t.http.post('/api/v1/auth/logout').set(auth).expect(204);
    await t.http.get('/api/v1/auth/me').set(auth).expect(401);
    await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${second.body.accessToken}`).expect(200);
    const [revoked] = await t.db.query(
      `SELECT expires_at > now() + interval '50 minutes' AS later FROM revoked_tokens WHERE user_id = $1`,
      [w.agency3User.id],
    );
    expect(revoked.later).toBe(true);
  });

  it('needs a caller (401) and is not for API keys (403)', async () => {
    await t.http.post('/api/v1/auth/logout').expect(401);
    const key = await t.http.post(`/api/v1/agencies/${w.agency1}/api-keys`).set(w.admin.auth).send({ name: 'CMS' }).expect(201);
    await t.http.post('/api/v1/auth/logout').set('X-API-Key', key.body.key).expect(403);
  });
});

describe('OpenAPI', () => {
  it('shows the three ways in: Bearer, API key and the session cookie', async () => {
    const doc = (await t.http.get('/docs-json').expect(200)).body;
    expect(doc.components.securitySchemes).toMatchObject({
      bearer: { type: 'http', scheme: 'bearer' },
      apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
      session: { type: 'apiKey', in: 'cookie', name: 'cmfc_session' },
    });
    const me = doc.paths['/api/v1/auth/me'].get;
    expect(me.security).toEqual(expect.arrayContaining([{ bearer: [] }, { apiKey: [] }, { session: [] }]));
    expect(doc.paths['/api/v1/auth/dashboard-session']).toBeUndefined();
  });

  it('signs the first ADMIN in with a session too', async () => {
    const admin = await signInBrowser(t, ADMIN_EMAIL, ADMIN_PASSWORD);
    expect(admin.body.user.role).toBe('ADMIN');
  });
});
