import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { OrderTerms } from '../../orders/order-terms.js';
import type { EpisodeStatus } from '../obligation-types.js';

/** A child missing from care, from the report to the recovery. At most one open (MISSING) per child. */
@Entity('episodes')
export class Episode {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'child_id' }) childId: string;
  @Column('uuid', { name: 'case_id' }) caseId: string;
  @Column('uuid', { name: 'court_id' }) courtId: string;
  @Column('uuid', { name: 'agency_id', nullable: true }) agencyId: string | null;
  @Column('uuid', { name: 'placement_id', nullable: true }) placementId: string | null;
  @Column('text') status: EpisodeStatus;
  @Column('timestamptz', { name: 'missing_since' }) missingSince: Date;
  @Column('timestamptz', { name: 'discovered_at' }) discoveredAt: Date;
  @Column('text', { name: 'last_seen_location', nullable: true })
  lastSeenLocation: string | null;
  @Column('text', { name: 'last_seen_city', nullable: true }) lastSeenCity: string | null;
  @Column('text', { nullable: true }) circumstances: string | null;
  @Column('text', { name: 'clothing_description', nullable: true })
  clothingDescription: string | null;
  @Column('text', { array: true, default: '{}' }) companions: string[];
  @Column('text', { name: 'child_phone', nullable: true }) childPhone: string | null;
  @Column('text', { name: 'social_media', array: true, default: '{}' })
  socialMedia: string[];
  @Column('uuid', { name: 'order_id', nullable: true }) orderId: string | null;
  @Column('jsonb') terms: OrderTerms;
  @Column('uuid', { name: 'opened_by' }) openedBy: string;
  @Column('text', { name: 'opened_by_role' }) openedByRole: string;
  @Column('timestamptz', { name: 'recovered_at', nullable: true })
  recoveredAt: Date | null;
  @Column('text', { name: 'recovery_location', nullable: true })
  recoveryLocation: string | null;
  @Column('text', { name: 'recovery_circumstances', nullable: true })
  recoveryCircumstances: string | null;
  @Column('uuid', { name: 'recovered_by', nullable: true }) recoveredBy: string | null;
  @Column('timestamptz', { name: 'status_update_due_at', nullable: true })
  statusUpdateDueAt: Date | null;
  @Column('timestamptz', { name: 'pre_majority_at' }) preMajorityAt: Date;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
