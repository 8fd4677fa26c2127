import { randomUUID } from 'node:crypto';
import { waitFor } from './support/wait.js';
import { Queue } from 'bullmq';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

describe('the outbox relay', () => {
  it('moves rows to BullMQ with their job id, and sets aside a row the queue refuses without blocking the others', async () => {
    const bad = randomUUID();
    const good = randomUUID();
    // A row the queue refuses (BullMQ forbids ':' in job ids), written before a good one.
    await t.db.query(
      `INSERT INTO outbox (id, queue, job_name, job_id, payload, run_at, created_at) VALUES
         ($1, 'maintenance', 'noop', 'bad:id', '{}', now(), now() - interval '1 second'),
         ($2, 'maintenance', 'noop', $3, '{}', now() + interval '1 hour', now())`,
      [bad, good, `test.${good}`],
    );
    await t.db.query(`SELECT pg_notify('cmfc_outbox', '')`);
    await waitFor(async () => (await t.db.query(`SELECT published_at FROM outbox WHERE id = $1`, [good]))[0].published_at, 5000);
    const queue = new Queue('maintenance', {
      connection: { url: t.config.redisUrl },
      prefix: t.config.queuePrefix,
    });
    try {
      const job = await queue.getJob(`test.${good}`);
      expect(job?.name).toBe('noop');
      expect(await job?.getState()).toBe('delayed');
    } finally {
      await queue.close();
    }
    const failed = await waitFor(async () => {
      const [row] = await t.db.query(`SELECT attempts, failed_at, last_error FROM outbox WHERE id = $1`, [bad]);
      return row.failed_at ? row : null;
    }, 15_000);
    expect(failed.attempts).toBe(5);
    expect(failed.last_error).toMatch(/:/);
  });
});
