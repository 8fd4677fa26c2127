import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { DEFAULT_RETRY, JOB_QUEUE, type OutboxJob } from './jobs.js';
import { OutboxRepository } from './outbox.repository.js';

export type { OutboxJob } from './jobs.js';

/**
 * The only way work reaches a queue: a row written in the same transaction as
 * the change that causes it, typed by the job map (src/outbox/jobs.ts), which
 * also names the queue. The relay moves rows to BullMQ; if Redis is down the
 * rows wait, so a crash or an outage delays work and never drops it.
 */
@Injectable()
export class OutboxService {
  constructor(@Inject(OutboxRepository) private readonly outbox: OutboxRepository) {}

  async enqueue(manager: EntityManager, ...jobs: OutboxJob[]): Promise<void> {
    if (jobs.length === 0) return;
    const invalid = jobs.find((job) => job.jobId?.includes(':'));
    if (invalid) throw new Error(`job id "${invalid.jobId}" contains ':'; build it with jobId()`);
    await this.outbox.insert(
      manager,
      jobs.map((job) => {
        const id = randomUUID();
        return {
          id,
          queue: JOB_QUEUE[job.name],
          jobName: job.name,
          jobId: job.jobId ?? id,
          payload: job.data,
          runAt: job.runAt ?? new Date(),
          options: job.options ?? DEFAULT_RETRY,
        };
      }),
    );
  }
}
