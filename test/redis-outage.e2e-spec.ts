import { spawn, type ChildProcess } from 'node:child_process';
import { freePort, waitFor } from './support/wait.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createCase, seedWorld, type World } from './support/world.js';

/** This file runs its own redis-server, so it can stop it without disturbing the other suites. */
let redis: ChildProcess | null = null;
let port = 0;
let t: TestApp;
let w: World;

async function startRedis(): Promise<void> {
  redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  await waitFor(async () => {
    const { Redis } = await import('ioredis');
    const client = new Redis({
      port,
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    client.on('error', () => undefined);
    try {
      await client.connect();
      return (await client.ping()) === 'PONG';
    } catch {
      return false;
    } finally {
      client.disconnect();
    }
  }, 60_000);
}

async function stopRedis(): Promise<void> {
  if (!redis) return;
  const exited = new Promise((resolve) => redis!.once('exit', resolve));
  redis.kill('SIGKILL');
  await exited;
  redis = null;
}

beforeAll(async () => {
  port = await freePort();
  await startRedis();
  t = await startTestApp({
    REDIS_URL: `redis://127.0.0.1:${port}`,
    DEADLINE_SWEEP_SECONDS: '2',
  });
  w = await seedWorld(t);
});
afterAll(async () => {
  await t?.close();
  await stopRedis();
});

describe('with Redis down', () => {
  it('an episode still opens (PostgreSQL is the truth) and its deadline jobs run once Redis is back', async () => {
    const c = await createCase(t, w.clerkA, w.courtA, w.judgeA.id, 'R-1', w.agency1);
    await stopRedis();
    const discoveredAt = new Date(Date.now() - 24 * 3_600_000 + 2000).toISOString();
    const res = await t.http
      .post('/api/v1/episodes')
      .set(w.agency1User.auth)
      .send({ childId: c.childId, missingSince: discoveredAt, discoveredAt })
      .expect(201);
    expect(res.body.status).toBe('MISSING');
    const le = res.body.obligations.find((o: { type: string }) => o.type === 'LAW_ENFORCEMENT_REPORT');
    await t.http.get(`/api/v1/episodes/${res.body.id}`).set(w.clerkA.auth).expect(200);
    await t.http.get('/health/ready').expect(503);

    // The deadline passes while Redis is away: the work waits in the outbox, nothing fires.
    await new Promise((r) => setTimeout(r, 3000));
    const waiting = await t.db.query(`SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`);
    expect(waiting[0].n).toBeGreaterThan(0);
    const [before] = await t.db.query(`SELECT status FROM obligations WHERE id = $1`, [le.id]);
    expect(before.status).toBe('OPEN');

    await startRedis();
    await waitFor(async () => (await t.db.query(`SELECT status FROM obligations WHERE id = $1`, [le.id]))[0].status === 'OVERDUE', 60_000);
    await waitFor(async () => (await t.db.query(`SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`))[0].n === 0, 60_000);
    await t.http.get('/health/ready').expect(200);
  });
});
