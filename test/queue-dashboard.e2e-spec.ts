import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestApp, type TestApp } from './support/test-app.js';
import { PASSWORD, seedWorld, type World } from './support/world.js';

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await startTestApp();
  w = await seedWorld(t);
});
afterAll(() => t?.close());

describe('the queue dashboard (/admin/queues)', () => {
  it('is for ADMIN only, behind the same tokens', async () => {
    const none = await t.http.get('/admin/queues').expect(401);
    expect(none.headers['content-type']).toMatch(/problem\+json/);
    await t.http.get('/admin/queues').set(w.clerkA.auth).expect(403);
    await t.http.get('/admin/queues/api/queues').set(w.agency1User.auth).expect(403);
    await t.http.get('/admin/queues').set('Authorization', 'Bearer forged').expect(401);
    const page = await t.http.get('/admin/queues').set(w.admin.auth).expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    const api = await t.http.get('/admin/queues/api/queues').set(w.admin.auth).expect(200);
    const names = api.body.queues.map((q: { name: string }) => q.name).sort();
    expect(names).toEqual(['deadlines', 'docket-sync', 'hearings', 'maintenance', 'notifications']);
    const denied = await t.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'denied' AND details->>'method' = 'GET'`);
    expect(denied[0].n).toBeGreaterThanOrEqual(4);
  });

  it('opens in a browser with the session cookie (ADMIN only); the old bearer-in-a-cookie route is gone', async () => {
    await t.http.post('/api/v1/auth/dashboard-session').set(w.admin.auth).expect(404);
    const clerk = await t.http.post('/api/v1/auth/session').send({ email: w.clerkA.email, password: PASSWORD }).expect(200);
    const clerkCookies = (clerk.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]).join('; ');
    await t.http.get('/admin/queues').set('Cookie', clerkCookies).expect(403);
    const admin = await t.http.post('/api/v1/auth/session').send({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }).expect(200);
    const cookies = (admin.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]).join('; ');
    const page = await t.http.get('/admin/queues').set('Cookie', cookies).expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    // A change from another site (no CSRF header, not same-origin) is refused; the dashboard's own page may.
    const retry = '/admin/queues/api/queues/deadlines/retry/failed';
    const refused = await t.http.put(retry).set('Cookie', cookies).expect(403);
    expect(refused.body.code).toBe('CsrfTokenInvalid');
    const own = await t.http.put(retry).set('Cookie', cookies).set('Sec-Fetch-Site', 'same-origin');
    expect(own.status).toBeLessThan(300);
  });
});
