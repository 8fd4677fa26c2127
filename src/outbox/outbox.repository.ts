import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { insertRows } from '../common/database/sql.js';
import type { JobName, RetryOptions } from './jobs.js';
import { OutboxRow } from './outbox-row.entity.js';
import type { QueueName } from './queues.js';

export const OUTBOX_CHANNEL = 'cmfc_outbox';

/** A row the relay is about to publish. */
export interface PendingJob {
  id: string;
  queue: QueueName;
  name: JobName;
  jobId: string;
  payload: object;
  runAt: Date;
  options: RetryOptions;
}

/** The outbox table. */
@Injectable()
export class OutboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Writes the rows and wakes the relay at commit (and not before), so delivery starts in milliseconds instead of at the next poll. */
  async insert(
    manager: EntityManager,
    rows: Array<Pick<OutboxRow, 'id' | 'queue' | 'jobName' | 'jobId' | 'payload' | 'runAt' | 'options'>>,
  ): Promise<void> {
    await insertRows(manager, OutboxRow, rows);
    await manager.query(`SELECT pg_notify($1, '')`, [OUTBOX_CHANNEL]);
  }

  /** The oldest rows not yet published (nor set aside), locked for this transaction; rows another relay holds are skipped. */
  async claim(manager: EntityManager, limit: number): Promise<PendingJob[]> {
    const rows = (await manager.query(
      `SELECT id, queue, job_name, job_id, payload, run_at, options FROM outbox
        WHERE published_at IS NULL AND failed_at IS NULL ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    )) as Array<{ id: string; queue: QueueName; job_name: JobName; job_id: string; payload: object; run_at: Date; options: RetryOptions }>;
    return rows.map((r) => ({
      id: r.id,
      queue: r.queue,
      name: r.job_name,
      jobId: r.job_id,
      payload: r.payload,
      runAt: r.run_at,
      options: r.options,
    }));
  }

  async markPublished(manager: EntityManager, ids: string[]): Promise<void> {
    if (ids.length > 0) await manager.getRepository(OutboxRow).update({ id: In(ids) }, { publishedAt: () => 'now()' });
  }

  /** Redis could not be reached: the row waits for the next pass. */
  async recordOutage(manager: EntityManager, id: string, error: string): Promise<void> {
    await manager.getRepository(OutboxRow).update(id, { attempts: () => 'attempts + 1', lastError: error });
  }

  /** The queue refused the row itself: after `maxAttempts` it is set aside (failed_at) so it blocks nothing. */
  async recordRefusal(manager: EntityManager, id: string, error: string, maxAttempts: number): Promise<void> {
    await manager.query(
      `UPDATE outbox SET attempts = attempts + 1, last_error = $2, failed_at = CASE WHEN attempts + 1 >= $3 THEN now() END WHERE id = $1`,
      [id, error, maxAttempts],
    );
  }

  /** Rows relayed more than a week ago; answers how many went. */
  async purgePublished(): Promise<number> {
    const [, count] = (await this.dataSource.query(
      `DELETE FROM outbox WHERE published_at IS NOT NULL AND published_at < now() - interval '7 days'`,
    )) as [unknown, number];
    return count;
  }
}
