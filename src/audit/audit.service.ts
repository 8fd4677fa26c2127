import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { DataSource, type EntityManager } from 'typeorm';
import type { AppConfig } from '../common/config/app-config.js';
import { APP_CONFIG } from '../common/config/config.module.js';
import type { Actor, Principal } from '../common/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { DenialReason } from '../common/errors/denial-audit.js';
import { CHAIN_HMAC, CHAIN_SHA256, chainHmac, type ChainedFields } from './audit-chain.js';
import { AuditEventsRepository, type AuditColumns, type ChainHead as Head } from './audit-events.repository.js';

export type AuditOutcome = 'success' | 'denied' | 'not_found' | 'failed';

/** What a service says happened; the chain fields are filled in here. */
export interface AuditEntry {
  action: string;
  outcome?: AuditOutcome;
  entityType?: string | null;
  entityId?: string | null;
  courtId?: string | null;
  /** Never names, birth dates or descriptions of children: ids, enums and counts only. */
  details?: Record<string, unknown>;
  /** For events with no authenticated actor (failed logins, refusals). */
  requestId?: string | null;
}

interface Pending {
  fields: Omit<ChainedFields, 'seq'>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

const MAX_BATCH = 500;

/**
 * The append-only audit log, chained by HMAC-SHA-256 under AUDIT_HMAC_KEY (CJIS 5.4). Changes are audited in
 * the transaction that makes them (`record`). Reads and refusals are audited
 * through a group commit (`recordNow`): concurrent requests share one short
 * transaction, and each request waits until its row is durable before it
 * answers, so no read goes unaudited and the chain's single lock is taken once
 * per batch instead of once per request.
 */
@Injectable()
export class AuditService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AuditService.name);
  private queue: Pending[] = [];
  /** Where this process last saw the chain end (see appendBatch). */
  private head: Head | null = null;
  private flushing: Promise<void> | null = null;

  constructor(
    @Inject(AuditEventsRepository) private readonly events: AuditEventsRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * A log that ends in rows from before the HMAC (SHA-256 only) is sealed
   * with a keyed event first: from here on every row is keyed, and the
   * verifier refuses a keyless row after a keyed one, so the old rows can no
   * longer be rewritten without breaking the seal's link.
   */
  async onApplicationBootstrap(): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const head = await this.events.lockedHead(manager);
      if (head.seq === '0') return;
      if ((await this.events.chainVersionAt(manager, head.seq)) !== CHAIN_SHA256) return;
      const fields = fieldsOf(null, { action: 'chain_sealed', details: { sha256Events: Number(head.seq) } });
      const chained = chain(this.config.auditHmacKey, head, [fields]);
      await this.events.appendAfterLock(manager, chained.columns, chained.head);
      this.logger.log(`audit chain sealed with the HMAC key after ${head.seq} SHA-256 events`);
    });
  }

  /** Audits a change inside the caller's transaction. Call it last: it holds the chain lock until commit. */
  async record(manager: EntityManager, actor: Actor | null, entry: AuditEntry): Promise<void> {
    await this.append(manager, [fieldsOf(actor, entry)]);
  }

  /** Several changes of one transaction in one append. */
  async recordMany(manager: EntityManager, actor: Actor | null, entries: AuditEntry[]): Promise<void> {
    if (entries.length > 0)
      await this.append(
        manager,
        entries.map((entry) => fieldsOf(actor, entry)),
      );
  }

  /** Audits a read (or a refusal) and resolves once it is stored. */
  recordNow(actor: Actor | null, entry: AuditEntry): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ fields: fieldsOf(actor, entry), resolve, reject });
      if (!this.flushing) this.flushing = this.drain();
    });
  }

  /**
   * Audits a list as answered: one row per court among the records returned
   * (with those records' ids), so a court's audit view shows who listed its
   * records and nobody can file rows under a court by asking for it. An empty
   * answer is filed under the caller's own court.
   */
  async recordList(
    actor: Actor,
    entry: Omit<AuditEntry, 'courtId'>,
    items: Array<{ id: string; courtId: string | null }>,
    options: { ids: boolean } = { ids: true },
  ): Promise<void> {
    const byCourt = new Map<string | null, string[]>();
    for (const item of items) byCourt.set(item.courtId, [...(byCourt.get(item.courtId) ?? []), item.id]);
    if (byCourt.size === 0) byCourt.set(actor.courtId ?? null, []);
    await Promise.all(
      [...byCourt].map(([courtId, ids]) =>
        this.recordNow(actor, { ...entry, courtId, details: { ...entry.details, ...(options.ids ? { ids } : { count: ids.length }) } }),
      ),
    );
  }

  /**
   * A refused request, as seen by the problem filter: 401 and 403, and a 404
   * of a change (a write aimed at a record the caller may not see), filed
   * under the caller's own court.
   */
  recordDenied(request: FastifyRequest & { principal?: Principal }, reason: DenialReason): Promise<void> {
    const principal = request.principal ?? null;
    return this.recordNow(principal ? { ...principal, requestId: String(request.id) } : null, {
      action: 'denied',
      outcome: reason === 'not_found' ? 'not_found' : 'denied',
      courtId: principal?.courtId ?? null,
      requestId: String(request.id),
      entityId: reason === 'not_found' ? pathId(request) : null,
      details: { reason, method: request.method, route: request.routeOptions?.url ?? null },
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.flushing;
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        try {
          await this.appendBatch(batch.map((p) => p.fields));
          for (const pending of batch) pending.resolve();
        } catch (error) {
          this.logger.error({ err: error }, 'audit batch failed');
          const unavailable = new DomainError('unavailable', 'AuditUnavailable', 'The audit log cannot be written; try again.');
          for (const pending of batch) pending.reject(unavailable);
        }
      }
    } finally {
      this.flushing = null;
    }
  }

  /** Appends inside a transaction: the head row is locked until that transaction commits. */
  private async append(manager: EntityManager, events: Array<Omit<ChainedFields, 'seq'>>): Promise<void> {
    const chained = chain(this.config.auditHmacKey, await this.events.lockedHead(manager), events);
    await this.events.appendAfterLock(manager, chained.columns, chained.head);
  }

  /**
   * Appends a batch in one statement, without holding a lock across round
   * trips: the head is moved only if it is still where this process last saw
   * it, else another writer got there first and the batch is chained again.
   */
  private async appendBatch(events: Array<Omit<ChainedFields, 'seq'>>): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      this.head ??= await this.events.head();
      const chained = chain(this.config.auditHmacKey, this.head, events);
      if (await this.events.appendIfHeadUnchanged(chained.columns, chained.head, this.head)) {
        this.head = chained.head;
        return;
      }
      this.head = null;
      if (attempt >= 20) throw new Error('the audit chain head keeps moving');
    }
  }
}

/** Chains events after a head: their columns as arrays (AuditColumns), and the new head. */
function chain(key: string, head: Head, events: Array<Omit<ChainedFields, 'seq'>>): { columns: AuditColumns; head: Head } {
  const columns: AuditColumns = Array.from({ length: 15 }, () => []);
  let seq = BigInt(head.seq);
  let prevHash = head.hash;
  for (const event of events) {
    seq += 1n;
    const chained: ChainedFields = { ...event, seq: seq.toString() };
    const hash = chainHmac(key, prevHash, chained);
    const row = [
      chained.seq,
      event.id,
      event.at,
      event.actorId,
      event.actorRole,
      event.action,
      event.outcome,
      event.entityType,
      event.entityId,
      event.courtId,
      event.requestId,
      JSON.stringify(event.details),
      prevHash,
      hash,
      CHAIN_HMAC,
    ];
    row.forEach((value, i) => columns[i].push(value));
    prevHash = hash;
  }
  return { columns, head: { seq: seq.toString(), hash: prevHash } };
}

function fieldsOf(actor: Actor | null, entry: AuditEntry): Omit<ChainedFields, 'seq'> {
  return {
    id: randomUUID(),
    at: new Date(),
    actorId: actor?.id ?? null,
    actorRole: actor ? (actor.kind === 'api_key' ? `${actor.role}:API_KEY` : actor.role) : null,
    action: entry.action,
    outcome: entry.outcome ?? 'success',
    entityType: entry.entityType ?? null,
    entityId: entry.entityId ?? null,
    courtId: entry.courtId ?? null,
    requestId: actor?.requestId ?? entry.requestId ?? null,
    details: entry.details ?? {},
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The record a change route names (`:id`), when it is an id at all. */
function pathId(request: FastifyRequest): string | null {
  const id = (request.params as Record<string, unknown> | undefined)?.id;
  return typeof id === 'string' && UUID.test(id) ? id.toLowerCase() : null;
}
