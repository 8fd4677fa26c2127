import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export const PLACEMENT_TYPES = ['FOSTER_HOME', 'KINSHIP', 'GROUP_HOME', 'RESIDENTIAL', 'DETENTION', 'OTHER'] as const;
export type PlacementType = (typeof PLACEMENT_TYPES)[number];

@Entity('placements')
export class Placement {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'case_id' }) caseId: string;
  @Column('uuid', { name: 'child_id' }) childId: string;
  @Column('uuid', { name: 'agency_id' }) agencyId: string;
  @Column('text', { name: 'placement_type' }) placementType: PlacementType;
  @Column('timestamptz', { name: 'started_at' }) startedAt: Date;
  @Column('timestamptz', { name: 'ended_at', nullable: true }) endedAt: Date | null;
  @Column('text', { name: 'caseworker_name', nullable: true }) caseworkerName: string | null;
  @Column('text', { name: 'caseworker_email', nullable: true }) caseworkerEmail: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
