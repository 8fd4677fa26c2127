import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../common/config/app-config.js';
import { APP_CONFIG } from '../common/config/config.module.js';
import type { Actor } from '../common/principal.js';
import { ValidationFailed } from '../common/errors/domain-error.js';
import { decodeCursor, type Page } from '../common/pagination/pagination.js';
import { AuditEventsRepository, toAuditEventView, type AuditEventView, type AuditRow } from './audit-events.repository.js';
import { AuditService } from './audit.service.js';
import { CHAIN_HMAC, GENESIS_HASH, linkHolds, type ChainedRow, type ChainLink } from './audit-chain.js';

export type { AuditEventView } from './audit-events.repository.js';

const VERIFY_CHUNK = 5000;

@Injectable()
export class AuditQueryService {
  constructor(
    @Inject(AuditEventsRepository) private readonly events: AuditEventsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  /** Judges and clerks see their court's events; admins see all. Newest first. */
  async list(
    actor: Actor,
    filter: { entityType?: string; entityId?: string; limit: number; cursor?: string },
  ): Promise<Page<AuditEventView>> {
    const after = decodeCursor(filter.cursor);
    const page = await this.events.list({
      courtId: actor.role === 'ADMIN' ? null : actor.courtId,
      entityType: filter.entityType,
      entityId: filter.entityId,
      beforeSeq: after?.key,
      limit: filter.limit,
    });
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
  async verify(
    actor: Actor,
    range: { from: number; limit: number; checkpointSeq?: number; checkpointHash?: string },
  ): Promise<AuditVerification> {
    let result = await this.verifyRange(range);
    if (range.checkpointSeq !== undefined && range.checkpointHash !== undefined) {
      const row = await this.events.bySeq(String(range.checkpointSeq));
      const checkpointHeld = row?.hash === range.checkpointHash;
      result = { ...result, valid: result.valid && checkpointHeld, checkpointHeld };
    }
    await this.audit.recordNow(actor, {
      action: 'verify',
      entityType: 'audit_event',
      details: { from: range.from, checked: result.checked, valid: result.valid, checkpointHeld: result.checkpointHeld },
    });
    return result;
  }

  private async verifyRange(range: { from: number; limit: number }): Promise<AuditVerification> {
    const head = await this.events.head();
    const from = BigInt(range.from);
    if (from > BigInt(head.seq) + 1n) {
      throw ValidationFailed.field('from', `is past the end of the log (its last event is ${head.seq})`);
    }
    let previous: ChainLink | null = null;
    if (from > 1n) {
      const row = await this.events.bySeq((from - 1n).toString());
      if (!row) return { valid: false, checked: 0, from: range.from, nextFrom: null };
      previous = { seq: from - 1n, hash: row.hash, chainVersion: row.chain_version };
    }
    let checked = 0;
    let next = from;
    while (checked < range.limit) {
      const take = Math.min(VERIFY_CHUNK, range.limit - checked);
      const rows = await this.events.fromSeq(next.toString(), take);
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
        return { valid: intact, checked, from: range.from, nextFrom: null, head: { seq: Number(head.seq), hash: head.hash } };
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
  head?: { seq: number; hash: string };
  checkpointHeld?: boolean;
}

function toChained(row: AuditRow): ChainedRow {
  return { ...toAuditEventView(row), seq: row.seq, chainVersion: row.chain_version };
}
