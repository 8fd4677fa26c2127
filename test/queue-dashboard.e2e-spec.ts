import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestApp, type TestApp } from './support/test-app.js';
import { waitFor } from './support/wait.js';
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

  it('is read-only but for retrying failed jobs, and every retry is audited', async () => {
    const [{ since }] = await t.db.query(`SELECT max(seq)::text AS since FROM audit_events`);
    const refusedChanges: Array<[string, string]> = [
      ['put', '/admin/queues/api/queues/maintenance/clean/completed'],
      ['put', '/admin/queues/api/queues/maintenance/empty'],
      ['put', '/admin/queues/api/queues/maintenance/pause'],
      ['put', '/admin/queues/api/queues/pause'],
      ['put', '/admin/queues/api/queues/maintenance/obliterate'],
      ['post', '/admin/queues/api/queues/maintenance/add'],
      ['put', '/admin/queues/api/queues/maintenance/retry/completed'],
    ];
    for (const [method, path] of refusedChanges) {
      const res = await (method === 'put' ? t.http.put(path) : t.http.post(path).send({ name: 'x', data: {} })).set(w.admin.auth);
      expect({ path, status: res.status, code: res.body.code }).toEqual({ path, status: 403, code: 'QueueDashboardReadOnly' });
    }
    const denied = await t.db.query(
      `SELECT details FROM audit_events WHERE action = 'denied' AND actor_id = $1 AND details->>'route' LIKE '/admin/queues/%' AND seq > $2`,
      [w.admin.id, since],
    );
    expect(denied.length).toBe(refusedChanges.length);
    const queue = t.app.get<Queue>(getQueueToken('maintenance'), { strict: false });
    // The worker refuses a job it does not know: a failed job to retry.
    const job = await queue.add('not-a-job', {}, { attempts: 1 });
    await waitFor(async () => (await queue.getJobState(job.id!)) === 'failed', 10_000);
    await t.http.put(`/admin/queues/api/queues/maintenance/${job.id!}/retry`).set(w.admin.auth).expect(204);
    await t.http.put('/admin/queues/api/queues/maintenance/retry/failed').set(w.admin.auth).expect(200);
    const completed = await queue.add('housekeeping', {});
    await waitFor(async () => (await queue.getJobState(completed.id!)) === 'completed', 10_000);
    const again = await t.http.put(`/admin/queues/api/queues/maintenance/${completed.id!}/retry`).set(w.admin.auth).expect(403);
    expect(again.body.code).toBe('QueueDashboardReadOnly');
    const retries = await t.db.query(
      `SELECT outcome, details FROM audit_events WHERE action = 'queue_retry' AND actor_id = $1 AND seq > $2 ORDER BY seq`,
      [w.admin.id, since],
    );
    expect(retries).toEqual([
      { outcome: 'success', details: { queue: 'maintenance', jobId: job.id, status: null, answer: 204 } },
      { outcome: 'success', details: { queue: 'maintenance', jobId: null, status: 'failed', answer: 200 } },
    ]);
  });
});
