import { startTestApp, type TestApp } from './support/test-app.js';
import { seedWorld, type World } from './support/world.js';

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

  it('opens in a browser through an HttpOnly cookie scoped to the dashboard', async () => {
    await t.http.post('/api/v1/auth/dashboard-session').set(w.clerkA.auth).expect(403);
    const res = await t.http.post('/api/v1/auth/dashboard-session').set(w.admin.auth).expect(204);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^cmfc_dashboard=[^;]+; Path=\/admin\/queues; HttpOnly; SameSite=Strict; Max-Age=3600/);
    await t.http.get('/admin/queues').set('Cookie', cookie.split(';')[0]).expect(200);
  });
});
