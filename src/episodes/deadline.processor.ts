import { Processor } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import type { Job } from 'bullmq';
import { QUEUES } from '../outbox/queues.js';
import { QuietWorkerHost } from '../outbox/quiet-worker-host.js';
import { DEADLINE_JOBS, DeadlinesService } from './deadlines.service.js';

/** Runs the deadline timers and the reconciliation sweep. */
@Processor(QUEUES.deadlines, { concurrency: 8 })
export class DeadlineProcessor extends QuietWorkerHost {
  constructor(@Inject(DeadlinesService) private readonly deadlines: DeadlinesService) {
    super();
  }

  async process(job: Job<{ obligationId?: string; episodeId?: string }>): Promise<unknown> {
    switch (job.name) {
      case DEADLINE_JOBS.obligationDue:
        return {
          overdue: await this.deadlines.obligationDue(job.data.obligationId as string),
        };
      case DEADLINE_JOBS.statusUpdateDue:
        return {
          created: await this.deadlines.statusUpdateDue(job.data.episodeId as string),
        };
      case DEADLINE_JOBS.preMajority:
        return {
          raised: await this.deadlines.preMajorityDue(job.data.episodeId as string),
        };
      case DEADLINE_JOBS.sweep:
        return this.deadlines.sweep();
      default:
        throw new Error(`unknown deadline job ${job.name}`);
    }
  }
}
