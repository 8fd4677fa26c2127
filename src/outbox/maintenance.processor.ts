import { Processor } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { QUEUES } from './queues.js';
import { QuietWorkerHost } from './quiet-worker-host.js';

export const MAINTENANCE_JOB = 'housekeeping';

/** Removes idempotency keys past their 24 hours and outbox rows relayed more than a week ago. */
@Processor(QUEUES.maintenance)
export class MaintenanceProcessor extends QuietWorkerHost {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async process(job: Job): Promise<{ idempotencyKeys: number; outboxRows: number }> {
    if (job.name !== MAINTENANCE_JOB) throw new Error(`unknown maintenance job ${job.name}`);
    const [, idempotencyKeys] = (await this.dataSource.query(
      `DELETE FROM idempotency_keys WHERE created_at < now() - interval '24 hours'`,
    )) as [unknown, number];
    const [, outboxRows] = (await this.dataSource.query(
      `DELETE FROM outbox WHERE published_at IS NOT NULL AND published_at < now() - interval '7 days'`,
    )) as [unknown, number];
    return { idempotencyKeys, outboxRows };
  }
}
