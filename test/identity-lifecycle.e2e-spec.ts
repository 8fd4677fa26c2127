import { signInBrowser } from './support/browser-session.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { waitFor } from './support/wait.js';
import { PASSWORD, seedWorld, type World } from './support/world.js';

/*
 * The user and API-key lifecycle through HTTP: GET/PATCH /users, POST /auth/password,
 * DELETE /users/:id/mfa, and the agency keys' list, expiry and revocation.
 */
let t: TestApp;
let w: World;

beforeAll(async () => {
  // No replica cache here, so a row changed in the database is seen by the next request.
  t = await startTestApp({ AUTH_STATE_CACHE_MS: '0' });
  w = await seedWorld(t);
});
afterAll(() => t?.close());

const NO_SUCH = '00000000-0000-4000-8000-000000000000';
const fieldsOf = (body: { errors?: Array<{ field: string }> }) => (body.errors ?? []).map((e) => e.field);
const auditOf = async (action: string, entityId: string) =>
  (await t.db.query(`SELECT actor_id, details FROM audit_events WHERE action = $1 AND entity_id = $2 ORDER BY seq`, [
    action,
    entityId,
  ])) as Array<{ actor_id: string | null; details: Record<string, unknown> }>;

async function newUser(email: string, role: 'JUDGE' | 'CLERK' | 'AGENCY', tenant: { courtId?: string; agencyId?: string }) {
  const res = await t.http
    .post('/api/v1/users')
    .set(w.admin.auth)
    .send({ email, name: `${role} person`, password: PASSWORD, role, ...tenant })
    .expect(201);
  return res.body as { id: string; email: string };
}

async function tokenOf(email: string, password = PASSWORD): Promise<{ Authorization: string }> {
  const res = await t.http.post('/api/v1/auth/token').send({ email, password }).expect(200);
  return { Authorization: `Bearer ${res.body.accessToken as string}` };
}

describe('GET /users', () => {
  it('lists users for an ADMIN, filtered by role, court, agency and disabled, one page at a time', async () => {
    const clerks = await t.http.get('/api/v1/users').query({ role: 'CLERK' }).set(w.admin.auth).expect(200);
    expect(clerks.body.items.map((u: { id: string }) => u.id)).toEqual(expect.arrayContaining([w.clerkA.id, w.clerkB.id]));
    expect(clerks.body.items.every((u: { role: string }) => u.role === 'CLERK')).toBe(true);
    expect(clerks.body.items[0]).toMatchObject({ mfaEnabled: false, disabled: false });
    expect(clerks.body.items[0].passwordHash).toBeUndefined();
    const courtA = await t.http.get('/api/v1/users').query({ courtId: w.courtA }).set(w.admin.auth).expect(200);
    expect(courtA.body.items.map((u: { id: string }) => u.id).sort()).toEqual([w.judgeA.id, w.clerkA.id].sort());
    const agency = await t.http.get('/api/v1/users').query({ agencyId: w.agency2 }).set(w.admin.auth).expect(200);
    expect(agency.body.items.map((u: { id: string }) => u.id)).toEqual([w.agency2User.id]);
    const first = await t.http.get('/api/v1/users').query({ limit: 2 }).set(w.admin.auth).expect(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await t.http.get('/api/v1/users').query({ limit: 2, cursor: first.body.nextCursor }).set(w.admin.auth).expect(200);
    const ids = [...first.body.items, ...second.body.items].map((u: { id: string }) => u.id);
    expect(new Set(ids).size).toBe(4);
  });

  it('is for ADMIN only (403 for every other role and an API key)', async () => {
    for (const user of [w.judgeA, w.clerkA, w.agency1User]) await t.http.get('/api/v1/users').set(user.auth).expect(403);
    await t.http.get('/api/v1/users').expect(401);
  });

  it('refuses bad filters with 400 naming the parameter', async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ role: 'KING' }, 'role'],
      [{ courtId: 'nope' }, 'courtId'],
      [{ disabled: 'maybe' }, 'disabled'],
      [{ limit: '0' }, 'limit'],
    ];
    for (const [query, field] of cases) {
      const res = await t.http.get('/api/v1/users').query(query).set(w.admin.auth).expect(400);
      expect(fieldsOf(res.body)).toContain(field);
    }
  });
});

describe('PATCH /users/:id', () => {
  it('renames without ending anything; a role change ends every token and session of the user at once', async () => {
    const user = await newUser('rerole@test.court', 'CLERK', { courtId: w.courtA });
    const bearer = await tokenOf(user.email);
    const browser = await signInBrowser(t, user.email, PASSWORD);
    const renamed = await t.http.patch(`/api/v1/users/${user.id}`).set(w.admin.auth).send({ name: 'Dana Clerk' }).expect(200);
    expect(renamed.body).toMatchObject({ name: 'Dana Clerk', role: 'CLERK', courtId: w.courtA });
    await t.http.get('/api/v1/auth/me').set(bearer).expect(200);
    await t.http.get('/api/v1/auth/me').set('Cookie', browser.cookie).expect(200);
    const judge = await t.http.patch(`/api/v1/users/${user.id}`).set(w.admin.auth).send({ role: 'JUDGE' }).expect(200);
    expect(judge.body).toMatchObject({ role: 'JUDGE', courtId: w.courtA });
    await t.http.get('/api/v1/auth/me').set(bearer).expect(401);
    await t.http.get('/api/v1/auth/me').set('Cookie', browser.cookie).expect(401);
    const me = await t.http
      .get('/api/v1/auth/me')
      .set(await tokenOf(user.email))
      .expect(200);
    expect(me.body.role).toBe('JUDGE');
  });

  it('moves a clerk to another court and ends the old tokens; the new court is what the new token sees', async () => {
    const user = await newUser('mover@test.court', 'CLERK', { courtId: w.courtA });
    const before = await tokenOf(user.email);
    await t.http.get(`/api/v1/children/${w.caseA.childId}`).set(before).expect(200);
    await t.http.patch(`/api/v1/users/${user.id}`).set(w.admin.auth).send({ courtId: w.courtB }).expect(200);
    await t.http.get(`/api/v1/children/${w.caseA.childId}`).set(before).expect(401);
    const after = await tokenOf(user.email);
    await t.http.get(`/api/v1/children/${w.caseA.childId}`).set(after).expect(404);
    await t.http.get(`/api/v1/children/${w.caseB.childId}`).set(after).expect(200);
  });

  it('disables a user: tokens, sessions and sign-in all stop, audited as user_disabled; enabling lets them sign in again', async () => {
    const user = await newUser('leaver@test.court', 'AGENCY', { agencyId: w.agency1 });
    const bearer = await tokenOf(user.email);
    const browser = await signInBrowser(t, user.email, PASSWORD);
    const res = await t.http.patch(`/api/v1/users/${user.id}`).set(w.admin.auth).send({ disabled: true }).expect(200);
    expect(res.body.disabled).toBe(true);
    await t.http.get('/api/v1/auth/me').set(bearer).expect(401);
    await t.http.get('/api/v1/auth/me').set('Cookie', browser.cookie).expect(401);
    const refused = await t.http.post('/api/v1/auth/token').send({ email: user.email, password: PASSWORD }).expect(401);
    expect(refused.body.code).toBe('InvalidCredentials');
    expect(await auditOf('user_disabled', user.id)).toEqual([expect.objectContaining({ actor_id: w.admin.id })]);
    const disabled = await t.http.get('/api/v1/users').query({ disabled: 'true' }).set(w.admin.auth).expect(200);
    expect(disabled.body.items.map((u: { id: string }) => u.id)).toContain(user.id);
    // Disabling again changes nothing and is not audited twice.
    await t.http.patch(`/api/v1/users/${user.id}`).set(w.admin.auth).send({ disabled: true }).expect(200);
    expect(await auditOf('user_disabled', user.id)).toHaveLength(1);
    await t.http.patch(`/api/v1/users/${user.id}`).set(w.admin.auth).send({ disabled: false }).expect(200);
    await tokenOf(user.email);
  });

  it('keeps the role and tenant rules of creation, naming the field', async () => {
    const user = await newUser('rules@test.court', 'CLERK', { courtId: w.courtA });
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ role: 'AGENCY' }, 'agencyId'],
      [{ agencyId: w.agency1 }, 'agencyId'],
      [{ courtId: null }, 'courtId'],
      [{ courtId: NO_SUCH }, 'courtId'],
      [{ role: 'KING' }, 'role'],
      [{ disabled: 'yes' }, 'disabled'],
      [{ name: '' }, 'name'],
      [{ email: 'new@test.court' }, 'email'],
    ];
    for (const [body, field] of cases) {
      const res = await t.http.patch(`/api/v1/users/${user.id}`).set(w.admin.auth).send(body).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(fieldsOf(res.body)).toContain(field);
    }
    const [row] = await t.db.query(`SELECT role, court_id, token_version FROM users WHERE id = $1`, [user.id]);
    expect(row).toEqual({ role: 'CLERK', court_id: w.courtA, token_version: 0 });
    // A role change that names the new tenant is accepted.
    const moved = await t.http
      .patch(`/api/v1/users/${user.id}`)
      .set(w.admin.auth)
      .send({ role: 'AGENCY', agencyId: w.agency3 })
      .expect(200);
    expect(moved.body).toMatchObject({ role: 'AGENCY', agencyId: w.agency3, courtId: null });
  });

  it('is for ADMIN only, 404 for an unknown user, 400 for a bad id; an ADMIN cannot disable themself', async () => {
    for (const user of [w.judgeA, w.clerkA, w.agency1User]) {
      await t.http.patch(`/api/v1/users/${w.clerkB.id}`).set(user.auth).send({ name: 'X' }).expect(403);
    }
    await t.http.patch(`/api/v1/users/${NO_SUCH}`).set(w.admin.auth).send({ name: 'X' }).expect(404);
    await t.http.patch('/api/v1/users/not-a-uuid').set(w.admin.auth).send({ name: 'X' }).expect(400);
    const own = await t.http.patch(`/api/v1/users/${w.admin.id}`).set(w.admin.auth).send({ disabled: true }).expect(409);
    expect(own.body.code).toBe('OwnAccount');
  });
});

describe('POST /auth/password', () => {
  it('changes the password: other tokens and sessions end, the session that changed it goes on', async () => {
    const user = await newUser('changer@test.court', 'CLERK', { courtId: w.courtB });
    const otherToken = await tokenOf(user.email);
    const otherBrowser = await signInBrowser(t, user.email, PASSWORD);
    const browser = await signInBrowser(t, user.email, PASSWORD);
    const newPassword = 'a-much-longer-passphrase-2031';
    await t.http
      .post('/api/v1/auth/password')
      .set('Cookie', browser.cookie)
      .set('X-CSRF-Token', browser.csrf)
      .send({ currentPassword: PASSWORD, newPassword })
      .expect(204);
    await t.http.get('/api/v1/auth/me').set('Cookie', browser.cookie).expect(200);
    await t.http.get('/api/v1/auth/me').set(otherToken).expect(401);
    await t.http.get('/api/v1/auth/me').set('Cookie', otherBrowser.cookie).expect(401);
    await t.http.post('/api/v1/auth/token').send({ email: user.email, password: PASSWORD }).expect(401);
    const bearer = await tokenOf(user.email, newPassword);
    const otherBearer = await tokenOf(user.email, newPassword);
    // By Bearer: the token that changed it goes on, the user's other token and sessions end.
    await t.http.post('/api/v1/auth/password').set(bearer).send({ currentPassword: newPassword, newPassword: PASSWORD }).expect(204);
    await t.http.get('/api/v1/auth/me').set(bearer).expect(200);
    await t.http.get('/api/v1/auth/me').set(otherBearer).expect(401);
    await t.http.get('/api/v1/auth/me').set('Cookie', browser.cookie).expect(401);
    // Changed again by the same token: it still goes on.
    await t.http.post('/api/v1/auth/password').set(bearer).send({ currentPassword: PASSWORD, newPassword }).expect(204);
    await t.http.get('/api/v1/auth/me').set(bearer).expect(200);
    await tokenOf(user.email, newPassword);
    expect(await auditOf('password_changed', user.id)).toHaveLength(3);
  });

  it('a token that changed its password still ends when it is signed out or the user is disabled', async () => {
    const user = await newUser('carried@test.court', 'CLERK', { courtId: w.courtA });
    const signedOut = await tokenOf(user.email);
    await t.http
      .post('/api/v1/auth/password')
      .set(signedOut)
      .send({ currentPassword: PASSWORD, newPassword: 'carried-passphrase-2031' })
      .expect(204);
    await t.http.post('/api/v1/auth/logout').set(signedOut).expect(204);
    await t.http.get('/api/v1/auth/me').set(signedOut).expect(401);

    const disabled = await tokenOf(user.email, 'carried-passphrase-2031');
    await t.http
      .post('/api/v1/auth/password')
      .set(disabled)
      .send({ currentPassword: 'carried-passphrase-2031', newPassword: PASSWORD })
      .expect(204);
    await t.http.get('/api/v1/auth/me').set(disabled).expect(200);
    await t.http.patch(`/api/v1/users/${user.id}`).set(w.admin.auth).send({ disabled: true }).expect(200);
    await t.http.get('/api/v1/auth/me').set(disabled).expect(401);
  });

  it('refuses a breached or common password, a short one, the email, the same one, and a wrong current password (400 naming the field)', async () => {
    const user = await newUser('weak@test.court', 'CLERK', { courtId: w.courtA });
    const bearer = await tokenOf(user.email);
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ currentPassword: PASSWORD, newPassword: '1qaz2wsx3edc' }, 'newPassword', /common|breached/],
      [{ currentPassword: PASSWORD, newPassword: '123QWEASDZXC' }, 'newPassword', /common|breached/],
      [{ currentPassword: PASSWORD, newPassword: 'short-one' }, 'newPassword', /at least 12/],
      [{ currentPassword: PASSWORD, newPassword: 'weak@test.court' }, 'newPassword', /email/],
      [{ currentPassword: PASSWORD, newPassword: PASSWORD }, 'newPassword', /differ/],
      [{ currentPassword: 'not-my-password', newPassword: 'a-fine-new-passphrase' }, 'currentPassword', /current/],
      [{ currentPassword: PASSWORD }, 'newPassword', /./],
      [{ currentPassword: 7, newPassword: 'a-fine-new-passphrase' }, 'currentPassword', /./],
      [{ currentPassword: PASSWORD, newPassword: 'a-fine-new-passphrase', extra: 1 }, 'extra', /./],
    ];
    for (const [body, field, message] of cases) {
      const res = await t.http.post('/api/v1/auth/password').set(bearer).send(body).expect(400);
      const error = (res.body.errors as Array<{ field: string; message: string }>).find((e) => e.field === field);
      expect(error?.message).toMatch(message);
    }
    // Nothing changed: the token still works and the old password still signs in.
    await t.http.get('/api/v1/auth/me').set(bearer).expect(200);
    await tokenOf(user.email);
  });

  it('needs a person: 401 without a caller, 403 for an API key, 403 without the CSRF header on a session', async () => {
    await t.http.post('/api/v1/auth/password').send({ currentPassword: PASSWORD, newPassword: 'a-fine-new-passphrase' }).expect(401);
    const key = await t.http.post(`/api/v1/agencies/${w.agency1}/api-keys`).set(w.admin.auth).send({ name: 'CMS' }).expect(201);
    await t.http
      .post('/api/v1/auth/password')
      .set('X-API-Key', key.body.key)
      .send({ currentPassword: PASSWORD, newPassword: 'a-fine-new-passphrase' })
      .expect(403);
    const browser = await signInBrowser(t, w.agency2User.email, PASSWORD);
    const csrf = await t.http
      .post('/api/v1/auth/password')
      .set('Cookie', browser.cookie)
      .send({ currentPassword: PASSWORD, newPassword: 'a-fine-new-passphrase' })
      .expect(403);
    expect(csrf.body.code).toBe('CsrfTokenInvalid');
    await tokenOf(w.agency2User.email);
  });
});

describe('DELETE /users/:id/mfa', () => {
  it('is for ADMIN only; 404 for an unknown user and 400 for a bad id; resets are audited as mfa_reset', async () => {
    for (const user of [w.judgeA, w.clerkA, w.agency1User])
      await t.http.delete(`/api/v1/users/${w.clerkB.id}/mfa`).set(user.auth).expect(403);
    await t.http.delete(`/api/v1/users/${NO_SUCH}/mfa`).set(w.admin.auth).expect(404);
    await t.http.delete('/api/v1/users/x/mfa').set(w.admin.auth).expect(400);
    await t.http.delete(`/api/v1/users/${w.clerkB.id}/mfa`).set(w.admin.auth).expect(204);
    expect(await auditOf('mfa_reset', w.clerkB.id)).toEqual([
      expect.objectContaining({ actor_id: w.admin.id, details: expect.objectContaining({ hadTotp: false }) }),
    ]);
  });
});

describe('API keys', () => {
  const keysOf = (agencyId: string) => `/api/v1/agencies/${agencyId}/api-keys`;

  it('are listed with prefix, dates and revocation, never the key or its hash', async () => {
    const created = await t.http.post(keysOf(w.agency2)).set(w.admin.auth).send({ name: 'Listed' }).expect(201);
    const list = await t.http.get(keysOf(w.agency2)).set(w.admin.auth).expect(200);
    const item = (list.body.items as Array<Record<string, unknown>>).find((k) => k.id === created.body.id);
    expect(item).toMatchObject({ name: 'Listed', prefix: expect.stringMatching(/^[0-9a-f]{12}$/), lastUsedAt: null, revokedAt: null });
    expect(created.body.key).toContain(item?.prefix);
    expect(JSON.stringify(list.body)).not.toContain(created.body.key);
    expect(Object.keys(item ?? {})).not.toEqual(expect.arrayContaining(['key']));
    expect(JSON.stringify(list.body)).not.toMatch(/hash/i);
    // Default expiry: a year from now.
    const days = (new Date(item?.expiresAt as string).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(364);
    expect(days).toBeLessThanOrEqual(365);
  });

  it('list and revoke are for ADMIN only; 404 for another agency or an unknown one, 400 for bad ids', async () => {
    const created = await t.http.post(keysOf(w.agency1)).set(w.admin.auth).send({ name: 'Guarded' }).expect(201);
    for (const user of [w.judgeA, w.clerkA, w.agency1User]) {
      await t.http.get(keysOf(w.agency1)).set(user.auth).expect(403);
      await t.http
        .delete(`${keysOf(w.agency1)}/${created.body.id}`)
        .set(user.auth)
        .expect(403);
    }
    await t.http.get(keysOf(w.agency1)).set('X-API-Key', created.body.key).expect(403);
    await t.http
      .delete(`${keysOf(w.agency1)}/${created.body.id}`)
      .set('X-API-Key', created.body.key)
      .expect(403);
    await t.http.get(keysOf(NO_SUCH)).set(w.admin.auth).expect(404);
    await t.http
      .delete(`${keysOf(w.agency2)}/${created.body.id}`)
      .set(w.admin.auth)
      .expect(404);
    await t.http
      .delete(`${keysOf(w.agency1)}/${NO_SUCH}`)
      .set(w.admin.auth)
      .expect(404);
    await t.http
      .delete(`${keysOf(w.agency1)}/nope`)
      .set(w.admin.auth)
      .expect(400);
    await t.http.get(keysOf('nope')).set(w.admin.auth).expect(400);
    await t.http.get('/api/v1/auth/me').set('X-API-Key', created.body.key).expect(200);
  });

  it('accept expiresAt up to a year ahead, refusing past, too far and malformed dates (400 naming expiresAt)', async () => {
    const soon = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const ok = await t.http.post(keysOf(w.agency1)).set(w.admin.auth).send({ name: 'Week', expiresAt: soon }).expect(201);
    expect(new Date(ok.body.expiresAt as string).toISOString()).toBe(soon);
    for (const expiresAt of [
      new Date(Date.now() - 60_000).toISOString(),
      new Date(Date.now() + 367 * 86_400_000).toISOString(),
      'next week',
      '2031-02-30T00:00:00Z',
    ]) {
      const res = await t.http.post(keysOf(w.agency1)).set(w.admin.auth).send({ name: 'Bad', expiresAt }).expect(400);
      expect(fieldsOf(res.body)).toContain('expiresAt');
    }
  });

  it('a revoked key answers 401 on its very next request, audited as api_key_revoked once', async () => {
    const created = await t.http.post(keysOf(w.agency1)).set(w.admin.auth).send({ name: 'Leaked' }).expect(201);
    const key = created.body.key as string;
    await t.http.get(`/api/v1/children/${w.caseA.childId}`).set('X-API-Key', key).expect(200);
    await t.http
      .delete(`${keysOf(w.agency1)}/${created.body.id}`)
      .set(w.admin.auth)
      .expect(204);
    const refused = await t.http.get(`/api/v1/children/${w.caseA.childId}`).set('X-API-Key', key).expect(401);
    expect(refused.body.code).toBe('InvalidApiKey');
    // Revoking again is harmless and not audited again.
    await t.http
      .delete(`${keysOf(w.agency1)}/${created.body.id}`)
      .set(w.admin.auth)
      .expect(204);
    expect(await auditOf('api_key_revoked', created.body.id)).toEqual([
      expect.objectContaining({ actor_id: w.admin.id, details: { agencyId: w.agency1 } }),
    ]);
    const list = await t.http.get(keysOf(w.agency1)).set(w.admin.auth).expect(200);
    const item = (list.body.items as Array<{ id: string; revokedAt: string | null }>).find((k) => k.id === created.body.id);
    expect(item?.revokedAt).toEqual(expect.any(String));
  });

  it('an expired key answers 401 at once', async () => {
    const created = await t.http.post(keysOf(w.agency1)).set(w.admin.auth).send({ name: 'Old' }).expect(201);
    await t.http.get('/api/v1/auth/me').set('X-API-Key', created.body.key).expect(200);
    await t.db.query(`UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE id = $1`, [created.body.id]);
    const res = await t.http.get('/api/v1/auth/me').set('X-API-Key', created.body.key).expect(401);
    expect(res.body.code).toBe('InvalidApiKey');
  });

  it('records lastUsedAt without a write per request: a burst of uses writes it once', async () => {
    const created = await t.http.post(keysOf(w.agency3)).set(w.admin.auth).send({ name: 'Busy' }).expect(201);
    const key = created.body.key as string;
    await t.http.get('/api/v1/auth/me').set('X-API-Key', key).expect(200);
    const lastUsed = async () =>
      ((await t.db.query(`SELECT last_used_at FROM api_keys WHERE id = $1`, [created.body.id]))[0] as { last_used_at: Date | null })
        .last_used_at;
    const first = await waitFor(lastUsed, 10_000);
    await Promise.all(Array.from({ length: 20 }, () => t.http.get('/api/v1/auth/me').set('X-API-Key', key).expect(200)));
    expect((await lastUsed())?.getTime()).toBe(first.getTime());
    const list = await t.http.get(keysOf(w.agency3)).set(w.admin.auth).expect(200);
    const item = (list.body.items as Array<{ id: string; lastUsedAt: string | null }>).find((k) => k.id === created.body.id);
    expect(new Date(item?.lastUsedAt as string).getTime()).toBe(first.getTime());
    // A minute later the next use is recorded again.
    await t.db.query(`UPDATE api_keys SET last_used_at = now() - interval '61 seconds' WHERE id = $1`, [created.body.id]);
    const aged = (await lastUsed()) as Date;
    await t.http.get('/api/v1/auth/me').set('X-API-Key', key).expect(200);
    await waitFor(async () => ((await lastUsed())?.getTime() ?? 0) > aged.getTime(), 10_000);
  });
});
