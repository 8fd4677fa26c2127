import { Processor } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import type { Job } from 'bullmq';
import { QUEUES } from '../outbox/queues.js';
import { QuietWorkerHost } from '../outbox/quiet-worker-host.js';
import { HEARING_JOBS } from './docket-events.js';
import { DocketService } from './docket.service.js';

/**
 * Puts hearing requests on the docket as they are raised or cancelled. With
 * the built-in docket the request is already on the court's own calendar;
 * with the webhook adapter an event goes to the case-management system.
 */
@Processor(QUEUES.hearings, { concurrency: 4 })
export class HearingRequestProcessor extends QuietWorkerHost {
  constructor(@Inject(DocketService) private readonly docket: DocketService) {
    super();
  }

  async process(job: Job<{ hearingRequestId: string }>): Promise<unknown> {
    switch (job.name) {
      case HEARING_JOBS.created:
        return (await this.docket.publish('hearing_request.created', job.data.hearingRequestId)) ? 'queued for the CMS' : 'built-in docket';
      case HEARING_JOBS.cancelled:
        return (await this.docket.publish('hearing_request.cancelled', job.data.hearingRequestId))
          ? 'queued for the CMS'
          : 'built-in docket';
      default:
        throw new Error(`unknown hearings job ${job.name}`);
    }
  }
}
