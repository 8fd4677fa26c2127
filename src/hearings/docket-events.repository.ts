import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { courtRecordScope } from '../auth/scope.js';
import { insertRows, SqlParams } from '../common/database/sql.js';
import { toPage, type CursorPosition, type Page } from '../common/pagination/pagination.js';
import { DocketEvent } from './entities/docket-event.entity.js';
import type { DocketEventStatus, DocketEventType } from './docket-events.js';

export interface DocketEventView {
  id: string;
  type: DocketEventType;
  hearingRequestId: string | null;
  orderId: string | null;
  courtId: string;
  status: DocketEventStatus;
  attempts: number;
  lastError: string | null;
  lastStatus: number | null;
  deliveredAt: Date | null;
  failedAt: Date | null;
  createdAt: Date;
}

/** An event with the exact JSON its deliveries send, and how often a clerk sent it again. */
export interface StoredDocketEvent extends DocketEventView {
  body: string;
  resends: number;
}

interface EventRow {
  id: string;
  type: DocketEventType;
  hearing_request_id: string | null;
  order_id: string | null;
  court_id: string;
  body: string;
  status: DocketEventStatus;
  attempts: number;
  resends: number;
  last_error: string | null;
  last_status: number | null;
  delivered_at: Date | null;
  failed_at: Date | null;
  created_at: Date;
}

const EVENT_COLUMNS =
  'id, type, hearing_request_id, order_id, court_id, body, status, attempts, resends, last_error, last_status, delivered_at, failed_at, created_at';

const toStored = (r: EventRow): StoredDocketEvent => ({
  id: r.id,
  type: r.type,
  hearingRequestId: r.hearing_request_id,
  orderId: r.order_id,
  courtId: r.court_id,
  status: r.status,
  attempts: r.attempts,
  lastError: r.last_error,
  lastStatus: r.last_status,
  deliveredAt: r.delivered_at,
  failedAt: r.failed_at,
  createdAt: r.created_at,
  body: r.body,
  resends: r.resends,
});

/** What a clerk sees of an event: never the body. */
export function toDocketEventView(event: StoredDocketEvent): DocketEventView {
  const { body: _body, resends: _resends, ...view } = event;
  return view;
}

/** The outcome of one delivery attempt. */
export type DeliveryOutcome =
  { delivered: true; status: number } | { delivered: false; status: number | null; error: string; last: boolean };

/** The docket_events and docket_callbacks tables. */
@Injectable()
export class DocketEventsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Stores an event once per subject and type; answers it, or null when that event exists already. */
  async insertOnce(
    manager: EntityManager,
    event: Pick<DocketEvent, 'id' | 'type' | 'subjectId' | 'hearingRequestId' | 'orderId' | 'courtId' | 'body'>,
  ): Promise<StoredDocketEvent | null> {
    const inserted = await insertRows(manager, DocketEvent, [{ ...event, status: 'PENDING' }], { ignoreConflicts: true });
    return inserted.length > 0 ? this.byId(event.id, manager) : null;
  }

  async byId(id: string, manager: EntityManager = this.dataSource.manager): Promise<StoredDocketEvent | null> {
    const [row] = (await manager.query(`SELECT ${EVENT_COLUMNS} FROM docket_events WHERE id = $1`, [id])) as EventRow[];
    return row ? toStored(row) : null;
  }

  /**
   * Records an attempt on a PENDING event: DELIVERED on success (once: a
   * redelivery of a delivered event changes nothing), FAILED after the last
   * attempt. Answers the event as updated, or null when it was not pending.
   */
  async recordAttempt(manager: EntityManager, id: string, outcome: DeliveryOutcome): Promise<StoredDocketEvent | null> {
    const [[row]] = (
      outcome.delivered
        ? await manager.query(
            `UPDATE docket_events SET attempts = attempts + 1, last_error = NULL, last_status = $2, status = 'DELIVERED', delivered_at = now()
              WHERE id = $1 AND status = 'PENDING' RETURNING ${EVENT_COLUMNS}`,
            [id, outcome.status],
          )
        : await manager.query(
            `UPDATE docket_events SET attempts = attempts + 1, last_error = $2, last_status = $3,
                    status = CASE WHEN $4 THEN 'FAILED' ELSE status END, failed_at = CASE WHEN $4 THEN now() ELSE failed_at END
              WHERE id = $1 AND status = 'PENDING' RETURNING ${EVENT_COLUMNS}`,
            [id, outcome.error, outcome.status, outcome.last],
          )
    ) as [EventRow[], number];
    return row ? toStored(row) : null;
  }

  /**
   * A FAILED event of a court the principal works in (any court for an admin) back to PENDING, its
   * attempts starting over; null when there is no such event or it was not FAILED.
   */
  async resetFailedScoped(manager: EntityManager, principal: Principal, id: string): Promise<StoredDocketEvent | null> {
    const params = new SqlParams();
    const [[row]] = (await manager.query(
      `UPDATE docket_events ev SET status = 'PENDING', attempts = 0, failed_at = NULL, resends = resends + 1
        WHERE ev.id = ${params.add(id)} AND ev.status = 'FAILED' AND ${courtRecordScope(principal, 'ev.court_id', params)}
        RETURNING ${EVENT_COLUMNS}`,
      params.values,
    )) as [EventRow[], number];
    return row ? toStored(row) : null;
  }

  /** The latest event of a hearing request (what its docketSync shows). */
  async latestForRequest(manager: EntityManager, hearingRequestId: string): Promise<StoredDocketEvent | null> {
    const [row] = (await manager.query(
      `SELECT ${EVENT_COLUMNS} FROM docket_events WHERE hearing_request_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1`,
      [hearingRequestId],
    )) as EventRow[];
    return row ? toStored(row) : null;
  }

  /** Newest first, of the courts the principal works in (every court for an admin). */
  async listScoped(
    principal: Principal,
    filters: { courtId?: string; status?: DocketEventStatus },
    limit: number,
    after: CursorPosition | null,
  ): Promise<Page<StoredDocketEvent>> {
    const params = new SqlParams();
    const where = [courtRecordScope(principal, 'ev.court_id', params)];
    if (filters.courtId) where.push(`ev.court_id = ${params.add(filters.courtId)}`);
    if (filters.status) where.push(`ev.status = ${params.add(filters.status)}`);
    if (after) where.push(`(ev.created_at, ev.id) < (${params.add(after.key)}::timestamptz, ${params.add(after.id)}::uuid)`);
    const rows = (await this.dataSource.query(
      `SELECT ${EVENT_COLUMNS}, ev.created_at::text AS cursor_key FROM docket_events ev WHERE ${where.join(' AND ')}
       ORDER BY ev.created_at DESC, ev.id DESC LIMIT ${params.add(limit + 1)}`,
      params.values,
    )) as Array<EventRow & { cursor_key: string }>;
    return toPage(rows, limit, toStored);
  }

  /** Whether the event is of a court the principal works in (any court for an admin). */
  async existsScoped(manager: EntityManager, principal: Principal, id: string): Promise<boolean> {
    const params = new SqlParams();
    const rows = (await manager.query(
      `SELECT 1 FROM docket_events ev WHERE ev.id = ${params.add(id)} AND ${courtRecordScope(principal, 'ev.court_id', params)}`,
      params.values,
    )) as unknown[];
    return rows.length > 0;
  }

  /** Records a callback's event id; false when it was seen before (a replay) or the request does not exist. */
  async recordCallback(manager: EntityManager, eventId: string, hearingRequestId: string): Promise<boolean> {
    const rows = (await manager.query(
      `INSERT INTO docket_callbacks (event_id, hearing_request_id) SELECT $1, id FROM hearing_requests WHERE id = $2
       ON CONFLICT DO NOTHING RETURNING event_id`,
      [eventId, hearingRequestId],
    )) as unknown[];
    return rows.length > 0;
  }
}
