import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export const PARTICIPANT_ROLES = [
  'GUARDIAN_AD_LITEM',
  'CHILD_ATTORNEY',
  'PARENT_ATTORNEY',
  'CASA',
  'PROBATION_OFFICER',
  'CASEWORKER',
  'OTHER',
] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/** Someone on a case who is told about it (GAL, attorneys, CASA, probation officer); removed ones are kept for the record. */
@Entity('case_participants')
export class CaseParticipant {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'case_id' }) caseId: string;
  @Column('uuid', { name: 'court_id' }) courtId: string;
  @Column('text') role: ParticipantRole;
  @Column('text') name: string;
  @Column('text') email: string;
  @Column('uuid', { name: 'created_by' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column('uuid', { name: 'removed_by', nullable: true }) removedBy: string | null;
  @Column('timestamptz', { name: 'removed_at', nullable: true }) removedAt: Date | null;
}
