import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { FastQuery } from '../common/database/fast-query.js';
import { SqlParams } from '../common/database/sql.js';
import { toPage, type Page } from '../common/pagination/pagination.js';
import type { ChainedFields } from './audit-chain.js';

/** Where the chain ends: the last event's seq and hash (seq '0' and the genesis hash for an empty log). */
export interface ChainHead {
  seq: string;
  hash: string;
}

/** An event as the log lists it: the chained fields, its place in the chain and its links. */
export interface AuditEventView extends Omit<ChainedFields, 'seq'> {
  seq: number;
  hash: string;
  prevHash: string;
}

export interface AuditRow {
  seq: string;
  id: string;
  at: Date;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  outcome: string;
  entity_type: string | null;
  entity_id: string | null;
  court_id: string | null;
  request_id: string | null;
  details: Record<string, unknown>;
  prev_hash: string;
  hash: string;
  chain_version: number;
  cursor_key: string;
}

export const toAuditEventView = (r: AuditRow): AuditEventView => ({
  id: r.id,
  seq: Number(r.seq),
  at: r.at,
  actorId: r.actor_id,
  actorRole: r.actor_role,
  action: r.action,
  outcome: r.outcome,
  entityType: r.entity_type,
  entityId: r.entity_id,
  courtId: r.court_id,
  requestId: r.request_id,
  details: r.details,
  hash: r.hash,
  prevHash: r.prev_hash,
});

/** The columns an append writes, in the order of `AuditColumns`' arrays. */
const INSERT_COLUMNS =
  'seq, id, at, actor_id, actor_role, action, outcome, entity_type, entity_id, court_id, request_id, details, prev_hash, hash, chain_version';
/** One array parameter per column: the statement text is the same for any batch size, so it is prepared once. */
const UNNEST = `unnest($1::bigint[], $2::uuid[], $3::timestamptz[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::uuid[],
                       $10::uuid[], $11::text[], $12::jsonb[], $13::text[], $14::text[], $15::smallint[])`;
const APPEND_AFTER_LOCK = `
  WITH moved AS (UPDATE audit_head SET seq = $16, hash = $17 WHERE id = 1)
  INSERT INTO audit_events (${INSERT_COLUMNS}) SELECT * FROM ${UNNEST}`;
const APPEND_IF_HEAD_UNCHANGED = `
  WITH moved AS (UPDATE audit_head SET seq = $16, hash = $17 WHERE id = 1 AND seq = $18 AND hash = $19 RETURNING 1)
  INSERT INTO audit_events (${INSERT_COLUMNS}) SELECT * FROM ${UNNEST} WHERE EXISTS (SELECT 1 FROM moved)`;
const HEAD = `SELECT seq::text AS seq, hash FROM audit_head WHERE id = 1`;
// Ordering must name audit_events.seq: the text alias below would sort '10' before '2'.
const SELECT_COLUMNS = `seq::text AS seq, id, at, actor_id, actor_role, action, outcome, entity_type, entity_id, court_id, request_id, details, prev_hash, hash, chain_version`;

/**
 * A batch of chained events as column arrays, in INSERT_COLUMNS' order (seq, id, at, actor_id,
 * actor_role, action, outcome, entity_type, entity_id, court_id, request_id, details as JSON text,
 * prev_hash, hash, chain_version).
 */
export type AuditColumns = unknown[][];

/** The audit_events and audit_head tables: the append (hot, one prepared statement) and the reads. */
@Injectable()
export class AuditEventsRepository {
  constructor(
    @Inject(FastQuery) private readonly fast: FastQuery,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** The chain's end, locked until the manager's transaction commits. */
  async lockedHead(manager: EntityManager): Promise<ChainHead> {
    const [head] = (await manager.query(`${HEAD} FOR UPDATE`)) as ChainHead[];
    return head;
  }

  async head(): Promise<ChainHead> {
    return (await this.fast.rows<ChainHead>(HEAD, []))[0];
  }

  /** The chain version of the event at seq, or null when there is none. */
  async chainVersionAt(manager: EntityManager, seq: string): Promise<number | null> {
    const [row] = (await manager.query(`SELECT chain_version FROM audit_events WHERE seq = $1`, [seq])) as Array<{ chain_version: number }>;
    return row?.chain_version ?? null;
  }

  /** Appends after `lockedHead` in the same transaction, moving the head to `next`. */
  async appendAfterLock(manager: EntityManager, columns: AuditColumns, next: ChainHead): Promise<void> {
    await manager.query(APPEND_AFTER_LOCK, [...columns, next.seq, next.hash]);
  }

  /** Appends in one statement if the head is still `expected`; false (nothing written) when another writer moved it. */
  async appendIfHeadUnchanged(columns: AuditColumns, next: ChainHead, expected: ChainHead): Promise<boolean> {
    const result = await this.fast.run(APPEND_IF_HEAD_UNCHANGED, [...columns, next.seq, next.hash, expected.seq, expected.hash]);
    return result.rowCount === columns[0].length;
  }

  /** Newest first; `courtId` null means every court. */
  async list(filter: {
    courtId: string | null;
    entityType?: string;
    entityId?: string;
    beforeSeq?: string;
    limit: number;
  }): Promise<Page<AuditEventView>> {
    const params = new SqlParams();
    const where: string[] = [];
    if (filter.courtId !== null) where.push(`court_id = ${params.add(filter.courtId)}`);
    if (filter.entityType) where.push(`entity_type = ${params.add(filter.entityType)}`);
    if (filter.entityId) where.push(`entity_id = ${params.add(filter.entityId)}`);
    if (filter.beforeSeq) where.push(`seq < ${params.add(filter.beforeSeq)}::bigint`);
    const rows = (await this.dataSource.query(
      `SELECT ${SELECT_COLUMNS}, seq::text AS cursor_key FROM audit_events ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY audit_events.seq DESC LIMIT ${params.add(filter.limit + 1)}`,
      params.values,
    )) as AuditRow[];
    return toPage(rows, filter.limit, toAuditEventView);
  }

  async bySeq(seq: string): Promise<AuditRow | null> {
    const [row] = (await this.dataSource.query(`SELECT ${SELECT_COLUMNS} FROM audit_events WHERE seq = $1`, [seq])) as AuditRow[];
    return row ?? null;
  }

  /** At most `limit` events from seq `from` on, in order. */
  async fromSeq(from: string, limit: number): Promise<AuditRow[]> {
    return (await this.dataSource.query(`SELECT ${SELECT_COLUMNS} FROM audit_events WHERE seq >= $1 ORDER BY audit_events.seq LIMIT $2`, [
      from,
      limit,
    ])) as AuditRow[];
  }
}
