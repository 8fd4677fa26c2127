import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row of the append-only, HMAC-chained audit log (a trigger refuses updates and deletes). */
@Entity('audit_events')
export class AuditEvent {
  @PrimaryColumn('bigint') seq: string;
  @Column('uuid') id: string;
  @Column('timestamptz') at: Date;
  @Column('uuid', { name: 'actor_id', nullable: true }) actorId: string | null;
  @Column('text', { name: 'actor_role', nullable: true }) actorRole: string | null;
  @Column('text') action: string;
  @Column('text') outcome: string;
  @Column('text', { name: 'entity_type', nullable: true }) entityType: string | null;
  @Column('uuid', { name: 'entity_id', nullable: true }) entityId: string | null;
  @Column('uuid', { name: 'court_id', nullable: true }) courtId: string | null;
  @Column('text', { name: 'request_id', nullable: true }) requestId: string | null;
  @Column('jsonb') details: Record<string, unknown>;
  @Column('char', { name: 'prev_hash', length: 64 }) prevHash: string;
  @Column('char', { length: 64 }) hash: string;
  /** 1: SHA-256 (rows from before the key), 2: HMAC-SHA-256 under AUDIT_HMAC_KEY. */
  @Column('smallint', { name: 'chain_version' }) chainVersion: number;
}
