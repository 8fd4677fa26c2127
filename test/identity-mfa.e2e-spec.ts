import { totpCode } from '../src/auth/mfa/totp.js';
import { TokenService } from '../src/auth/token.service.js';
import { signInBrowser, type BrowserSession } from './support/browser-session.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { PASSWORD, seedWorld, type World } from './support/world.js';

/*
 * TOTP through HTTP with the default MFA_REQUIRED_ROLES (ADMIN, JUDGE): enrolment, sign-in with and
 * without the code, replay, recovery codes, the enrolment-only restriction and an ADMIN's reset.
 */
let t: TestApp;
let w: World;
/** An ADMIN who proved a second factor (minted by the service's own TokenService). */
let admin: { Authorization: string };

beforeAll(async () => {
  t = await startTestApp({ MFA_REQUIRED_ROLES: 'ADMIN,JUDGE', AUTH_STATE_CACHE_MS: '0' });
  w = await seedWorld(t);
  const token = await t.app.get(TokenService).issue({ ...w.admin, tokenVersion: 0, mfa: true });
  admin = { Authorization: `Bearer ${token}` };
});
afterAll(() => t?.close());

const session = (b: BrowserSession) => ({ Cookie: b.cookie, 'X-CSRF-Token': b.csrf });
const signIn = (email: string, totp?: string) =>
  t.http.post('/api/v1/auth/token').send({ email, password: PASSWORD, ...(totp === undefined ? {} : { totp }) });
const failedLogins = async (userId: string) =>
  ((await t.db.query(`SELECT failed_logins FROM users WHERE id = $1`, [userId]))[0] as { failed_logins: number }).failed_logins;

/** Enrols TOTP on a browser session; the secret, the code used to confirm, and the recovery codes. */
async function enrol(browser: BrowserSession) {
  const started = await t.http.post('/api/v1/auth/mfa/totp').set(session(browser)).expect(200);
  const secret = started.body.secret as string;
  const code = totpCode(secret);
  const confirmed = await t.http.post('/api/v1/auth/mfa/totp/confirm').set(session(browser)).send({ code }).expect(200);
  return { secret, code, recoveryCodes: confirmed.body.recoveryCodes as string[], otpauthUrl: started.body.otpauthUrl as string };
}

describe('a JUDGE without TOTP (MFA_REQUIRED_ROLES=ADMIN,JUDGE)', () => {
  it('signs in with mfaEnrolmentRequired and may only see itself, enrol, and sign out (403 MfaEnrolmentRequired elsewhere)', async () => {
    const res = await signIn(w.judgeA.email).expect(200);
    expect(res.body.mfaEnrolmentRequired).toBe(true);
    const bearer = { Authorization: `Bearer ${res.body.accessToken as string}` };
    const me = await t.http.get('/api/v1/auth/me').set(bearer).expect(200);
    expect(me.body).toMatchObject({ mfaEnabled: false, mfaEnrolmentRequired: true });
    for (const [method, path] of [
      ['get', `/api/v1/children/${w.caseA.childId}`],
      ['get', '/api/v1/courts'],
      ['get', `/api/v1/users/${w.judgeA.id}`],
      ['post', '/api/v1/auth/password'],
    ] as const) {
      const refused = await t.http[method](path).set(bearer).send({}).expect(403);
      expect(refused.body.code).toBe('MfaEnrolmentRequired');
    }
    const browser = await signInBrowser(t, w.judgeA.email, PASSWORD);
    expect(browser.body.mfaEnrolmentRequired).toBe(true);
    await t.http.get('/api/v1/courts').set('Cookie', browser.cookie).expect(403);
    await t.http.delete('/api/v1/auth/session').set(session(browser)).expect(204);
    await t.http.post('/api/v1/auth/logout').set(bearer).expect(204);
  });

  it('a CLERK (not a required role) is not restricted, and may still enrol', async () => {
    const res = await signIn(w.clerkA.email).expect(200);
    expect(res.body.mfaEnrolmentRequired).toBe(false);
    const bearer = { Authorization: `Bearer ${res.body.accessToken as string}` };
    await t.http.get(`/api/v1/children/${w.caseA.childId}`).set(bearer).expect(200);
    await t.http.post('/api/v1/auth/mfa/totp').set(bearer).expect(200);
  });
});

describe('TOTP enrolment and sign-in', () => {
  let secret: string;
  let confirmCode: string;
  let recoveryCodes: string[];

  it('enrols with an otpauth:// URL and a confirming code; the session may do everything from then on; audited mfa_enrolled', async () => {
    const browser = await signInBrowser(t, w.judgeB.email, PASSWORD);
    await t.http.get('/api/v1/courts').set('Cookie', browser.cookie).expect(403);
    const started = await t.http.post('/api/v1/auth/mfa/totp').set(session(browser)).expect(200);
    expect(started.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    const url = new URL(started.body.otpauthUrl as string);
    expect(url.protocol).toBe('otpauth:');
    expect(url.host).toBe('totp');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      secret: started.body.secret,
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
    });
    // A wrong code does not turn TOTP on.
    const wrong = await t.http.post('/api/v1/auth/mfa/totp/confirm').set(session(browser)).send({ code: '000000' }).expect(401);
    expect(wrong.body.code).toBe('MfaInvalid');
    secret = started.body.secret as string;
    confirmCode = totpCode(secret);
    const confirmed = await t.http.post('/api/v1/auth/mfa/totp/confirm').set(session(browser)).send({ code: confirmCode }).expect(200);
    recoveryCodes = confirmed.body.recoveryCodes as string[];
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const stored = (await t.db.query(`SELECT code_hash FROM mfa_recovery_codes WHERE user_id = $1`, [w.judgeB.id])) as Array<{
      code_hash: string;
    }>;
    expect(stored).toHaveLength(10);
    expect(stored.map((r) => r.code_hash)).not.toContain(recoveryCodes[0]);
    await t.http.get('/api/v1/courts').set('Cookie', browser.cookie).expect(200);
    const me = await t.http.get('/api/v1/auth/me').set('Cookie', browser.cookie).expect(200);
    expect(me.body).toMatchObject({ mfaEnabled: true, mfaEnrolmentRequired: false });
    const events = await t.db.query(`SELECT actor_id FROM audit_events WHERE action = 'mfa_enrolled' AND entity_id = $1`, [w.judgeB.id]);
    expect(events).toEqual([{ actor_id: w.judgeB.id }]);
    // Enrolling again is a conflict until an ADMIN resets it.
    const again = await t.http.post('/api/v1/auth/mfa/totp').set(session(browser)).expect(409);
    expect(again.body.code).toBe('MfaAlreadyEnabled');
  });

  it('without the code: 401 MfaRequired (not counted as a failure)', async () => {
    const before = await failedLogins(w.judgeB.id);
    const res = await signIn(w.judgeB.email).expect(401);
    expect(res.body.code).toBe('MfaRequired');
    expect(res.body.accessToken).toBeUndefined();
    await t.http.post('/api/v1/auth/session').send({ email: w.judgeB.email, password: PASSWORD }).expect(401);
    expect(await failedLogins(w.judgeB.id)).toBe(before);
  });

  it('a reused code (the one that confirmed enrolment) and a wrong code: 401 MfaInvalid, counted as a failed login', async () => {
    const before = await failedLogins(w.judgeB.id);
    const reused = await signIn(w.judgeB.email, confirmCode).expect(401);
    expect(reused.body.code).toBe('MfaInvalid');
    const wrong = await signIn(w.judgeB.email, '123456').expect(401);
    expect(wrong.body.code).toBe('MfaInvalid');
    expect(await failedLogins(w.judgeB.id)).toBe(before + 2);
    const reasons = await t.db.query(
      `SELECT details->>'reason' AS reason FROM audit_events WHERE action = 'login_failed' AND entity_id = $1 ORDER BY seq DESC LIMIT 2`,
      [w.judgeB.id],
    );
    expect(reasons).toEqual([{ reason: 'mfa_invalid' }, { reason: 'mfa_invalid' }]);
  });

  it('with a fresh code: signed in with the second factor; that code then works no more', async () => {
    const code = totpCode(secret, Date.now() + 30_000);
    const res = await signIn(w.judgeB.email, code).expect(200);
    expect(res.body.mfaEnrolmentRequired).toBe(false);
    await t.http
      .get('/api/v1/courts')
      .set('Authorization', `Bearer ${res.body.accessToken as string}`)
      .expect(200);
    const replay = await t.http.post('/api/v1/auth/session').send({ email: w.judgeB.email, password: PASSWORD, totp: code }).expect(401);
    expect(replay.body.code).toBe('MfaInvalid');
    const [login] = await t.db.query(
      `SELECT details FROM audit_events WHERE action = 'login' AND entity_id = $1 ORDER BY seq DESC LIMIT 1`,
      [w.judgeB.id],
    );
    expect(login.details).toEqual({ via: 'password', mfa: true });
  });

  it('a recovery code works once in place of the code (sessions too), in any case and without dashes', async () => {
    const browser = await signInBrowser(t, w.judgeB.email, PASSWORD, recoveryCodes[0]);
    await t.http.get('/api/v1/courts').set('Cookie', browser.cookie).expect(200);
    const again = await signIn(w.judgeB.email, recoveryCodes[0]).expect(401);
    expect(again.body.code).toBe('MfaInvalid');
    await signIn(w.judgeB.email, recoveryCodes[1].toLowerCase().replace(/-/g, '')).expect(200);
    const [{ used }] = await t.db.query(`SELECT count(*)::int AS used FROM mfa_recovery_codes WHERE user_id = $1 AND used_at IS NOT NULL`, [
      w.judgeB.id,
    ]);
    expect(used).toBe(2);
  });

  it('refuses bad input: a confirm code that is not six digits, a totp that is not a string (400 naming the field)', async () => {
    const res = await signIn(w.clerkB.email).expect(200);
    const bearer = { Authorization: `Bearer ${res.body.accessToken as string}` };
    const notStarted = await t.http.post('/api/v1/auth/mfa/totp/confirm').set(bearer).send({ code: '123456' }).expect(409);
    expect(notStarted.body.code).toBe('MfaNotStarted');
    for (const body of [{ code: 'abcdef' }, { code: '12345' }, { code: 123456 }, {}, { code: '123456', extra: 1 }]) {
      const bad = await t.http.post('/api/v1/auth/mfa/totp/confirm').set(bearer).send(body).expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining([Object.keys(body).at(-1) ?? 'code']));
    }
    const badTotp = await t.http.post('/api/v1/auth/token').send({ email: w.judgeB.email, password: PASSWORD, totp: 123456 }).expect(400);
    expect(badTotp.body.errors.map((e: { field: string }) => e.field)).toContain('totp');
  });

  it('is for people: 401 without a caller, 403 for an API key', async () => {
    await t.http.post('/api/v1/auth/mfa/totp').expect(401);
    await t.http.post('/api/v1/auth/mfa/totp/confirm').send({ code: '123456' }).expect(401);
    const key = await t.http.post(`/api/v1/agencies/${w.agency1}/api-keys`).set(admin).send({ name: 'CMS' }).expect(201);
    await t.http.post('/api/v1/auth/mfa/totp').set('X-API-Key', key.body.key).expect(403);
    await t.http.post('/api/v1/auth/mfa/totp/confirm').set('X-API-Key', key.body.key).send({ code: '123456' }).expect(403);
  });
});

describe('ADMIN reset of a lost authenticator', () => {
  it('removes TOTP and the recovery codes, ends the user’s sessions and tokens, audits mfa_reset; the user enrols again', async () => {
    const browser = await signInBrowser(t, w.agency2User.email, PASSWORD);
    const { secret } = await enrol(browser);
    const token = await signIn(w.agency2User.email, totpCode(secret, Date.now() + 30_000)).expect(200);
    const bearer = { Authorization: `Bearer ${token.body.accessToken as string}` };
    // A JUDGE who has not proved a second factor, and a clerk, may not reset.
    const judge = await signIn(w.judgeA.email).expect(200);
    await t.http
      .delete(`/api/v1/users/${w.agency2User.id}/mfa`)
      .set('Authorization', `Bearer ${judge.body.accessToken as string}`)
      .expect(403);
    await t.http.delete(`/api/v1/users/${w.agency2User.id}/mfa`).set(w.clerkA.auth).expect(403);
    // An ADMIN who has not proved one either is sent to enrol first.
    const unproved = await t.http.delete(`/api/v1/users/${w.agency2User.id}/mfa`).set(w.admin.auth).expect(403);
    expect(unproved.body.code).toBe('MfaEnrolmentRequired');

    await t.http.delete(`/api/v1/users/${w.agency2User.id}/mfa`).set(admin).expect(204);
    await t.http.get('/api/v1/auth/me').set(bearer).expect(401);
    await t.http.get('/api/v1/auth/me').set('Cookie', browser.cookie).expect(401);
    const [{ codes }] = await t.db.query(`SELECT count(*)::int AS codes FROM mfa_recovery_codes WHERE user_id = $1`, [w.agency2User.id]);
    expect(codes).toBe(0);
    const plain = await signIn(w.agency2User.email).expect(200);
    expect(plain.body.mfaEnrolmentRequired).toBe(false);
    const [event] = await t.db.query(`SELECT actor_id, details FROM audit_events WHERE action = 'mfa_reset' AND entity_id = $1`, [
      w.agency2User.id,
    ]);
    expect(event).toEqual({ actor_id: w.admin.id, details: { hadTotp: true } });
    await t.http
      .post('/api/v1/auth/mfa/totp')
      .set('Authorization', `Bearer ${plain.body.accessToken as string}`)
      .expect(200);
  });
});
