import { getQueueToken } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { APP_CONFIG } from '../common/config/config.module.js';
import type { AppConfig } from '../common/config/app-config.js';
import { DeadlineProcessor } from '../episodes/deadline.processor.js';
import { DEADLINE_JOBS } from '../episodes/deadlines.service.js';
import { EpisodesModule } from '../episodes/episodes.module.js';
import { DocketDeliveryWorker } from '../hearings/docket-delivery.worker.js';
import { HearingRequestProcessor } from '../hearings/hearing-request.processor.js';
import { HearingsModule } from '../hearings/hearings.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { NotificationsProcessor } from '../notifications/notifications.processor.js';
import { MaintenanceProcessor } from '../outbox/maintenance.processor.js';
import { OutboxRelay } from '../outbox/outbox-relay.service.js';
import { QUEUES } from '../outbox/queues.js';
import { JobSchedulers, RECURRING_JOBS, type RecurringJob } from './job-schedulers.js';

/**
 * Everything that runs in the background: the outbox relay, the BullMQ
 * processors and the recurring-job schedulers. Imported by the `worker` and
 * all-in-one entry points, never by `api`, so API replicas only serve HTTP.
 */
@Module({
  imports: [EpisodesModule, HearingsModule, NotificationsModule],
  providers: [
    OutboxRelay,
    MaintenanceProcessor,
    DeadlineProcessor,
    HearingRequestProcessor,
    DocketDeliveryWorker,
    NotificationsProcessor,
    JobSchedulers,
    {
      provide: RECURRING_JOBS,
      inject: [APP_CONFIG, getQueueToken(QUEUES.deadlines)],
      useFactory: (config: AppConfig, deadlines: Queue): RecurringJob[] => [
        {
          queue: deadlines,
          schedulerId: 'deadline-sweep',
          jobName: DEADLINE_JOBS.sweep,
          everyMs: config.deadlineSweepSeconds * 1000,
        },
      ],
    },
  ],
})
export class WorkerModule {}
