import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { DocketSyncStatus, HearingReason, HearingRequestStatus } from '../hearing-request-types.js';

/** A request for a hearing, raised by an episode, placed on the court's docket. */
@Entity('hearing_requests')
export class HearingRequest {
  @PrimaryColumn('uuid') id: string;
  @Column('text') reason: HearingReason;
  @Column('uuid', { name: 'episode_id' }) episodeId: string;
  @Column('uuid', { name: 'case_id' }) caseId: string;
  @Column('uuid', { name: 'court_id' }) courtId: string;
  /** The agency the episode concerns (the child's placement agency when it opened). */
  @Column('uuid', { name: 'agency_id', nullable: true }) agencyId: string | null;
  @Column('uuid', { name: 'obligation_id', nullable: true }) obligationId: string | null;
  @Column('text') status: HearingRequestStatus;
  @Column('timestamptz', { name: 'requested_at' }) requestedAt: Date;
  /** YYYY-MM-DD in the court's time zone. */
  @Column('date', { name: 'target_date' }) targetDate: string;
  @Column('timestamptz', { name: 'scheduled_for', nullable: true })
  scheduledFor: Date | null;
  @Column('text', { nullable: true }) courtroom: string | null;
  @Column('uuid', { name: 'scheduled_by', nullable: true }) scheduledBy: string | null;
  @Column('timestamptz', { name: 'scheduled_at', nullable: true })
  scheduledAt: Date | null;
  @Column('timestamptz', { name: 'cancelled_at', nullable: true })
  cancelledAt: Date | null;
  @Column('uuid', { name: 'cancelled_by', nullable: true }) cancelledBy: string | null;
  @Column('text', { name: 'cancel_reason', nullable: true }) cancelReason: string | null;
  @Column('text', { name: 'docket_status', default: 'NOT_CONFIGURED' })
  docketStatus: DocketSyncStatus;
  @Column('integer', { name: 'docket_attempts', default: 0 })
  docketAttempts: number;
  @Column('text', { name: 'docket_last_error', nullable: true })
  docketLastError: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
