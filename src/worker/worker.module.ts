import { Module } from '@nestjs/common';
import { MaintenanceProcessor } from '../outbox/maintenance.processor.js';
import { OutboxRelay } from '../outbox/outbox-relay.service.js';
import { JobSchedulers, RECURRING_JOBS, type RecurringJob } from './job-schedulers.js';

/**
 * Everything that runs in the background: the outbox relay, the BullMQ
 * processors and the recurring-job schedulers. Imported by the `worker` and
 * all-in-one entry points, never by `api`, so API replicas only serve HTTP.
 */
@Module({
  providers: [OutboxRelay, MaintenanceProcessor, JobSchedulers, { provide: RECURRING_JOBS, useFactory: (): RecurringJob[] => [] }],
})
export class WorkerModule {}
