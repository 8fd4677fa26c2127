import { randomUUID } from 'node:crypto';
import { CookieJar, followSignIn, startOidcProvider, type ProviderLogin, type TestProvider } from './support/oidc.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { freePort } from './support/wait.js';
import { seedWorld, type World } from './support/world.js';

/*
 * Single sign-on end to end: the service, listening on a port, against a real oidc-provider started
 * here, through the real redirects (service → provider's authorization endpoint → its login form →
 * back to the callback with the code), with cookie jars as a browser keeps them. Nothing is mocked:
 * discovery, the code exchange with PKCE, the ID token's signature, state and nonce are all real.
 */
let t: TestApp;
let w: World;
let provider: TestProvider;
let base: string;
let disabledEmail: string;
const CLIENT = { client_id: 'cmfc-court', client_secret: 'a-test-client-secret-of-enough-length' };

beforeAll(async () => {
  const [appPort, providerPort] = [await freePort(), await freePort()];
  base = `http://127.0.0.1:${appPort}`;
  disabledEmail = `gone-${randomUUID().slice(0, 8)}@test.court`;
  provider = await startOidcProvider({
    port: providerPort,
    client: { ...CLIENT, redirect_uris: [`${base}/api/v1/auth/oidc/callback`] },
    accounts: {
      'judge-a': { email: 'JudgeA@Test.Court', email_verified: true },
      'clerk-a': { email: 'clerka@test.court', email_verified: true },
      unverified: { email: 'clerkb@test.court', email_verified: false },
      stranger: { email: 'stranger@elsewhere.test', email_verified: true },
      gone: { email: disabledEmail, email_verified: true },
    },
  });
  t = await startTestApp({
    OIDC_ISSUER_URL: provider.issuer,
    OIDC_CLIENT_ID: CLIENT.client_id,
    OIDC_CLIENT_SECRET: CLIENT.client_secret,
    PUBLIC_BASE_URL: base,
    MFA_REQUIRED_ROLES: 'ADMIN,JUDGE',
  });
  await t.app.listen({ port: appPort, host: '127.0.0.1' });
  w = await seedWorld(t);
  await t.db.query(
    `INSERT INTO users (id, email, name, password_hash, role, court_id, disabled_at) VALUES ($1, $2, 'Gone', 'x', 'CLERK', $3, now())`,
    [randomUUID(), disabledEmail, w.courtA],
  );
}, 120_000);
afterAll(async () => {
  await t?.close();
  await provider?.stop();
});

/** A fresh browser signs in at the provider as `login.sub`; the callback's answer and the browser's cookies. */
async function singleSignOn(login: ProviderLogin) {
  const jar = new CookieJar();
  const result = await followSignIn(new URL('/api/v1/auth/oidc/login', base), jar, login, `${base}/`);
  const session = jar.get(base, 'cmfc_session');
  const csrf = jar.get(base, 'cmfc_csrf');
  return { ...result, jar, cookie: session ? `cmfc_session=${session}; cmfc_csrf=${csrf}` : null };
}

async function json(response: Response) {
  return (await response.json()) as Record<string, unknown>;
}

const lastAudit = async (action: string) =>
  (
    (await t.db.query(`SELECT entity_id, details FROM audit_events WHERE action = $1 ORDER BY seq DESC LIMIT 1`, [action])) as Array<{
      entity_id: string | null;
      details: Record<string, unknown>;
    }>
  )[0];

describe('GET /auth/sign-in-options', () => {
  it('tells the sign-in page where single sign-on starts', async () => {
    const res = await t.http.get('/api/v1/auth/sign-in-options').expect(200);
    expect(res.body).toEqual({ password: true, oidcLoginUrl: '/api/v1/auth/oidc/login' });
  });
});

describe('single sign-on against oidc-provider', () => {
  it('sends the browser to the provider with PKCE (S256), state and nonce, keeping them server-side', async () => {
    const res = await t.http.get('/api/v1/auth/oidc/login').expect(302);
    const location = new URL(res.headers.location as string);
    expect(location.origin).toBe(provider.issuer);
    const query = Object.fromEntries(location.searchParams);
    expect(query).toMatchObject({
      client_id: CLIENT.client_id,
      response_type: 'code',
      redirect_uri: `${base}/api/v1/auth/oidc/callback`,
      code_challenge_method: 'S256',
      scope: 'openid email',
    });
    expect(query.code_challenge).toMatch(/^[\w-]{43}$/);
    expect(query.state).toMatch(/^[\w-]{20,}$/);
    expect(query.nonce).toMatch(/^[\w-]{20,}$/);
    const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('cmfc_oidc='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\/api\/v1\/auth\/oidc/);
    // Neither the verifier nor the state is in the cookie: it is only a random id.
    expect(cookie).not.toContain(query.state);
  });

  it('signs the existing user with the verified email in (any case), with a session like a password sign-in, and goes to the web app', async () => {
    const { response, cookie, trail } = await singleSignOn({ sub: 'judge-a', amr: ['pwd', 'otp'] });
    // The flow really went through the provider and came back to the callback.
    expect(trail.some((url) => url.origin === provider.issuer && url.pathname.startsWith('/interaction/'))).toBe(true);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`${base}/`);
    const setCookie = response.headers.getSetCookie();
    expect(setCookie.find((c) => c.startsWith('cmfc_session='))).toMatch(/HttpOnly; SameSite=Strict/);
    expect(cookie).not.toBeNull();
    const me = await t.http
      .get('/api/v1/auth/me')
      .set('Cookie', cookie as string)
      .expect(200);
    expect(me.body).toMatchObject({ id: w.judgeA.id, role: 'JUDGE', mfaEnrolmentRequired: false });
    // The provider's MFA (amr has otp) satisfies MFA_REQUIRED_ROLES for this judge.
    await t.http
      .get(`/api/v1/children/${w.caseA.childId}`)
      .set('Cookie', cookie as string)
      .expect(200);
    const [row] = await t.db.query(`SELECT via, mfa FROM sessions WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1`, [w.judgeA.id]);
    expect(row).toEqual({ via: 'oidc', mfa: true });
    expect(await lastAudit('login')).toEqual({ entity_id: w.judgeA.id, details: { via: 'oidc', mfa: true } });
    // A change with the session still needs the CSRF header.
    const csrf = cookie?.match(/cmfc_csrf=([^;]+)/)?.[1] as string;
    await t.http
      .delete('/api/v1/auth/session')
      .set('Cookie', cookie as string)
      .expect(403);
    await t.http
      .delete('/api/v1/auth/session')
      .set('Cookie', cookie as string)
      .set('X-CSRF-Token', csrf)
      .expect(204);
  });

  it('without a second factor at the provider, a JUDGE may only enrol; a CLERK (not required) may work', async () => {
    const judge = await singleSignOn({ sub: 'judge-a', amr: ['pwd'] });
    expect(judge.response.status).toBe(302);
    const refused = await t.http
      .get('/api/v1/courts')
      .set('Cookie', judge.cookie as string)
      .expect(403);
    expect(refused.body.code).toBe('MfaEnrolmentRequired');
    const me = await t.http
      .get('/api/v1/auth/me')
      .set('Cookie', judge.cookie as string)
      .expect(200);
    expect(me.body.mfaEnrolmentRequired).toBe(true);
    const clerk = await singleSignOn({ sub: 'clerk-a', amr: ['pwd'] });
    await t.http
      .get(`/api/v1/children/${w.caseA.childId}`)
      .set('Cookie', clerk.cookie as string)
      .expect(200);
  });

  it('an email with no user here: 401, no session, audited login_failed; no user is created', async () => {
    const { response, cookie } = await singleSignOn({ sub: 'stranger', amr: ['pwd'] });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = await json(response);
    expect(body.code).toBe('OidcNoAccount');
    expect(cookie).toBeNull();
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM users WHERE lower(email) = 'stranger@elsewhere.test'`);
    expect(n).toBe(0);
    expect((await lastAudit('login_failed')).details).toEqual({ reason: 'oidc_unknown_email' });
  });

  it('an inactive (disabled) user: the same 401 as an unknown email', async () => {
    const { response, cookie } = await singleSignOn({ sub: 'gone', amr: ['pwd', 'mfa'] });
    expect(response.status).toBe(401);
    const body = await json(response);
    expect(body.code).toBe('OidcNoAccount');
    expect(cookie).toBeNull();
    expect((await lastAudit('login_failed')).details).toEqual({ reason: 'oidc_disabled' });
  });

  it('an email the provider has not verified: 401', async () => {
    const { response, cookie } = await singleSignOn({ sub: 'unverified', amr: ['pwd'] });
    expect(response.status).toBe(401);
    expect(cookie).toBeNull();
  });

  it('a callback whose state is not the one sent: 401 OidcFailed, and the sign-in cannot be finished after', async () => {
    let genuine: URL | null = null;
    const rewrite = (url: URL) => {
      if (url.pathname !== '/api/v1/auth/oidc/callback') return url;
      genuine = new URL(url);
      const forged = new URL(url);
      forged.searchParams.set('state', 'forged-state-value-0123456789');
      return forged;
    };
    const { response, jar, cookie } = await singleSignOn({ sub: 'clerk-a', amr: ['pwd'], rewrite });
    expect(response.status).toBe(401);
    expect((await json(response)).code).toBe('OidcFailed');
    expect(cookie).toBeNull();
    expect((await lastAudit('login_failed')).details).toEqual({ reason: 'oidc_invalid' });
    // The genuine callback, replayed with the same browser's cookie: the pending sign-in was used up.
    expect(genuine).not.toBeNull();
    const replay = await fetch(genuine as unknown as URL, { redirect: 'manual', headers: { cookie: jar.header(new URL(base)) } });
    expect(replay.status).toBe(401);
  });

  it('an ID token whose nonce is not the one sent: 401 OidcFailed', async () => {
    const rewrite = (url: URL) => {
      if (url.origin !== provider.issuer || !url.searchParams.has('nonce')) return url;
      const forged = new URL(url);
      forged.searchParams.set('nonce', 'a-nonce-the-service-never-sent');
      return forged;
    };
    // The tampering happens on the way to the provider: the service's own redirect is rewritten.
    const jar = new CookieJar();
    const start = await fetch(new URL('/api/v1/auth/oidc/login', base), { redirect: 'manual' });
    jar.store(new URL(base), start);
    const { response } = await followSignIn(
      rewrite(new URL(start.headers.get('location') as string)),
      jar,
      { sub: 'clerk-a', amr: ['pwd'] },
      `${base}/`,
    );
    expect(response.status).toBe(401);
    expect((await json(response)).code).toBe('OidcFailed');
    expect(jar.get(base, 'cmfc_session')).toBeUndefined();
  });

  it('a callback from a browser that never started a sign-in (no cookie, a forged cookie, or a bad code): 401', async () => {
    const none = await t.http.get('/api/v1/auth/oidc/callback').query({ code: 'x', state: 'y' }).expect(401);
    expect(none.body.code).toBe('OidcFailed');
    await t.http.get('/api/v1/auth/oidc/callback').set('Cookie', 'cmfc_oidc=forged').query({ code: 'x', state: 'y' }).expect(401);
    const started = await t.http.get('/api/v1/auth/oidc/login').expect(302);
    const pending = (started.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('cmfc_oidc='))?.split(';')[0];
    const state = new URL(started.headers.location as string).searchParams.get('state') as string;
    const bad = await t.http
      .get('/api/v1/auth/oidc/callback')
      .set('Cookie', pending as string)
      .query({ code: 'not-a-code-the-provider-issued', state })
      .expect(401);
    expect(bad.body.code).toBe('OidcFailed');
  });

  it('a browser (Accept: text/html) that cannot be signed in is sent to the sign-in page with the reason, not shown the problem', async () => {
    const res = await t.http
      .get('/api/v1/auth/oidc/callback')
      .set('Accept', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8')
      .query({ code: 'x', state: 'y' })
      .expect(302);
    expect(res.headers.location).toBe(`${t.config.oidc!.appUrl.replace(/\/$/, '')}/sign-in?problem=OidcFailed`);
    expect(
      (res.headers['set-cookie'] as unknown as string[] | undefined)?.some(
        (c) => c.startsWith('cmfc_session=') && !c.includes('Max-Age=0'),
      ),
    ).not.toBe(true);
    // the refusal is recorded as any failed sign-in is
    expect((await lastAudit('login_failed'))?.details).toMatchObject({ reason: 'oidc_no_pending_login' });
  });

  it('a locked account is refused by single sign-on too', async () => {
    await t.db.query(`UPDATE users SET locked_until = now() + interval '10 minutes', failed_logins = 5 WHERE id = $1`, [w.clerkA.id]);
    const { response, cookie } = await singleSignOn({ sub: 'clerk-a', amr: ['pwd'] });
    expect(response.status).toBe(401);
    expect((await json(response)).code).toBe('OidcNoAccount');
    expect(cookie).toBeNull();
    await t.db.query(`UPDATE users SET locked_until = NULL, failed_logins = 0 WHERE id = $1`, [w.clerkA.id]);
  });
});

describe('without OIDC_ISSUER_URL', () => {
  let plain: TestApp;
  beforeAll(async () => {
    plain = await startTestApp();
  });
  afterAll(() => plain?.close());

  it('offers no single sign-on: the options say so and both routes are 404', async () => {
    const options = await plain.http.get('/api/v1/auth/sign-in-options').expect(200);
    expect(options.body).toEqual({ password: true, oidcLoginUrl: null });
    await plain.http.get('/api/v1/auth/oidc/login').expect(404);
    await plain.http.get('/api/v1/auth/oidc/callback').query({ code: 'x', state: 'y' }).expect(404);
  });
});
