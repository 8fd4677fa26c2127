import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { OrderKind, OrderStatus } from '../applicable-order.js';
import type { OrderTerms } from '../order-terms.js';

@Entity('orders')
export class CourtOrder {
  @PrimaryColumn('uuid') id: string;
  @Column('text') kind: OrderKind;
  @Column('text') status: OrderStatus;
  @Column('uuid', { name: 'court_id' }) courtId: string;
  /** INDIVIDUAL, SHOW_CAUSE and CONTINUING_JURISDICTION orders. */
  @Column('uuid', { name: 'case_id', nullable: true }) caseId: string | null;
  /** SHOW_CAUSE and CONTINUING_JURISDICTION orders: the episode they were drafted from. */
  @Column('uuid', { name: 'episode_id', nullable: true }) episodeId: string | null;
  /** SHOW_CAUSE and CONTINUING_JURISDICTION orders: the findings drafted from the episode, printed as they are. */
  @Column('jsonb', { nullable: true }) findings: object | null;
  /** STANDING orders: the agencies bound; null binds every agency. */
  @Column('uuid', { name: 'agency_ids', array: true, nullable: true })
  agencyIds: string[] | null;
  @Column('timestamptz', { name: 'effective_at', nullable: true })
  effectiveAt: Date | null;
  /** Every term, defaults filled in. */
  @Column('jsonb') terms: OrderTerms;
  /** The exact template version the order is rendered with. */
  @Column('uuid', { name: 'template_id' }) templateId: string;
  /** Once signed: the template data and document settings the stored PDF was rendered from. */
  @Column('jsonb', { name: 'rendered_from', nullable: true })
  renderedFrom: object | null;
  @Column('text', { name: 'order_number', nullable: true }) orderNumber: string | null;
  @Column('text', { name: 'verification_code', nullable: true })
  verificationCode: string | null;
  @Column('char', { length: 64, nullable: true }) sha256: string | null;
  @Column('timestamptz', { name: 'signed_at', nullable: true })
  signedAt: Date | null;
  @Column('uuid', { name: 'signed_by', nullable: true }) signedBy: string | null;
  @Column('text', { name: 'signed_by_name', nullable: true }) signedByName: string | null;
  @Column('timestamptz', { name: 'superseded_at', nullable: true })
  supersededAt: Date | null;
  @Column('uuid', { name: 'superseded_by', nullable: true }) supersededBy: string | null;
  @Column('timestamptz', { name: 'vacated_at', nullable: true })
  vacatedAt: Date | null;
  @Column('uuid', { name: 'vacated_by', nullable: true }) vacatedBy: string | null;
  @Column('text', { name: 'vacate_reason', nullable: true }) vacateReason: string | null;
  @Column('uuid', { name: 'created_by' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
