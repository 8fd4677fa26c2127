import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { QueueName } from './queues.js';

export interface OutboxJob {
  queue: QueueName;
  name: string;
  data: Record<string, unknown>;
  /** Deterministic id made with jobId() (`obligation.<id>.due.v1`) so the same job cannot be queued twice; defaults to the row id. */
  jobId?: string;
  /** When the job should run; now when absent. */
  runAt?: Date;
  /** BullMQ options kept with the row: retries for work that talks to the outside. */
  options?: {
    attempts?: number;
    backoff?: { type: 'exponential' | 'fixed'; delay: number };
  };
}

export const OUTBOX_CHANNEL = 'cmfc_outbox';

/**
 * The only way work reaches a queue: a row written in the same transaction as
 * the change that causes it. The relay moves rows to BullMQ; if Redis is down
 * the rows wait, so a crash or an outage delays work and never drops it.
 */
@Injectable()
export class OutboxService {
  async enqueue(manager: EntityManager, ...jobs: OutboxJob[]): Promise<void> {
    if (jobs.length === 0) return;
    const invalid = jobs.find((job) => job.jobId?.includes(':'));
    if (invalid) throw new Error(`job id "${invalid.jobId}" contains ':'; build it with jobId()`);
    const values: unknown[] = [];
    const rows = jobs.map((job) => {
      const id = randomUUID();
      const base = values.length;
      values.push(
        id,
        job.queue,
        job.name,
        job.jobId ?? id,
        JSON.stringify(job.data),
        job.runAt ?? new Date(),
        JSON.stringify(job.options ?? {}),
      );
      return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5}, $${base + 6}, $${base + 7})`;
    });
    await manager.query(`INSERT INTO outbox (id, queue, job_name, job_id, payload, run_at, options) VALUES ${rows.join(', ')}`, values);
    // Wakes the relay at commit (and not before), so delivery starts in milliseconds instead of at the next poll.
    await manager.query(`SELECT pg_notify($1, '')`, [OUTBOX_CHANNEL]);
  }
}
