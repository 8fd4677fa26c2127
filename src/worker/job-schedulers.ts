import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { MAINTENANCE_JOB } from '../outbox/maintenance.processor.js';
import { QUEUES } from '../outbox/queues.js';

/** A recurring job: BullMQ runs it on one worker at a time, whatever the number of workers. */
export interface RecurringJob {
  queue: Queue;
  schedulerId: string;
  jobName: string;
  everyMs: number;
}

export const RECURRING_JOBS = Symbol('RECURRING_JOBS');

/**
 * Re-declares the schedulers this often, in case Redis lost them: a restart without persistence must not stop
 * the reconciliation sweep. Declaring again keeps the schedule: `every`
 * intervals are aligned to the clock, not to the declaration.
 */
const REDECLARE_MS = 15_000;

/**
 * Declares the BullMQ job schedulers of the worker (sweeps, housekeeping).
 * Declaring is idempotent; it is retried until Redis answers, so a worker
 * starts even while Redis is away.
 */
@Injectable()
export class JobSchedulers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobSchedulers.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @InjectQueue(QUEUES.maintenance) private readonly maintenance: Queue,
    @Inject(RECURRING_JOBS) private readonly recurring: RecurringJob[],
  ) {}

  onApplicationBootstrap(): void {
    void this.declare();
    this.timer = setInterval(() => void this.declare(), REDECLARE_MS);
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async declare(): Promise<void> {
    const jobs: RecurringJob[] = [
      {
        queue: this.maintenance,
        schedulerId: 'housekeeping',
        jobName: MAINTENANCE_JOB,
        everyMs: 3_600_000,
      },
      ...this.recurring,
    ];
    try {
      for (const job of jobs) {
        await withTimeout(job.queue.upsertJobScheduler(job.schedulerId, { every: job.everyMs }, { name: job.jobName }), 5000);
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'cannot declare job schedulers yet (Redis?); will retry');
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timed out')), ms).unref())]);
}
