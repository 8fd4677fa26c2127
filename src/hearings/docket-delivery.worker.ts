import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Worker, type Job } from 'bullmq';
import { APP_CONFIG } from '../common/config/config.module.js';
import type { AppConfig } from '../common/config/app-config.js';
import { QUEUES } from '../outbox/queues.js';
import { reconnectSoon, redisOptions } from '../outbox/redis-connection.js';
import { logRedisErrors } from '../outbox/redis-outage-log.js';
import { DOCKET_JOBS } from './docket-events.js';
import { DocketService } from './docket.service.js';

/**
 * The docket-sync queue's worker, built by hand rather than with @Processor
 * because its lock comes from configuration (JOB_LOCK_MS): a worker killed
 * in the middle of a delivery leaves a stalled job that another worker picks
 * up once the lock expires, and the event id keeps that redelivery harmless.
 */
@Injectable()
export class DocketDeliveryWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DocketDeliveryWorker.name);
  private worker: Worker | null = null;

  constructor(
    @Inject(DocketService) private readonly docket: DocketService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = new Worker(QUEUES.docket, (job) => this.process(job), {
      connection: {
        ...redisOptions(this.config.redisUrl),
        maxRetriesPerRequest: null,
        retryStrategy: reconnectSoon,
      },
      prefix: this.config.queuePrefix,
      concurrency: 4,
      lockDuration: this.config.jobLockMs,
      stalledInterval: this.config.jobLockMs,
      maxStalledCount: 3,
    });
    logRedisErrors(DocketDeliveryWorker.name, this.worker);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  async process(job: Job<{ eventId?: string; orderId?: string }>): Promise<unknown> {
    switch (job.name) {
      case DOCKET_JOBS.deliver: {
        const isLastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        return this.docket.deliver(job.data.eventId as string, isLastAttempt);
      }
      case DOCKET_JOBS.orderSigned:
        return (await this.docket.publish('order.signed', job.data.orderId as string)) ? 'queued' : 'built-in docket';
      default:
        this.logger.error({ job: job.name }, 'unknown docket job');
        throw new Error(`unknown docket job ${job.name}`);
    }
  }
}
