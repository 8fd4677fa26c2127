import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Receiver } from './support/receiver.js';
import { waitFor } from './support/wait.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createCase, seedWorld, type World } from './support/world.js';

/*
 * The worker is a separate process (the built `node dist/main.js worker`, as
 * in production) so the test can kill it with SIGKILL in the middle of a
 * delivery. `npm test` builds first.
 */
const ENTRY = new URL('../dist/main.js', import.meta.url).pathname;
const receiver = new Receiver();
let t: TestApp;
let w: World;
const workers: ChildProcess[] = [];

function startWorker(): ChildProcess {
  const worker = spawn(process.execPath, [ENTRY, 'worker'], {
    env: { ...process.env, ...t.env },
    stdio: 'ignore',
  });
  workers.push(worker);
  return worker;
}

beforeAll(async () => {
  if (!existsSync(ENTRY)) throw new Error('dist/main.js is missing: run `npm run build` (npm test does)');
  const url = await receiver.start();
  // The API alone in this process; the work happens in the worker processes.
  t = await startTestApp(
    {
      DOCKET_WEBHOOK_URL: url,
      DOCKET_WEBHOOK_SECRET: 'crash-test-secret-0123456789',
      JOB_LOCK_MS: '2000',
    },
    'api',
  );
  w = await seedWorld(t);
});
afterAll(async () => {
  for (const worker of workers) worker.kill('SIGKILL');
  await t?.close();
  await receiver.stop();
});

describe('a worker killed during a delivery', () => {
  it('leaves the delivery to the next worker: delivered after restart, one success for the event id', async () => {
    // The CMS takes the first delivery and never answers; the next one it answers.
    receiver.behaviour = (_delivery, attempt) => (attempt === 1 ? 'hold' : 200);
    const first = startWorker();
    const c = await createCase(t, w.clerkA, w.courtA, w.judgeA.id, 'K-1', w.agency1);
    const res = await t.http
      .post('/api/v1/episodes')
      .set(w.agency1User.auth)
      .send({
        childId: c.childId,
        missingSince: new Date(Date.now() - 3_600_000).toISOString(),
      })
      .expect(201);
    const hearingRequestId = res.body.hearingRequests[0].id as string;
    const [held] = await waitFor(() => {
      const d = receiver.deliveries.filter((x) => x.json.data.id === hearingRequestId);
      return d.length ? d : null;
    }, 60_000); // a worker process starting on a loaded machine

    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    startWorker();

    await waitFor(async () => {
      const [row] = await t.db.query(`SELECT docket_status FROM hearing_requests WHERE id = $1`, [hearingRequestId]);
      return row.docket_status === 'SYNCED';
    }, 60_000);
    const deliveries = receiver.of(held.eventId);
    expect(deliveries.map((d) => d.answered)).toEqual([null, 200]);
    const events = await t.db.query(`SELECT status, attempts FROM docket_events WHERE hearing_request_id = $1`, [hearingRequestId]);
    expect(events).toEqual([{ status: 'DELIVERED', attempts: 1 }]);
  });
});
