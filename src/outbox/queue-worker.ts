import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Worker, type Job } from 'bullmq';
import type { AppConfig } from '../common/config/app-config.js';
import type { QueueJob } from './jobs.js';
import type { QueueName } from './queues.js';
import { reconnectSoon, redisOptions } from './redis-connection.js';
import { logRedisErrors } from './redis-outage-log.js';

/**
 * The one way a queue is worked: a subclass names its queue and handles its
 * jobs in an exhaustive switch over QueueJob<queue>. Every worker keeps
 * retrying Redis (BullMQ requires it), logs outages quietly, and holds a
 * job's lock for JOB_LOCK_MS: a worker killed in the middle of a job leaves
 * it stalled, and another worker picks it up once the lock expires (every
 * job is idempotent, so the second run is harmless). Registered by the
 * WorkerModule only, so API replicas never take jobs.
 */
export abstract class QueueWorker<Q extends QueueName> implements OnApplicationBootstrap, OnApplicationShutdown {
  private worker: Worker | null = null;

  protected constructor(
    private readonly queue: Q,
    private readonly config: AppConfig,
    private readonly concurrency: number,
  ) {}

  /** One job of the queue; throw to have BullMQ retry it (as its options allow). */
  protected abstract handle(job: QueueJob<Q>): Promise<unknown>;

  onApplicationBootstrap(): void {
    this.worker = new Worker(this.queue, (job: Job) => this.handle(job as unknown as QueueJob<Q>), {
      connection: { ...redisOptions(this.config.redisUrl), maxRetriesPerRequest: null, retryStrategy: reconnectSoon },
      prefix: this.config.queuePrefix,
      concurrency: this.concurrency,
      lockDuration: this.config.jobLockMs,
      stalledInterval: this.config.jobLockMs,
      maxStalledCount: 3,
    });
    logRedisErrors(this.constructor.name, this.worker);
    this.worker.on('failed', (job, error) => {
      if (job && job.attemptsMade >= (job.opts.attempts ?? 1))
        new Logger(this.constructor.name).warn({ err: error, job: job.name }, 'job failed');
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}
