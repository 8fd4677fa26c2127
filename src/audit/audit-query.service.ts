import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/principal.js';
import { SqlParams } from '../common/database/sql.js';
import { decodeCursor, toPage, type Page } from '../common/pagination/pagination.js';
import { chainHash, GENESIS_HASH } from './audit-chain.js';

export interface AuditEventView {
  id: string;
  seq: number;
  at: Date;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  outcome: string;
  entityType: string | null;
  entityId: string | null;
  courtId: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
  hash: string;
  prevHash: string;
}

interface AuditRow {
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
  cursor_key: string;
}

const toView = (r: AuditRow): AuditEventView => ({
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

// Ordering must name audit_events.seq: the text alias below would sort '10' before '2'.
const COLUMNS = `seq::text AS seq, id, at, actor_id, actor_role, action, outcome, entity_type, entity_id, court_id, request_id, details, prev_hash, hash`;
const VERIFY_CHUNK = 5000;

@Injectable()
export class AuditQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Judges and clerks see their court's events; admins see all. Newest first. */
  async list(
    actor: Actor,
    filter: { entityType?: string; entityId?: string; limit: number; cursor?: string },
  ): Promise<Page<AuditEventView>> {
    const params = new SqlParams();
    const where: string[] = [];
    if (actor.role !== 'ADMIN') where.push(`court_id = ${params.add(actor.courtId)}`);
    if (filter.entityType) where.push(`entity_type = ${params.add(filter.entityType)}`);
    if (filter.entityId) where.push(`entity_id = ${params.add(filter.entityId)}`);
    const after = decodeCursor(filter.cursor);
    if (after) where.push(`seq < ${params.add(after.key)}::bigint`);
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS}, seq::text AS cursor_key FROM audit_events ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY audit_events.seq DESC LIMIT ${params.add(filter.limit + 1)}`,
      params.values,
    )) as AuditRow[];
    return toPage(rows, filter.limit, toView);
  }

  /** Recomputes the whole chain; the first row whose link or hash does not match is reported. */
  async verify(): Promise<{ valid: boolean; checked: number; firstBrokenId?: string }> {
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1n;
    let checked = 0;
    for (;;) {
      const rows = (await this.dataSource.query(`SELECT ${COLUMNS} FROM audit_events WHERE seq >= $1 ORDER BY audit_events.seq LIMIT $2`, [
        expectedSeq.toString(),
        VERIFY_CHUNK,
      ])) as AuditRow[];
      for (const row of rows) {
        const hash = chainHash(prevHash, {
          seq: row.seq,
          id: row.id,
          at: row.at,
          actorId: row.actor_id,
          actorRole: row.actor_role,
          action: row.action,
          outcome: row.outcome,
          entityType: row.entity_type,
          entityId: row.entity_id,
          courtId: row.court_id,
          requestId: row.request_id,
          details: row.details,
        });
        if (BigInt(row.seq) !== expectedSeq || row.prev_hash !== prevHash || row.hash !== hash) {
          return { valid: false, checked, firstBrokenId: row.id };
        }
        prevHash = hash;
        expectedSeq += 1n;
        checked += 1;
      }
      if (rows.length < VERIFY_CHUNK) break;
    }
    const [head] = (await this.dataSource.query(`SELECT seq::text AS seq, hash FROM audit_head WHERE id = 1`)) as Array<{
      seq: string;
      hash: string;
    }>;
    // Rows removed from the end would leave the head pointing past the last row.
    if (BigInt(head.seq) !== expectedSeq - 1n || head.hash !== prevHash) return { valid: false, checked };
    return { valid: true, checked };
  }
}
