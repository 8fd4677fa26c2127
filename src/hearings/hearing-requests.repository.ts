import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { caseRecordScope } from '../auth/scope.js';
import { columns, insertRows, SqlParams } from '../common/database/sql.js';
import { toPage, type CursorPosition, type Page } from '../common/pagination/pagination.js';
import { HearingRequest } from './entities/hearing-request.entity.js';
import type { DocketSyncStatus, HearingReason, HearingRequestStatus } from './hearing-request-types.js';
import type { HearingRequestView } from './hearing-request-view.js';

export interface HearingRequestFilters {
  courtId?: string;
  status?: HearingRequestStatus;
  reason?: HearingReason;
  docketStatus?: DocketSyncStatus;
  episodeId?: string;
}

/** A hearing as a calendar shows it. */
export interface CalendarHearing {
  id: string;
  caseId: string;
  reason: HearingReason;
  status: HearingRequestStatus;
  scheduledFor: Date;
  courtroom: string | null;
  updatedAt: Date;
}

/** A request with what only the notice of hearing needs. */
export interface ScheduledHearingFacts {
  agencyId: string | null;
  scheduledAt: Date | null;
  scheduledBy: string | null;
}

interface HearingRequestRow {
  id: string;
  reason: HearingReason;
  episode_id: string;
  case_id: string;
  court_id: string;
  obligation_id: string | null;
  status: HearingRequestStatus;
  requested_at: Date;
  target_date: string;
  scheduled_for: Date | null;
  courtroom: string | null;
  cancelled_at: Date | null;
  cancel_reason: string | null;
  docket_status: DocketSyncStatus;
  docket_attempts: number;
  docket_last_error: string | null;
}

/** The columns of a request's answer (`target_date` arrives as 'YYYY-MM-DD': see database-setup.ts). */
const VIEW_COLUMNS = [
  'id',
  'reason',
  'episode_id',
  'case_id',
  'court_id',
  'obligation_id',
  'status',
  'requested_at',
  'target_date',
  'scheduled_for',
  'courtroom',
  'cancelled_at',
  'cancel_reason',
  'docket_status',
  'docket_attempts',
  'docket_last_error',
] as const;
const HEARING_REQUEST_COLUMNS = columns('hr', VIEW_COLUMNS);
/** json_agg renders timestamps as text; these are turned back into instants. */
const TIMESTAMP_COLUMNS = ['requested_at', 'scheduled_for', 'cancelled_at'] as const;

function toView(r: HearingRequestRow): HearingRequestView {
  return {
    id: r.id,
    reason: r.reason,
    episodeId: r.episode_id,
    caseId: r.case_id,
    courtId: r.court_id,
    obligationId: r.obligation_id,
    status: r.status,
    requestedAt: r.requested_at,
    targetDate: r.target_date,
    scheduledFor: r.scheduled_for,
    courtroom: r.courtroom,
    cancelledAt: r.cancelled_at,
    cancelReason: r.cancel_reason,
    docketSync: { status: r.docket_status, attempts: r.docket_attempts, lastError: r.docket_last_error },
  };
}

/**
 * For the episodes module's one-round-trip read of an episode: a subquery
 * giving the episode's requests as a JSON array (oldest first), to be read
 * back with `hearingRequestsFromJson`. `episodeId` is the SQL expression of
 * the episode's id.
 */
export function hearingRequestsJson(episodeId: string): string {
  return `(SELECT coalesce(json_agg(h ORDER BY h.requested_at, h.id), '[]'::json)
             FROM (SELECT ${HEARING_REQUEST_COLUMNS} FROM hearing_requests hr WHERE hr.episode_id = ${episodeId}) h)`;
}

export function hearingRequestsFromJson(rows: unknown[]): HearingRequestView[] {
  return (rows as Array<Record<string, unknown>>).map((row) => {
    for (const key of TIMESTAMP_COLUMNS) if (typeof row[key] === 'string') row[key] = new Date(row[key]);
    return toView(row as unknown as HearingRequestRow);
  });
}

/** For the episodes module's sweep: whether an episode (SQL expression of its id) ever had a request for this reason. */
export function hearingRequestExists(episodeId: string, reason: HearingReason): string {
  return `EXISTS (SELECT 1 FROM hearing_requests hr WHERE hr.episode_id = ${episodeId} AND hr.reason = '${reason}')`;
}

/** The hearing_requests table. */
@Injectable()
export class HearingRequestsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts a QUEUED request unless an open one of the episode and reason exists (the unique indexes); answers it, or null. */
  async insertUnlessOpen(
    manager: EntityManager,
    request: Pick<
      HearingRequest,
      'id' | 'reason' | 'episodeId' | 'caseId' | 'courtId' | 'agencyId' | 'obligationId' | 'requestedAt' | 'targetDate' | 'docketStatus'
    >,
  ): Promise<HearingRequestView | null> {
    const inserted = await insertRows(manager, HearingRequest, [{ ...request, status: 'QUEUED' }], { ignoreConflicts: true });
    return inserted.length > 0 ? this.byId(request.id, manager) : null;
  }

  async byId(id: string, manager: EntityManager = this.dataSource.manager): Promise<HearingRequestView | null> {
    const rows = (await manager.query(`SELECT ${HEARING_REQUEST_COLUMNS} FROM hearing_requests hr WHERE hr.id = $1`, [
      id,
    ])) as HearingRequestRow[];
    return rows[0] ? toView(rows[0]) : null;
  }

  /** A request the principal may see (any, for null: a signed callback), locked until the transaction ends when `lock`. */
  async findScoped(
    manager: EntityManager,
    principal: Principal | null,
    id: string,
    options: { lock?: boolean } = {},
  ): Promise<HearingRequestView | null> {
    const params = new SqlParams();
    const scope = principal ? caseRecordScope(principal, 'hr.case_id', 'hr.court_id', params) : 'TRUE';
    const rows = (await manager.query(
      `SELECT ${HEARING_REQUEST_COLUMNS} FROM hearing_requests hr WHERE hr.id = ${params.add(id)} AND ${scope} ${options.lock ? 'FOR UPDATE OF hr' : ''}`,
      params.values,
    )) as HearingRequestRow[];
    return rows[0] ? toView(rows[0]) : null;
  }

  /** The queue of courts the principal works in (all for an admin), soonest target date first. */
  async list(
    principal: Principal,
    filters: HearingRequestFilters,
    limit: number,
    after: CursorPosition | null,
  ): Promise<Page<HearingRequestView>> {
    const params = new SqlParams();
    const where = [principal.role === 'ADMIN' ? 'TRUE' : `hr.court_id = ${params.add(principal.courtId)}`];
    if (filters.courtId) where.push(`hr.court_id = ${params.add(filters.courtId)}`);
    if (filters.status) where.push(`hr.status = ${params.add(filters.status)}`);
    if (filters.reason) where.push(`hr.reason = ${params.add(filters.reason)}`);
    if (filters.docketStatus) where.push(`hr.docket_status = ${params.add(filters.docketStatus)}`);
    if (filters.episodeId) where.push(`hr.episode_id = ${params.add(filters.episodeId)}`);
    if (after) where.push(`(hr.target_date, hr.id) > (${params.add(after.key)}::date, ${params.add(after.id)}::uuid)`);
    const rows = (await this.dataSource.query(
      `SELECT ${HEARING_REQUEST_COLUMNS}, hr.target_date::text AS cursor_key FROM hearing_requests hr WHERE ${where.join(' AND ')}
       ORDER BY hr.target_date, hr.id LIMIT ${params.add(limit + 1)}`,
      params.values,
    )) as Array<HearingRequestRow & { cursor_key: string }>;
    return toPage(rows, limit, toView);
  }

  async forEpisode(manager: EntityManager, episodeId: string): Promise<HearingRequestView[]> {
    const rows = (await manager.query(
      `SELECT ${HEARING_REQUEST_COLUMNS} FROM hearing_requests hr WHERE hr.episode_id = $1 ORDER BY hr.requested_at, hr.id`,
      [episodeId],
    )) as HearingRequestRow[];
    return rows.map(toView);
  }

  async markScheduled(
    manager: EntityManager,
    id: string,
    hearing: { scheduledFor: Date; courtroom: string; by: string | null },
  ): Promise<HearingRequestView> {
    await manager.getRepository(HearingRequest).update(id, {
      status: 'SCHEDULED',
      scheduledFor: hearing.scheduledFor,
      courtroom: hearing.courtroom,
      scheduledBy: hearing.by,
      scheduledAt: () => 'now()',
      updatedAt: () => 'now()',
    });
    return (await this.byId(id, manager)) as HearingRequestView;
  }

  async markCancelled(manager: EntityManager, id: string, cancellation: { by: string; reason: string }): Promise<HearingRequestView> {
    await manager.getRepository(HearingRequest).update(id, {
      status: 'CANCELLED',
      cancelledAt: () => 'now()',
      cancelledBy: cancellation.by,
      cancelReason: cancellation.reason,
      updatedAt: () => 'now()',
    });
    return (await this.byId(id, manager)) as HearingRequestView;
  }

  /**
   * A court's hearings for its calendar: set for a time between `from` and
   * `to`, and those cancelled since `cancelledSince` that had been set (so a
   * subscribed calendar learns of the cancellation).
   */
  async forCalendar(courtId: string, window: { from: Date; to: Date; cancelledSince: Date }): Promise<CalendarHearing[]> {
    const rows = (await this.dataSource.query(
      `SELECT id, case_id, reason, status, scheduled_for, courtroom, updated_at FROM hearing_requests
        WHERE court_id = $1 AND scheduled_for BETWEEN $2 AND $3
          AND (status = 'SCHEDULED' OR (status = 'CANCELLED' AND cancelled_at >= $4))
        ORDER BY scheduled_for, id`,
      [courtId, window.from, window.to, window.cancelledSince],
    )) as Array<{
      id: string;
      case_id: string;
      reason: HearingReason;
      status: HearingRequestStatus;
      scheduled_for: Date;
      courtroom: string | null;
      updated_at: Date;
    }>;
    return rows.map((r) => ({
      id: r.id,
      caseId: r.case_id,
      reason: r.reason,
      status: r.status,
      scheduledFor: r.scheduled_for,
      courtroom: r.courtroom,
      updatedAt: r.updated_at,
    }));
  }

  /** A delivery to the case-management system is starting: the request's docketSync starts over. */
  async startDocketSync(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(HearingRequest).update(id, {
      docketStatus: 'PENDING',
      docketAttempts: 0,
      docketLastError: null,
      updatedAt: () => 'now()',
    });
  }

  /**
   * Shows a docket event's state on its request, unless a later event of the
   * request exists (docketSync follows the latest event only). Compared in
   * SQL: a JavaScript Date would drop the microseconds and make the event
   * later than itself.
   */
  async mirrorDocketEvent(
    manager: EntityManager,
    event: { id: string; hearingRequestId: string; status: 'PENDING' | 'DELIVERED' | 'FAILED'; attempts: number; lastError: string | null },
  ): Promise<void> {
    await manager.query(
      `UPDATE hearing_requests hr
          SET docket_status = CASE $2 WHEN 'DELIVERED' THEN 'SYNCED' WHEN 'FAILED' THEN 'FAILED' ELSE 'PENDING' END,
              docket_attempts = $3, docket_last_error = $4, updated_at = now()
        WHERE hr.id = $1
          AND NOT EXISTS (SELECT 1 FROM docket_events later, docket_events this
                           WHERE this.id = $5 AND later.hearing_request_id = $1 AND later.created_at > this.created_at)`,
      [event.hearingRequestId, event.status, event.attempts, event.lastError, event.id],
    );
  }

  async scheduledFacts(id: string): Promise<ScheduledHearingFacts | null> {
    const request = await this.dataSource.getRepository(HearingRequest).findOne({
      where: { id },
      select: { id: true, agencyId: true, scheduledAt: true, scheduledBy: true },
    });
    return request ? { agencyId: request.agencyId, scheduledAt: request.scheduledAt, scheduledBy: request.scheduledBy } : null;
  }
}
