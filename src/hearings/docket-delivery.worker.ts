import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../common/config/app-config.js';
import { APP_CONFIG } from '../common/config/config.module.js';
import { isLastAttempt, unknownJob, type QueueJob } from '../outbox/jobs.js';
import { QueueWorker } from '../outbox/queue-worker.js';
import { QUEUES } from '../outbox/queues.js';
import { DOCKET_ADAPTER, type DocketAdapter } from './docket-adapter.js';

/**
 * The docket-sync queue: signed orders become docket events, and each event
 * is delivered to the case-management system. A worker killed in the middle
 * of a delivery leaves a stalled job that another worker redelivers once the
 * lock (JOB_LOCK_MS) expires; the event id keeps that redelivery harmless.
 */
@Injectable()
export class DocketDeliveryWorker extends QueueWorker<typeof QUEUES.docket> {
  constructor(
    @Inject(DOCKET_ADAPTER) private readonly docket: DocketAdapter,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super(QUEUES.docket, config, 4);
  }

  protected async handle(job: QueueJob<typeof QUEUES.docket>): Promise<unknown> {
    switch (job.name) {
      case 'deliver':
        return this.docket.deliver(job.data.eventId, isLastAttempt(job));
      case 'order.signed':
        return (await this.docket.publish('order.signed', job.data.orderId)) ? 'queued' : 'built-in docket';
      default:
        return unknownJob(job);
    }
  }
}
