import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../common/config/app-config.js';
import { APP_CONFIG } from '../common/config/config.module.js';
import { unknownJob, type QueueJob } from '../outbox/jobs.js';
import { QueueWorker } from '../outbox/queue-worker.js';
import { QUEUES } from '../outbox/queues.js';
import { DOCKET_ADAPTER, type DocketAdapter } from './docket-adapter.js';

/**
 * Puts hearing requests on the docket as they are raised or cancelled. With
 * the built-in docket the request is already on the court's own calendar;
 * with the webhook adapter an event goes to the case-management system.
 */
@Injectable()
export class HearingRequestProcessor extends QueueWorker<typeof QUEUES.hearings> {
  constructor(
    @Inject(DOCKET_ADAPTER) private readonly docket: DocketAdapter,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super(QUEUES.hearings, config, 4);
  }

  protected async handle(job: QueueJob<typeof QUEUES.hearings>): Promise<unknown> {
    switch (job.name) {
      case 'hearing-request.created':
        return (await this.docket.publish('hearing_request.created', job.data.hearingRequestId)) ? 'queued for the CMS' : 'built-in docket';
      case 'hearing-request.cancelled':
        return (await this.docket.publish('hearing_request.cancelled', job.data.hearingRequestId))
          ? 'queued for the CMS'
          : 'built-in docket';
      default:
        return unknownJob(job);
    }
  }
}
