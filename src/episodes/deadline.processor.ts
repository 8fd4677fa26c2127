import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../common/config/app-config.js';
import { APP_CONFIG } from '../common/config/config.module.js';
import { unknownJob, type QueueJob } from '../outbox/jobs.js';
import { QueueWorker } from '../outbox/queue-worker.js';
import { QUEUES } from '../outbox/queues.js';
import { DeadlinesService } from './deadlines.service.js';

/** Runs the deadline timers and the reconciliation sweep. */
@Injectable()
export class DeadlineProcessor extends QueueWorker<typeof QUEUES.deadlines> {
  constructor(
    @Inject(DeadlinesService) private readonly deadlines: DeadlinesService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super(QUEUES.deadlines, config, 8);
  }

  protected async handle(job: QueueJob<typeof QUEUES.deadlines>): Promise<unknown> {
    switch (job.name) {
      case 'obligation-due':
        return { overdue: await this.deadlines.obligationDue(job.data.obligationId) };
      case 'status-update-due':
        return { created: await this.deadlines.statusUpdateDue(job.data.episodeId) };
      case 'pre-majority':
        return { raised: await this.deadlines.preMajorityDue(job.data.episodeId) };
      case 'deadline-sweep':
        return this.deadlines.sweep();
      default:
        return unknownJob(job);
    }
  }
}
