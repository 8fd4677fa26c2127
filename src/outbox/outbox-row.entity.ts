import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { JobName, RetryOptions } from './jobs.js';
import type { QueueName } from './queues.js';

/** A job waiting to be relayed to its BullMQ queue, written in the transaction of the change that causes it. */
@Entity('outbox')
export class OutboxRow {
  @PrimaryColumn('uuid') id: string;
  @Column('text') queue: QueueName;
  @Column('text', { name: 'job_name' }) jobName: JobName;
  @Column('text', { name: 'job_id' }) jobId: string;
  @Column('jsonb') payload: object;
  @Column('timestamptz', { name: 'run_at' }) runAt: Date;
  @Column('jsonb', { default: {} }) options: RetryOptions;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz', { name: 'published_at', nullable: true }) publishedAt: Date | null;
  @Column('integer', { default: 0 }) attempts: number;
  @Column('text', { name: 'last_error', nullable: true }) lastError: string | null;
  /** Set when BullMQ kept refusing the row itself (not an outage): it no longer blocks the rows behind it. */
  @Column('timestamptz', { name: 'failed_at', nullable: true }) failedAt: Date | null;
}
