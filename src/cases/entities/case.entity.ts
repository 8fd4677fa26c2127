import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export const CASE_TYPES = ['DEPENDENCY', 'DELINQUENCY'] as const;
export type CaseType = (typeof CASE_TYPES)[number];

@Entity('cases')
export class CourtCase {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'court_id' }) courtId: string;
  @Column('text', { name: 'docket_number' }) docketNumber: string;
  @Column('text', { name: 'case_type' }) caseType: CaseType;
  @Column('uuid', { name: 'judge_id' }) judgeId: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
