import request from 'supertest';
import { cookiesOf } from './support/browser-session.js';
import { ServiceProcesses } from './support/processes.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './support/test-app.js';
import { waitFor } from './support/wait.js';

/*
 * Revocation on every replica: two API processes on one database and Redis, each with its own
 * account-state cache (AUTH_STATE_CACHE_MS at its default). Every change is made through replica A
 * while the credential is already in use (and cached) on replica B; B must refuse it within 5 s.
 */
let processes: ServiceProcesses;
let replicaA: string;
let replicaB: string;
let admin: Record<string, string>;
let courtId: string;
let agencyId: string;
const PASSWORD = 'replica-password-2026';
/** The bound the issue sets: a revocation holds on every replica within five seconds. */
const WITHIN_MS = 5_000;

beforeAll(async () => {
  processes = await ServiceProcesses.create();
  replicaA = await processes.start('api');
  replicaB = await processes.start('api');
  admin = await bearer(replicaA, ADMIN_EMAIL, ADMIN_PASSWORD);
  courtId = (
    await request(replicaA)
      .post('/api/v1/courts')
      .set(admin)
      .send({ name: 'Replica Court', state: 'TX', county: 'Travis', timezone: 'America/Chicago' })
      .expect(201)
  ).body.id as string;
  agencyId = (
    await request(replicaA)
      .post('/api/v1/agencies')
      .set(admin)
      .send({ name: 'Replica Agency', kind: 'CHILD_WELFARE', state: 'TX' })
      .expect(201)
  ).body.id as string;
}, 120_000);
afterAll(() => processes?.stop());

async function bearer(base: string, email: string, password = PASSWORD): Promise<Record<string, string>> {
  const res = await request(base).post('/api/v1/auth/token').send({ email, password }).expect(200);
  return { Authorization: `Bearer ${res.body.accessToken as string}` };
}

async function browser(base: string, email: string): Promise<Record<string, string>> {
  const res = await request(base).post('/api/v1/auth/session').send({ email, password: PASSWORD }).expect(200);
  const jar = cookiesOf(res.headers['set-cookie'] as unknown as string[]);
  return { Cookie: `cmfc_session=${jar.cmfc_session}; cmfc_csrf=${jar.cmfc_csrf}`, 'X-CSRF-Token': jar.cmfc_csrf };
}

async function clerk(email: string): Promise<string> {
  const res = await request(replicaA)
    .post('/api/v1/users')
    .set(admin)
    .send({ email, name: 'Clerk', password: PASSWORD, role: 'CLERK', courtId })
    .expect(201);
  return res.body.id as string;
}

/** The credential works on B now (so B has the account's state cached)… */
async function worksOnB(headers: Record<string, string>): Promise<void> {
  await request(replicaB).get('/api/v1/auth/me').set(headers).expect(200);
  await request(replicaB).get('/api/v1/courts').set(headers).expect(200);
}

/** …and after the change on A, B refuses it within five seconds. */
async function refusedOnB(headers: Record<string, string>): Promise<void> {
  await waitFor(async () => (await request(replicaB).get('/api/v1/courts').set(headers)).status === 401, WITHIN_MS);
  await request(replicaB).get('/api/v1/auth/me').set(headers).expect(401);
}

describe('a change through replica A ends the credential on replica B within 5 s', () => {
  it('POST /auth/logout on A: that token stops on B; another token of the user keeps working', async () => {
    await clerk('logout@replica.test');
    const token = await bearer(replicaA, 'logout@replica.test');
    const other = await bearer(replicaB, 'logout@replica.test');
    await worksOnB(token);
    await request(replicaA).post('/api/v1/auth/logout').set(token).expect(204);
    await refusedOnB(token);
    await request(replicaA).get('/api/v1/auth/me').set(token).expect(401);
    await worksOnB(other);
  });

  it('DELETE /auth/session on A: the browser session stops on B', async () => {
    await clerk('signout@replica.test');
    const session = await browser(replicaB, 'signout@replica.test');
    await worksOnB(session);
    await request(replicaA).delete('/api/v1/auth/session').set(session).expect(204);
    await refusedOnB(session);
  });

  it('PATCH /users/:id {disabled: true} on A: every token and session of the user stops on B', async () => {
    const id = await clerk('disabled@replica.test');
    const token = await bearer(replicaA, 'disabled@replica.test');
    const session = await browser(replicaB, 'disabled@replica.test');
    await worksOnB(token);
    await worksOnB(session);
    await request(replicaA).patch(`/api/v1/users/${id}`).set(admin).send({ disabled: true }).expect(200);
    await refusedOnB(token);
    await refusedOnB(session);
    await request(replicaB).post('/api/v1/auth/token').send({ email: 'disabled@replica.test', password: PASSWORD }).expect(401);
  });

  it('PATCH /users/:id {role} on A: the old role’s tokens and sessions stop on B', async () => {
    const id = await clerk('rerole@replica.test');
    const token = await bearer(replicaA, 'rerole@replica.test');
    const session = await browser(replicaB, 'rerole@replica.test');
    await worksOnB(token);
    await worksOnB(session);
    await request(replicaA).patch(`/api/v1/users/${id}`).set(admin).send({ role: 'AGENCY', agencyId }).expect(200);
    await refusedOnB(token);
    await refusedOnB(session);
    const fresh = await bearer(replicaB, 'rerole@replica.test');
    const me = await request(replicaB).get('/api/v1/auth/me').set(fresh).expect(200);
    expect(me.body).toMatchObject({ role: 'AGENCY', agencyId, courtId: null });
  });

  it('POST /auth/password on A: the user’s other tokens and sessions stop on B', async () => {
    await clerk('password@replica.test');
    const changer = await browser(replicaA, 'password@replica.test');
    const token = await bearer(replicaA, 'password@replica.test');
    const session = await browser(replicaB, 'password@replica.test');
    await worksOnB(token);
    await worksOnB(session);
    await request(replicaA)
      .post('/api/v1/auth/password')
      .set(changer)
      .send({ currentPassword: PASSWORD, newPassword: 'another-long-passphrase-2031' })
      .expect(204);
    await refusedOnB(token);
    await refusedOnB(session);
    // The session that changed it goes on, on either replica.
    await request(replicaB).get('/api/v1/auth/me').set(changer).expect(200);
  });

  it('DELETE /agencies/:id/api-keys/:keyId on A: the key answers 401 on B at once', async () => {
    const issued = await request(replicaA).post(`/api/v1/agencies/${agencyId}/api-keys`).set(admin).send({ name: 'CMS' }).expect(201);
    const key = { 'X-API-Key': issued.body.key as string };
    await worksOnB(key);
    await request(replicaA)
      .delete(`/api/v1/agencies/${agencyId}/api-keys/${issued.body.id as string}`)
      .set(admin)
      .expect(204);
    await request(replicaB).get('/api/v1/courts').set(key).expect(401);
  });
});
