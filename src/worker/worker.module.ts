import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { DeadlineProcessor } from '../episodes/deadline.processor.js';
import { EpisodesModule } from '../episodes/episodes.module.js';
import { DocketDeliveryWorker } from '../hearings/docket-delivery.worker.js';
import { HearingRequestProcessor } from '../hearings/hearing-request.processor.js';
import { HearingsModule } from '../hearings/hearings.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { NotificationsProcessor } from '../notifications/notifications.processor.js';
import { MaintenanceProcessor } from '../outbox/maintenance.processor.js';
import { OutboxRelay } from '../outbox/outbox-relay.service.js';
import { JobSchedulers } from './job-schedulers.js';

/**
 * Everything that runs in the background: the outbox relay, one QueueWorker
 * per queue and the job schedulers (JOB_SCHEDULERS). Imported by the `worker`
 * and all-in-one entry points, never by `api`, so API replicas only serve HTTP.
 */
@Module({
  imports: [AuthModule, EpisodesModule, HearingsModule, NotificationsModule],
  providers: [
    OutboxRelay,
    MaintenanceProcessor,
    DeadlineProcessor,
    HearingRequestProcessor,
    DocketDeliveryWorker,
    NotificationsProcessor,
    JobSchedulers,
  ],
})
export class WorkerModule {}
