import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export const AGENCY_KINDS = ['CHILD_WELFARE', 'JUVENILE_JUSTICE', 'PLACEMENT_PROVIDER'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

@Entity('agencies')
export class Agency {
  @PrimaryColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('text') kind: AgencyKind;
  @Column('char', { length: 2 }) state: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
