import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { childRecordScope } from '../auth/scope.js';
import { currentPlacementAgency } from '../cases/placements.repository.js';
import { columns, insertRows, SqlParams } from '../common/database/sql.js';
import { toPage, type CursorPosition, type Page } from '../common/pagination/pagination.js';
import type { OrderTerms } from '../orders/order-terms.js';
import { Obligation } from './entities/obligation.entity.js';
import type { ObligationView } from './episode-view.js';
import type { EpisodeStatus, ObligationStatus, ObligationType } from './obligation-types.js';

/** An obligation with what the checks on proof, review and waiver need of its episode. */
export interface ObligationForChange extends ObligationView {
  episodeStatus: EpisodeStatus;
  missingSince: Date;
  recoveredAt: Date | null;
  caseId: string;
  episodeAgencyId: string | null;
  /** The agency of the child's current placement. */
  currentAgencyId: string | null;
}

export interface ObligationFilters {
  status?: ObligationStatus;
  type?: ObligationType;
  courtId?: string;
  agencyId?: string;
  episodeId?: string;
  dueBefore?: Date;
}

/** An obligation that just turned OVERDUE, with what its consequences need. */
export interface TurnedOverdue {
  id: string;
  type: ObligationType;
  courtId: string;
  agencyId: string | null;
  episodeId: string;
  caseId: string;
  terms: OrderTerms;
  dueAt: Date;
  deadlineVersion: number;
}

interface ObligationRow {
  id: string;
  episode_id: string;
  child_id: string;
  court_id: string;
  agency_id: string | null;
  type: ObligationType;
  sequence: number;
  status: ObligationStatus;
  due_at: Date;
  order_id: string | null;
  performed_at: Date | null;
  on_time: boolean | null;
  submitted_at: Date | null;
  overdue_at: Date | null;
  waived_at: Date | null;
  waiver_reason: string | null;
  terms?: OrderTerms;
}

/** An obligation's answer inside its episode's (the terms are the episode's). */
const EMBEDDED_COLUMNS = [
  'id',
  'episode_id',
  'child_id',
  'court_id',
  'agency_id',
  'type',
  'sequence',
  'status',
  'due_at',
  'order_id',
  'performed_at',
  'on_time',
  'submitted_at',
  'overdue_at',
  'waived_at',
  'waiver_reason',
] as const;
/** An obligation's own answer: with the terms it was derived from. */
const OBLIGATION_COLUMNS = columns('o', [...EMBEDDED_COLUMNS, 'terms']);
/** json_agg renders timestamps as text; these are turned back into instants. */
const TIMESTAMP_COLUMNS = ['due_at', 'performed_at', 'submitted_at', 'overdue_at', 'waived_at'] as const;

function toView(r: ObligationRow): ObligationView {
  return {
    id: r.id,
    episodeId: r.episode_id,
    childId: r.child_id,
    courtId: r.court_id,
    agencyId: r.agency_id,
    type: r.type,
    sequence: r.sequence,
    status: r.status,
    dueAt: r.due_at,
    orderId: r.order_id,
    performedAt: r.performed_at,
    onTime: r.on_time,
    submittedAt: r.submitted_at,
    overdueAt: r.overdue_at,
    waivedAt: r.waived_at,
    waiverReason: r.waiver_reason,
    ...(r.terms ? { terms: r.terms } : {}),
  };
}

/** For the episode read: its obligations (without their terms) as a JSON array, soonest due first. */
export function obligationsJson(episodeId: string): string {
  return `(SELECT coalesce(json_agg(ob ORDER BY ob.due_at, ob.type, ob.sequence), '[]'::json)
             FROM (SELECT ${columns('o', EMBEDDED_COLUMNS)} FROM obligations o WHERE o.episode_id = ${episodeId}) ob)`;
}

export function obligationsFromJson(rows: unknown[]): ObligationView[] {
  return (rows as Array<Record<string, unknown>>).map((row) => {
    for (const key of TIMESTAMP_COLUMNS) if (typeof row[key] === 'string') row[key] = new Date(row[key]);
    return toView(row as unknown as ObligationRow);
  });
}

/** The obligations table. */
@Injectable()
export class ObligationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts planned obligations, skipping any the episode already has (same type and sequence); answers the ids inserted. */
  insertPlanned(
    manager: EntityManager,
    obligations: Array<Omit<Obligation, 'createdAt' | 'updatedAt' | 'deadlineVersion'>>,
  ): Promise<string[]> {
    return insertRows(manager, Obligation, obligations, { ignoreConflicts: true });
  }

  async findScoped(
    manager: EntityManager,
    principal: Principal,
    id: string,
    options: { lock?: boolean } = {},
  ): Promise<ObligationForChange | null> {
    const params = new SqlParams();
    const [row] = (await manager.query(
      `SELECT ${OBLIGATION_COLUMNS}, e.status AS episode_status, e.missing_since, e.recovered_at, e.case_id, e.agency_id AS episode_agency_id,
              ${currentPlacementAgency('o.child_id')} AS current_agency_id
         FROM obligations o JOIN episodes e ON e.id = o.episode_id
        WHERE o.id = ${params.add(id)} AND ${childRecordScope(principal, 'o.child_id', 'o.court_id', params)}
        ${options.lock ? 'FOR UPDATE OF o' : ''}`,
      params.values,
    )) as Array<
      ObligationRow & {
        episode_status: EpisodeStatus;
        missing_since: Date;
        recovered_at: Date | null;
        case_id: string;
        episode_agency_id: string | null;
        current_agency_id: string | null;
      }
    >;
    if (!row) return null;
    return {
      ...toView(row),
      episodeStatus: row.episode_status,
      missingSince: row.missing_since,
      recoveredAt: row.recovered_at,
      caseId: row.case_id,
      episodeAgencyId: row.episode_agency_id,
      currentAgencyId: row.current_agency_id,
    };
  }

  /** Soonest due first. */
  async listScoped(
    principal: Principal,
    filters: ObligationFilters,
    limit: number,
    after: CursorPosition | null,
  ): Promise<Page<ObligationView>> {
    const params = new SqlParams();
    const where = [childRecordScope(principal, 'o.child_id', 'o.court_id', params)];
    if (filters.status) where.push(`o.status = ${params.add(filters.status)}`);
    if (filters.type) where.push(`o.type = ${params.add(filters.type)}`);
    if (filters.courtId) where.push(`o.court_id = ${params.add(filters.courtId)}`);
    if (filters.agencyId) where.push(`o.agency_id = ${params.add(filters.agencyId)}`);
    if (filters.episodeId) where.push(`o.episode_id = ${params.add(filters.episodeId)}`);
    if (filters.dueBefore) where.push(`o.due_at < ${params.add(filters.dueBefore)}`);
    if (after) where.push(`(o.due_at, o.id) > (${params.add(after.key)}::timestamptz, ${params.add(after.id)}::uuid)`);
    const rows = (await this.dataSource.query(
      `SELECT ${OBLIGATION_COLUMNS}, o.due_at::text AS cursor_key FROM obligations o WHERE ${where.join(' AND ')}
       ORDER BY o.due_at, o.id LIMIT ${params.add(limit + 1)}`,
      params.values,
    )) as Array<ObligationRow & { cursor_key: string }>;
    return toPage(rows, limit, toView);
  }

  async byId(manager: EntityManager, id: string): Promise<ObligationView> {
    const [row] = (await manager.query(`SELECT ${OBLIGATION_COLUMNS} FROM obligations o WHERE o.id = $1`, [id])) as ObligationRow[];
    return toView(row);
  }

  /** The OPEN ones among `ids` that are past due turn OVERDUE; answers those that turned. */
  async markOverdue(manager: EntityManager, ids: string[]): Promise<TurnedOverdue[]> {
    if (ids.length === 0) return [];
    const [rows] = (await manager.query(
      `UPDATE obligations o SET status = 'OVERDUE', overdue_at = now(), updated_at = now()
         FROM episodes e
        WHERE o.id = ANY($1::uuid[]) AND o.status = 'OPEN' AND o.due_at <= now() AND e.id = o.episode_id
        RETURNING o.id, o.type, o.court_id, o.agency_id, o.episode_id, e.case_id, o.terms, o.due_at, o.deadline_version`,
      [ids],
    )) as [
      Array<{
        id: string;
        type: ObligationType;
        court_id: string;
        agency_id: string | null;
        episode_id: string;
        case_id: string;
        terms: OrderTerms;
        due_at: Date;
        deadline_version: number;
      }>,
      number,
    ];
    return rows.map((r) => ({
      id: r.id,
      type: r.type,
      courtId: r.court_id,
      agencyId: r.agency_id,
      episodeId: r.episode_id,
      caseId: r.case_id,
      terms: r.terms,
      dueAt: r.due_at,
      deadlineVersion: r.deadline_version,
    }));
  }

  /** OPEN obligations past due, soonest first, locked for this transaction (rows another sweep holds are skipped). */
  async lockPastDue(manager: EntityManager, limit: number): Promise<string[]> {
    const rows = (await manager.query(
      `SELECT id FROM obligations WHERE status = 'OPEN' AND due_at <= now() ORDER BY due_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    )) as Array<{ id: string }>;
    return rows.map((r) => r.id);
  }

  async markWaived(manager: EntityManager, id: string, by: string, reason: string): Promise<ObligationView> {
    await manager.getRepository(Obligation).update(id, {
      status: 'WAIVED',
      waivedAt: () => 'now()',
      waivedBy: by,
      waiverReason: reason,
      updatedAt: () => 'now()',
    });
    return this.byId(manager, id);
  }

  /** A status update not yet due when the child came back is no longer owed. */
  async waiveStatusUpdatesDueAfter(manager: EntityManager, episodeId: string, after: Date): Promise<void> {
    await manager.query(
      `UPDATE obligations SET status = 'WAIVED', waived_at = now(), waiver_reason = 'The child was recovered before this update was due.',
                              updated_at = now()
        WHERE episode_id = $1 AND type = 'STATUS_UPDATE' AND status = 'OPEN' AND due_at > $2`,
      [episodeId, after],
    );
  }

  async markSubmitted(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(Obligation).update(id, { status: 'SUBMITTED', submittedAt: () => 'now()', updatedAt: () => 'now()' });
  }

  /** Accepted proof: satisfied, on time if performed by the due time. */
  async markSatisfied(manager: EntityManager, id: string, performedAt: Date): Promise<void> {
    await manager.query(
      `UPDATE obligations SET status = 'SATISFIED', performed_at = $2, on_time = ($2 <= due_at), satisfied_at = now(), overdue_at = NULL,
                              updated_at = now()
        WHERE id = $1`,
      [id, performedAt],
    );
  }

  /** Rejected proof: OPEN again under a new deadline version; answers the due time and the version to arm. */
  async reopen(manager: EntityManager, id: string): Promise<{ dueAt: Date; deadlineVersion: number; caseId: string }> {
    const [[row]] = (await manager.query(
      `UPDATE obligations o SET status = 'OPEN', deadline_version = deadline_version + 1, updated_at = now() FROM episodes e
        WHERE o.id = $1 AND e.id = o.episode_id
        RETURNING o.due_at, o.deadline_version, e.case_id`,
      [id],
    )) as [Array<{ due_at: Date; deadline_version: number; case_id: string }>, number];
    return { dueAt: row.due_at, deadlineVersion: row.deadline_version, caseId: row.case_id };
  }

  /** The episode's NCIC entry duty unless waived, locked for this transaction. */
  async lockNcicEntry(
    manager: EntityManager,
    episodeId: string,
  ): Promise<{ id: string; status: ObligationStatus; terms: OrderTerms } | null> {
    const [row] = (await manager.query(
      `SELECT id, status, terms FROM obligations WHERE episode_id = $1 AND type = 'NCIC_ENTRY' AND status <> 'WAIVED' FOR UPDATE`,
      [episodeId],
    )) as Array<{ id: string; status: ObligationStatus; terms: OrderTerms }>;
    return row ?? null;
  }

  /** A satisfied duty's deadline moved: only whether it was met on time changes. */
  async redateSatisfied(manager: EntityManager, id: string, dueAt: Date): Promise<void> {
    await manager.query(`UPDATE obligations SET due_at = $2, on_time = (performed_at <= $2), updated_at = now() WHERE id = $1`, [
      id,
      dueAt,
    ]);
  }

  /**
   * An unsatisfied duty's deadline moved: a new deadline version (to arm);
   * an overdue one whose new deadline is still ahead is OPEN again.
   */
  async redate(manager: EntityManager, id: string, dueAt: Date): Promise<{ status: ObligationStatus; deadlineVersion: number }> {
    const [[row]] = (await manager.query(
      `UPDATE obligations
          SET due_at = $2, deadline_version = deadline_version + 1, updated_at = now(),
              status = CASE WHEN status = 'OVERDUE' AND $2 > now() THEN 'OPEN' ELSE status END,
              overdue_at = CASE WHEN status = 'OVERDUE' AND $2 > now() THEN NULL ELSE overdue_at END
        WHERE id = $1 RETURNING status, deadline_version`,
      [id, dueAt],
    )) as [Array<{ status: ObligationStatus; deadline_version: number }>, number];
    return { status: row.status, deadlineVersion: row.deadline_version };
  }
}
