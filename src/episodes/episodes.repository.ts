import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { childRecordScope } from '../auth/scope.js';
import { currentPlacementAgency } from '../cases/placements.repository.js';
import { FastQuery } from '../common/database/fast-query.js';
import { columns, insertRows, SqlParams } from '../common/database/sql.js';
import { toPage, type CursorPosition, type Page } from '../common/pagination/pagination.js';
import { hearingRequestExists, hearingRequestsFromJson, hearingRequestsJson } from '../hearings/hearing-requests.repository.js';
import type { OrderTerms } from '../orders/order-terms.js';
import { Episode } from './entities/episode.entity.js';
import type { EpisodeSummary, EpisodeView } from './episode-view.js';
import type { EpisodeStatus } from './obligation-types.js';
import { obligationsFromJson, obligationsJson } from './obligations.repository.js';

/** What obligations are created from: the episode they belong to, with its order and terms. */
export interface EpisodeContext {
  id: string;
  caseId: string;
  courtId: string;
  agencyId: string | null;
  childId: string;
  discoveredAt: Date;
  orderId: string | null;
  terms: OrderTerms;
}

/** An episode about to change (recovery), with the agency of the child's current placement. */
export interface EpisodeForChange extends EpisodeContext {
  status: EpisodeStatus;
  missingSince: Date;
  currentAgencyId: string | null;
}

export interface EpisodeFilters {
  status?: EpisodeStatus;
  courtId?: string;
  agencyId?: string;
  childId?: string;
}

interface EpisodeRow {
  id: string;
  child_id: string;
  case_id: string;
  court_id: string;
  agency_id: string | null;
  status: EpisodeStatus;
  missing_since: Date;
  discovered_at: Date;
  last_seen_location: string | null;
  last_seen_city: string | null;
  circumstances: string | null;
  clothing_description: string | null;
  companions: string[];
  child_phone: string | null;
  social_media: string[];
  order_id: string | null;
  terms: OrderTerms;
  recovered_at: Date | null;
  recovery_location: string | null;
  recovery_circumstances: string | null;
  created_at: Date;
}

const EPISODE_COLUMNS = columns('e', [
  'id',
  'child_id',
  'case_id',
  'court_id',
  'agency_id',
  'status',
  'missing_since',
  'discovered_at',
  'last_seen_location',
  'last_seen_city',
  'circumstances',
  'clothing_description',
  'companions',
  'child_phone',
  'social_media',
  'order_id',
  'terms',
  'recovered_at',
  'recovery_location',
  'recovery_circumstances',
  'created_at',
]);
const CONTEXT_COLUMNS = columns('e', ['id', 'case_id', 'court_id', 'agency_id', 'child_id', 'discovered_at', 'order_id', 'terms']);

function toSummary(r: EpisodeRow): EpisodeSummary {
  return {
    id: r.id,
    childId: r.child_id,
    caseId: r.case_id,
    courtId: r.court_id,
    agencyId: r.agency_id,
    status: r.status,
    missingSince: r.missing_since,
    discoveredAt: r.discovered_at,
    lastSeenLocation: r.last_seen_location,
    lastSeenCity: r.last_seen_city,
    circumstances: r.circumstances,
    clothingDescription: r.clothing_description,
    companions: r.companions,
    childPhone: r.child_phone,
    socialMedia: r.social_media,
    orderId: r.order_id,
    terms: r.terms,
    recoveredAt: r.recovered_at,
    recoveryLocation: r.recovery_location,
    recoveryCircumstances: r.recovery_circumstances,
    createdAt: r.created_at,
  };
}

type ContextRow = Pick<EpisodeRow, 'id' | 'case_id' | 'court_id' | 'agency_id' | 'child_id' | 'discovered_at' | 'order_id' | 'terms'>;

const toContext = (r: ContextRow): EpisodeContext => ({
  id: r.id,
  caseId: r.case_id,
  courtId: r.court_id,
  agencyId: r.agency_id,
  childId: r.child_id,
  discoveredAt: r.discovered_at,
  orderId: r.order_id,
  terms: r.terms,
});

/** The episodes table; an episode is read with its obligations and hearing requests in one round trip. */
@Injectable()
export class EpisodesRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(FastQuery) private readonly fast: FastQuery,
  ) {}

  /**
   * An episode with its obligations and hearing requests, scoped to the
   * principal (null: unscoped, for the answer to a change already checked).
   * The hottest read of the service: one named prepared statement on the pool.
   */
  /** One episode with its duties and hearing requests; inside `manager`'s transaction when given (what that transaction sees). */
  async read(principal: Principal | null, id: string, manager?: EntityManager): Promise<EpisodeView | null> {
    const params = new SqlParams();
    const scope = principal ? childRecordScope(principal, 'e.child_id', 'e.court_id', params) : 'TRUE';
    const text = `SELECT ${EPISODE_COLUMNS}, ${obligationsJson('e.id')} AS obligation_rows, ${hearingRequestsJson('e.id')} AS hearing_rows
         FROM episodes e WHERE e.id = ${params.add(id)} AND ${scope}`;
    type Row = EpisodeRow & { obligation_rows: unknown[]; hearing_rows: unknown[] };
    const [row] = manager ? ((await manager.query(text, params.values)) as Row[]) : await this.fast.rows<Row>(text, params.values);
    if (!row) return null;
    return {
      ...toSummary(row),
      obligations: obligationsFromJson(row.obligation_rows),
      hearingRequests: hearingRequestsFromJson(row.hearing_rows),
    };
  }

  /** Newest first. */
  async listScoped(
    principal: Principal,
    filters: EpisodeFilters,
    limit: number,
    after: CursorPosition | null,
  ): Promise<Page<EpisodeSummary>> {
    const params = new SqlParams();
    const where = [childRecordScope(principal, 'e.child_id', 'e.court_id', params)];
    if (filters.status) where.push(`e.status = ${params.add(filters.status)}`);
    if (filters.courtId) where.push(`e.court_id = ${params.add(filters.courtId)}`);
    if (filters.agencyId) where.push(`e.agency_id = ${params.add(filters.agencyId)}`);
    if (filters.childId) where.push(`e.child_id = ${params.add(filters.childId)}`);
    if (after) where.push(`(e.created_at, e.id) < (${params.add(after.key)}::timestamptz, ${params.add(after.id)}::uuid)`);
    const rows = (await this.dataSource.query(
      `SELECT ${EPISODE_COLUMNS}, e.created_at::text AS cursor_key FROM episodes e WHERE ${where.join(' AND ')}
       ORDER BY e.created_at DESC, e.id DESC LIMIT ${params.add(limit + 1)}`,
      params.values,
    )) as Array<EpisodeRow & { cursor_key: string }>;
    return toPage(rows, limit, toSummary);
  }

  /** false when the child already has an open episode (the partial unique index). */
  async insertOpen(
    manager: EntityManager,
    episode: Omit<
      Episode,
      'status' | 'recoveredAt' | 'recoveryLocation' | 'recoveryCircumstances' | 'recoveredBy' | 'createdAt' | 'updatedAt'
    >,
  ): Promise<boolean> {
    const inserted = await insertRows(
      manager,
      Episode,
      [{ ...episode, status: 'MISSING', recoveredAt: null, recoveryLocation: null, recoveryCircumstances: null, recoveredBy: null }],
      { ignoreConflicts: true },
    );
    return inserted.length > 0;
  }

  async findForChange(principal: Principal, id: string): Promise<EpisodeForChange | null> {
    const params = new SqlParams();
    const [row] = (await this.dataSource.query(
      `SELECT ${CONTEXT_COLUMNS}, e.missing_since, e.status, ${currentPlacementAgency('e.child_id')} AS current_agency_id
         FROM episodes e WHERE e.id = ${params.add(id)} AND ${childRecordScope(principal, 'e.child_id', 'e.court_id', params)}`,
      params.values,
    )) as Array<ContextRow & { missing_since: Date; status: EpisodeStatus; current_agency_id: string | null }>;
    if (!row) return null;
    return { ...toContext(row), status: row.status, missingSince: row.missing_since, currentAgencyId: row.current_agency_id };
  }

  /** false when the episode was no longer MISSING. */
  async markRecovered(
    manager: EntityManager,
    id: string,
    recovery: Pick<Episode, 'recoveredAt' | 'recoveryLocation' | 'recoveryCircumstances' | 'recoveredBy'>,
  ): Promise<boolean> {
    const result = await manager
      .getRepository(Episode)
      .update({ id, status: 'MISSING' }, { ...recovery, status: 'RECOVERED', updatedAt: () => 'now()' });
    return (result.affected ?? 0) > 0;
  }

  /**
   * Episodes still missing whose latest status update has fallen due (of
   * `ids`, or any), with the sequence of that update, locked for this
   * transaction; those another sweep holds are skipped.
   */
  async lockStatusUpdatesDue(
    manager: EntityManager,
    ids: string[] | null,
    limit: number,
  ): Promise<Array<EpisodeContext & { statusUpdateDueAt: Date; lastSequence: number | null }>> {
    const rows = (await manager.query(
      `SELECT ${CONTEXT_COLUMNS}, e.status_update_due_at,
              (SELECT max(sequence) FROM obligations WHERE episode_id = e.id AND type = 'STATUS_UPDATE') AS last_sequence
         FROM episodes e
        WHERE e.status = 'MISSING' AND e.status_update_due_at <= now() ${ids ? 'AND e.id = ANY($2::uuid[])' : ''}
        ORDER BY e.status_update_due_at LIMIT $1
        FOR UPDATE OF e SKIP LOCKED`,
      ids ? [limit, ids] : [limit],
    )) as Array<ContextRow & { status_update_due_at: Date; last_sequence: number | null }>;
    return rows.map((r) => ({ ...toContext(r), statusUpdateDueAt: r.status_update_due_at, lastSequence: r.last_sequence }));
  }

  async setStatusUpdateDue(manager: EntityManager, id: string, dueAt: Date): Promise<void> {
    await manager.getRepository(Episode).update(id, { statusUpdateDueAt: dueAt, updatedAt: () => 'now()' });
  }

  /** Episodes still missing within 30 days of the 18th birthday (of `ids`, or any) that never had a PRE_MAJORITY request. */
  async preMajorityDue(manager: EntityManager, ids: string[] | null, limit: number): Promise<EpisodeContext[]> {
    const rows = (await manager.query(
      `SELECT ${CONTEXT_COLUMNS} FROM episodes e
        WHERE e.status = 'MISSING' AND e.pre_majority_at <= now() ${ids ? 'AND e.id = ANY($2::uuid[])' : ''}
          AND NOT ${hearingRequestExists('e.id', 'PRE_MAJORITY')}
        LIMIT $1`,
      ids ? [limit, ids] : [limit],
    )) as ContextRow[];
    return rows.map(toContext);
  }
}
