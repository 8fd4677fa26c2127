import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { DocketEventStatus, DocketEventType } from '../docket-events.js';

/** An event for the court's case-management system; its id is the `eventId` the CMS deduplicates on. */
@Entity('docket_events')
export class DocketEvent {
  @PrimaryColumn('uuid') id: string;
  @Column('text') type: DocketEventType;
  @Column('uuid', { name: 'subject_id' }) subjectId: string;
  @Column('uuid', { name: 'hearing_request_id', nullable: true })
  hearingRequestId: string | null;
  @Column('uuid', { name: 'order_id', nullable: true }) orderId: string | null;
  @Column('uuid', { name: 'court_id' }) courtId: string;
  /** The exact JSON delivered on every attempt (the signature covers it). */
  @Column('text') body: string;
  @Column('text') status: DocketEventStatus;
  @Column('integer', { default: 0 }) attempts: number;
  @Column('integer', { default: 0 }) resends: number;
  @Column('text', { name: 'last_error', nullable: true }) lastError: string | null;
  @Column('integer', { name: 'last_status', nullable: true }) lastStatus: number | null;
  @Column('timestamptz', { name: 'delivered_at', nullable: true })
  deliveredAt: Date | null;
  @Column('timestamptz', { name: 'failed_at', nullable: true })
  failedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
