import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/principal.js';
import { childRecordScope, SqlParams } from '../auth/scope.js';
import { Conflict, NotFound } from '../common/errors/domain-error.js';
import { decodeCursor, toPage, type Page } from '../common/pagination/pagination.js';
import type { ListObligationsQuery } from './dto/episodes.dto.js';
import { loadObligation } from './episode-queries.js';
import { OBLIGATION_COLUMNS, toObligationView, type ObligationRow, type ObligationView } from './episode-view.js';

@Injectable()
export class ObligationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async get(actor: Actor, id: string): Promise<ObligationView> {
    const row = await loadObligation(this.dataSource.manager, actor, id);
    if (!row) {
      await this.audit.recordNow(actor, {
        action: 'read',
        outcome: 'not_found',
        entityType: 'obligation',
        entityId: id,
      });
      throw new NotFound('obligation');
    }
    await this.audit.recordNow(actor, {
      action: 'read',
      entityType: 'obligation',
      entityId: id,
      courtId: row.court_id,
    });
    return toObligationView(row);
  }

  /** Obligations in scope, soonest due first. */
  async list(actor: Actor, query: ListObligationsQuery): Promise<Page<ObligationView>> {
    const params = new SqlParams();
    const where = [childRecordScope(actor, 'o.child_id', 'o.court_id', params)];
    if (query.status) where.push(`o.status = ${params.add(query.status)}`);
    if (query.type) where.push(`o.type = ${params.add(query.type)}`);
    if (query.courtId) where.push(`o.court_id = ${params.add(query.courtId)}`);
    if (query.agencyId) where.push(`o.agency_id = ${params.add(query.agencyId)}`);
    if (query.episodeId) where.push(`o.episode_id = ${params.add(query.episodeId)}`);
    if (query.dueBefore) where.push(`o.due_at < ${params.add(new Date(query.dueBefore))}`);
    const after = decodeCursor(query.cursor);
    if (after) where.push(`(o.due_at, o.id) > (${params.add(after.key)}::timestamptz, ${params.add(after.id)}::uuid)`);
    const rows = (await this.dataSource.query(
      `SELECT ${OBLIGATION_COLUMNS}, o.due_at::text AS cursor_key FROM obligations o WHERE ${where.join(' AND ')}
       ORDER BY o.due_at, o.id LIMIT ${params.add(query.limit + 1)}`,
      params.values,
    )) as Array<ObligationRow & { cursor_key: string }>;
    const page = toPage(rows, query.limit, toObligationView);
    await this.audit.recordNow(actor, {
      action: 'list',
      entityType: 'obligation',
      courtId: query.courtId ?? actor.courtId,
      details: { count: page.items.length },
    });
    return page;
  }

  /** A judge excuses a duty, with a reason. A proof waiting for review must be reviewed first. */
  async waive(actor: Actor, id: string, reason: string): Promise<ObligationView> {
    return this.dataSource.transaction(async (manager) => {
      const row = await loadObligation(manager, actor, id, true);
      if (!row) throw new NotFound('obligation');
      if (row.status === 'SUBMITTED')
        throw new Conflict('ProofAwaitingReview', 'A proof of this obligation awaits review; accept or reject it first.');
      if (row.status === 'SATISFIED' || row.status === 'WAIVED') {
        throw new Conflict(
          row.status === 'SATISFIED' ? 'ObligationSatisfied' : 'ObligationWaived',
          `This obligation is already ${row.status.toLowerCase()}.`,
        );
      }
      const [updated] = (await manager.query(
        `UPDATE obligations o SET status = 'WAIVED', waived_at = now(), waived_by = $2, waiver_reason = $3, updated_at = now()
          WHERE o.id = $1 RETURNING ${OBLIGATION_COLUMNS}`,
        [id, actor.id, reason],
      )) as [ObligationRow[], number];
      await this.audit.record(manager, actor, {
        action: 'waive',
        entityType: 'obligation',
        entityId: id,
        courtId: row.court_id,
        details: { type: row.type },
      });
      return toObligationView(updated[0]);
    });
  }
}
