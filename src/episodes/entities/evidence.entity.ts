import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { EvidenceStatus } from '../obligation-types.js';

/** A proof that a duty was performed, as the agency gave it, and the court's review of it. */
@Entity('evidence')
export class Evidence {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'obligation_id' }) obligationId: string;
  @Column('uuid', { name: 'episode_id' }) episodeId: string;
  @Column('uuid', { name: 'court_id' }) courtId: string;
  @Column('uuid', { name: 'child_id' }) childId: string;
  @Column('text') status: EvidenceStatus;
  @Column('timestamptz', { name: 'performed_at' }) performedAt: Date;
  @Column('jsonb', { default: {} }) fields: object;
  @Column('char', { name: 'file_sha256', length: 64, nullable: true })
  fileSha256: string | null;
  @Column('text', { name: 'file_content_type', nullable: true })
  fileContentType: string | null;
  @Column('integer', { name: 'file_byte_size', nullable: true }) fileByteSize: number | null;
  @Column('uuid', { name: 'photo_id', nullable: true }) photoId: string | null;
  @Column('uuid', { name: 'submitted_by' }) submittedBy: string;
  @Column('text', { name: 'submitted_by_role' }) submittedByRole: string;
  @Column('timestamptz', { name: 'submitted_at' }) submittedAt: Date;
  @Column('uuid', { name: 'reviewed_by', nullable: true }) reviewedBy: string | null;
  @Column('timestamptz', { name: 'reviewed_at', nullable: true })
  reviewedAt: Date | null;
  @Column('text', { name: 'review_reason', nullable: true }) reviewReason: string | null;
}
