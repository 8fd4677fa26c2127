import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { OrderTerms } from '../../orders/order-terms.js';
import type { ObligationStatus, ObligationType } from '../obligation-types.js';

/** One duty of an episode with its legal deadline, and the order and terms it came from (never rewritten by a later order). */
@Entity('obligations')
export class Obligation {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'episode_id' }) episodeId: string;
  @Column('uuid', { name: 'court_id' }) courtId: string;
  @Column('uuid', { name: 'agency_id', nullable: true }) agencyId: string | null;
  @Column('uuid', { name: 'child_id' }) childId: string;
  @Column('timestamptz', { name: 'episode_discovered_at' })
  episodeDiscoveredAt: Date;
  @Column('text') type: ObligationType;
  @Column('integer', { default: 1 }) sequence: number;
  @Column('text') status: ObligationStatus;
  @Column('timestamptz', { name: 'due_at' }) dueAt: Date;
  @Column('integer', { name: 'deadline_version', default: 1 })
  deadlineVersion: number;
  @Column('uuid', { name: 'order_id', nullable: true }) orderId: string | null;
  @Column('jsonb') terms: OrderTerms;
  @Column('timestamptz', { name: 'performed_at', nullable: true })
  performedAt: Date | null;
  @Column('boolean', { name: 'on_time', nullable: true }) onTime: boolean | null;
  @Column('timestamptz', { name: 'submitted_at', nullable: true })
  submittedAt: Date | null;
  @Column('timestamptz', { name: 'satisfied_at', nullable: true })
  satisfiedAt: Date | null;
  @Column('timestamptz', { name: 'overdue_at', nullable: true })
  overdueAt: Date | null;
  @Column('timestamptz', { name: 'waived_at', nullable: true })
  waivedAt: Date | null;
  @Column('uuid', { name: 'waived_by', nullable: true }) waivedBy: string | null;
  @Column('text', { name: 'waiver_reason', nullable: true }) waiverReason: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
