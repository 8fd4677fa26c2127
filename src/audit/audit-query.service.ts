import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../common/config/app-config.js';
import { APP_CONFIG } from '../common/config/config.module.js';
import type { Actor } from '../common/principal.js';
import { SqlParams } from '../common/database/sql.js';
import { ValidationFailed } from '../common/errors/domain-error.js';
import { decodeCursor, toPage, type Page } from '../common/pagination/pagination.js';
import { AuditService } from './audit.service.js';
import { CHAIN_HMAC, GENESIS_HASH, linkHolds, type ChainedRow, type ChainLink } from './audit-chain.js';

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
  chain_version: number;
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
const COLUMNS = `seq::text AS seq, id, at, actor_id, actor_role, action, outcome, entity_type, entity_id, court_id, request_id, details, prev_hash, hash, chain_version`;
const VERIFY_CHUNK = 5000;

@Injectable()
export class AuditQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

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
    const page = toPage(rows, filter.limit, toView);
    // Reading the log is itself audited, under the courts whose events were shown.
    const details = { entityType: filter.entityType ?? null, entityId: filter.entityId ?? null };
    await this.audit.recordList(actor, { action: 'list', entityType: 'audit_event', details }, page.items, { ids: false });
    return page;
  }

  /**
   * Checks the events from seq `from` on, at most `limit` of them: each row's
   * link to the row before and its hash. A caller walks the whole log by
   * following `nextFrom`; the pass that reaches the end also checks the head
   * (rows cut off the end) and that the log ends in a keyed row (a history
   * rewritten wholly as keyless SHA-256 rows).
   */
  async verify(actor: Actor, range: { from: number; limit: number }): Promise<AuditVerification> {
    const result = await this.verifyRange(range);
    await this.audit.recordNow(actor, {
      action: 'verify',
      entityType: 'audit_event',
      details: { from: range.from, checked: result.checked, valid: result.valid },
    });
    return result;
  }

  private async verifyRange(range: { from: number; limit: number }): Promise<AuditVerification> {
    const [head] = (await this.dataSource.query(`SELECT seq::text AS seq, hash FROM audit_head WHERE id = 1`)) as Array<{
      seq: string;
      hash: string;
    }>;
    const from = BigInt(range.from);
    if (from > BigInt(head.seq) + 1n) {
      throw ValidationFailed.field('from', `is past the end of the log (its last event is ${head.seq})`);
    }
    let previous: ChainLink | null = null;
    if (from > 1n) {
      const [row] = (await this.dataSource.query(`SELECT ${COLUMNS} FROM audit_events WHERE seq = $1`, [
        (from - 1n).toString(),
      ])) as AuditRow[];
      if (!row) return { valid: false, checked: 0, from: range.from, nextFrom: null };
      previous = { seq: from - 1n, hash: row.hash, chainVersion: row.chain_version };
    }
    let checked = 0;
    let next = from;
    while (checked < range.limit) {
      const take = Math.min(VERIFY_CHUNK, range.limit - checked);
      const rows = (await this.dataSource.query(`SELECT ${COLUMNS} FROM audit_events WHERE seq >= $1 ORDER BY audit_events.seq LIMIT $2`, [
        next.toString(),
        take,
      ])) as AuditRow[];
      for (const row of rows) {
        if (!linkHolds(this.config.auditHmacKey, previous, toChained(row))) {
          return { valid: false, checked, firstBrokenId: row.id, from: range.from, nextFrom: null };
        }
        previous = { seq: BigInt(row.seq), hash: row.hash, chainVersion: row.chain_version };
        checked += 1;
      }
      next = from + BigInt(checked);
      if (rows.length < take) {
        // The end: the head must point at the last row (rows removed from the end leave it past them), which must be keyed.
        const lastSeq = previous ? previous.seq : 0n;
        const intact =
          BigInt(head.seq) === lastSeq &&
          head.hash === (previous ? previous.hash : GENESIS_HASH) &&
          (previous === null || previous.chainVersion === CHAIN_HMAC);
        return { valid: intact, checked, from: range.from, nextFrom: null };
      }
    }
    return { valid: true, checked, from: range.from, nextFrom: Number(next) };
  }
}

export interface AuditVerification {
  valid: boolean;
  checked: number;
  firstBrokenId?: string;
  from: number;
  nextFrom: number | null;
}

function toChained(row: AuditRow): ChainedRow {
  return { ...toView(row), seq: row.seq, chainVersion: row.chain_version };
}
