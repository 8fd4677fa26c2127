import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/principal.js';
import { actsForCourt, childRecordScope, SqlParams } from '../auth/scope.js';
import { Conflict, NotFound, ValidationFailed } from '../common/errors/domain-error.js';
import { decodeCursor, toPage, type Page } from '../common/pagination/pagination.js';
import { isInFuture } from '../common/time/clock.js';
import { stateName } from '../common/validation/us-states.js';
import { childInitials, formatCourtDate } from '../orders/order-document-data.js';
import { DocumentRenderingService } from '../orders/document-rendering.service.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { jobId, QUEUES } from '../outbox/queues.js';
import { closedBecause } from './court-calendar.js';
import { CourtCalendarService } from './court-calendar.service.js';
import { HEARING_JOBS } from './docket-events.js';
import { DocketService } from './docket.service.js';
import type { DocketCallbackDto, ListHearingRequestsQuery } from './dto/hearings.dto.js';
import type { HearingReason } from './hearing-request-types.js';
import { HEARING_REQUEST_COLUMNS, toHearingRequestView, type HearingRequestRow, type HearingRequestView } from './hearing-request-view.js';

/** What each hearing is for, as the notice says it. */
const PURPOSE: Record<HearingReason, string> = {
  CHILD_MISSING:
    "to review the efforts to locate the child, who is missing from placement, and the agency's compliance with the orders of this Court",
  NON_COMPLIANCE:
    'to determine whether the agency has complied with the orders of this Court on reporting and documenting the absence of the child',
  CHILD_RECOVERED: "to review the child's return to care, the safety assessment, and the factors that led to the child's absence",
  PRE_MAJORITY: "to consider continuing the Court's jurisdiction over the child, who is missing from care and will soon turn eighteen",
};

const SELECT = `SELECT ${HEARING_REQUEST_COLUMNS}, hr.target_date::text AS target_date FROM hearing_requests hr`;

/**
 * The hearing-request queue as the clerk works it: list, schedule on a court
 * day (or the CMS schedules it through a signed callback), cancel, print the
 * notice, and resend what the case-management system never received.
 */
@Injectable()
export class HearingDocketService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(OutboxService) private readonly outbox: OutboxService,
    @Inject(CourtCalendarService)
    private readonly calendars: CourtCalendarService,
    @Inject(DocketService) private readonly docket: DocketService,
    @Inject(DocumentRenderingService)
    private readonly documents: DocumentRenderingService,
  ) {}

  /** The queue, soonest target date first. */
  async list(actor: Actor, query: ListHearingRequestsQuery): Promise<Page<HearingRequestView>> {
    const params = new SqlParams();
    const where = [actor.role === 'ADMIN' ? 'TRUE' : `hr.court_id = ${params.add(actor.courtId)}`];
    if (query.courtId) where.push(`hr.court_id = ${params.add(query.courtId)}`);
    if (query.status) where.push(`hr.status = ${params.add(query.status)}`);
    if (query.reason) where.push(`hr.reason = ${params.add(query.reason)}`);
    if (query.docketStatus) where.push(`hr.docket_status = ${params.add(query.docketStatus)}`);
    if (query.episodeId) where.push(`hr.episode_id = ${params.add(query.episodeId)}`);
    const after = decodeCursor(query.cursor);
    if (after) where.push(`(hr.target_date, hr.id) > (${params.add(after.key)}::date, ${params.add(after.id)}::uuid)`);
    const rows = (await this.dataSource.query(
      `${SELECT.replace('FROM', ', hr.target_date::text AS cursor_key FROM')} WHERE ${where.join(' AND ')}
       ORDER BY hr.target_date, hr.id LIMIT ${params.add(query.limit + 1)}`,
      params.values,
    )) as Array<HearingRequestRow & { cursor_key: string }>;
    return toPage(rows, query.limit, toHearingRequestView);
  }

  async get(actor: Actor, id: string): Promise<HearingRequestView> {
    const row = await this.find(this.dataSource.manager, actor, id);
    if (!row) {
      await this.audit.recordNow(actor, {
        action: 'read',
        outcome: 'not_found',
        entityType: 'hearing_request',
        entityId: id,
      });
      throw new NotFound('hearing request');
    }
    await this.audit.recordNow(actor, {
      action: 'read',
      entityType: 'hearing_request',
      entityId: id,
      courtId: row.court_id,
    });
    return toHearingRequestView(row);
  }

  /** A clerk sets the hearing: a future time on a day the court sits. */
  async schedule(actor: Actor, id: string, scheduledFor: string, courtroom: string): Promise<HearingRequestView> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.find(manager, actor, id, true);
      if (!row || !actsForCourt(actor, row.court_id)) throw new NotFound('hearing request');
      const view = await this.setHearing(manager, row, new Date(scheduledFor), courtroom, actor.id);
      await this.audit.record(manager, actor, {
        action: 'schedule',
        entityType: 'hearing_request',
        entityId: id,
        courtId: row.court_id,
        details: { courtroom },
      });
      return view;
    });
  }

  async cancel(actor: Actor, id: string, reason: string): Promise<HearingRequestView> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.find(manager, actor, id, true);
      if (!row || !actsForCourt(actor, row.court_id)) throw new NotFound('hearing request');
      if (row.status === 'CANCELLED') throw new Conflict('HearingRequestCancelled', 'This hearing request is already cancelled.');
      const [[updated]] = (await manager.query(
        `UPDATE hearing_requests hr SET status = 'CANCELLED', cancelled_at = now(), cancelled_by = $2, cancel_reason = $3, updated_at = now()
          WHERE hr.id = $1 RETURNING ${HEARING_REQUEST_COLUMNS}, hr.target_date::text AS target_date`,
        [id, actor.id, reason],
      )) as [HearingRequestRow[], number];
      await this.outbox.enqueue(manager, {
        queue: QUEUES.hearings,
        name: HEARING_JOBS.cancelled,
        data: { hearingRequestId: id },
        jobId: jobId('hearing-request', id, 'cancelled'),
      });
      await this.audit.record(manager, actor, {
        action: 'cancel',
        entityType: 'hearing_request',
        entityId: id,
        courtId: row.court_id,
      });
      return toHearingRequestView(updated);
    });
  }

  /** Sends the latest FAILED event of a request to the case-management system again. */
  async retryDocketSync(actor: Actor, id: string): Promise<HearingRequestView> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.find(manager, actor, id, true);
      if (!row || !actsForCourt(actor, row.court_id)) throw new NotFound('hearing request');
      const latest = await this.docket.latestForRequest(manager, id);
      if (!latest || latest.status !== 'FAILED') throw new Conflict('NothingToRetry', 'This request has no failed delivery to send again.');
      await this.docket.resend(actor, latest.id, manager);
      return toHearingRequestView((await this.find(manager, actor, id)) as HearingRequestRow);
    });
  }

  /** The NOTICE_OF_HEARING of a scheduled request, rendered from its template (same request, same bytes). */
  async notice(actor: Actor, id: string): Promise<Buffer> {
    const row = await this.find(this.dataSource.manager, actor, id);
    if (!row) throw new NotFound('hearing request');
    if (row.status !== 'SCHEDULED') throw new Conflict('HearingNotScheduled', 'A notice is issued once the hearing is scheduled.');
    const [ctx] = (await this.dataSource.query(
      `SELECT co.name AS court_name, co.county, co.state, co.timezone, k.docket_number, c.first_name, c.last_name, hr.scheduled_at,
              u.name AS scheduled_by_name, a.name AS agency_name
         FROM hearing_requests hr
         JOIN courts co ON co.id = hr.court_id JOIN cases k ON k.id = hr.case_id JOIN children c ON c.case_id = k.id
         JOIN episodes e ON e.id = hr.episode_id LEFT JOIN agencies a ON a.id = e.agency_id
         LEFT JOIN users u ON u.id = hr.scheduled_by
        WHERE hr.id = $1`,
      [id],
    )) as Array<{
      court_name: string;
      county: string;
      state: string;
      timezone: string;
      docket_number: string;
      first_name: string;
      last_name: string;
      scheduled_at: Date;
      scheduled_by_name: string | null;
      agency_name: string | null;
    }>;
    const at = DateTime.fromJSDate(row.scheduled_for as Date, {
      zone: ctx.timezone,
    }).setLocale('en-US');
    const state = ctx.state.trim();
    const document = await this.documents.render(
      'NOTICE_OF_HEARING',
      row.court_id,
      {
        court: {
          name: ctx.court_name,
          county: ctx.county,
          state,
          stateName: stateName(state),
        },
        case: { docketNumber: ctx.docket_number },
        child: { initials: childInitials(ctx.first_name, ctx.last_name) },
        hearing: {
          reason: row.reason,
          purpose: PURPOSE[row.reason],
          date: at.toFormat('cccc, MMMM d, yyyy'),
          time: at.toFormat('h:mm a'),
          courtroom: row.courtroom as string,
        },
        recipients: ctx.agency_name ? [{ name: ctx.agency_name }] : [],
        notice: {
          issuedDate: formatCourtDate(ctx.scheduled_at, ctx.timezone),
          issuedBy: ctx.scheduled_by_name ?? 'Clerk of the Court',
        },
      },
      {
        draft: false,
        documentDate: ctx.scheduled_at,
        reference: `Notice of hearing ${id}`,
      },
    );
    await this.audit.recordNow(actor, {
      action: 'read',
      entityType: 'hearing_request',
      entityId: id,
      courtId: row.court_id,
      details: { document: 'notice' },
    });
    return document.pdf;
  }

  /**
   * The case-management system set the hearing (POST /docket/callbacks; its
   * signature was checked by DocketSignatureGuard): an event id already seen
   * is a 409, and the same rules as a clerk's scheduling apply.
   */
  async applyCallback(dto: DocketCallbackDto): Promise<HearingRequestView> {
    return this.dataSource.transaction(async (manager) => {
      const seen = (await manager.query(
        `INSERT INTO docket_callbacks (event_id, hearing_request_id) SELECT $1, id FROM hearing_requests WHERE id = $2 ON CONFLICT DO NOTHING RETURNING event_id`,
        [dto.eventId, dto.hearingRequestId],
      )) as unknown[];
      const row = await this.find(manager, null, dto.hearingRequestId, true);
      if (!row) throw new NotFound('hearing request');
      if (seen.length === 0)
        throw new Conflict('CallbackReplayed', 'A callback with this eventId was already received.', [
          { field: 'eventId', message: 'was already received' },
        ]);
      const view = await this.setHearing(manager, row, new Date(dto.scheduledFor), dto.courtroom, null);
      await this.audit.record(manager, null, {
        action: 'schedule',
        entityType: 'hearing_request',
        entityId: row.id,
        courtId: row.court_id,
        details: {
          by: 'docket-callback',
          eventId: dto.eventId,
          courtroom: dto.courtroom,
        },
      });
      return view;
    });
  }

  private async setHearing(
    manager: EntityManager,
    row: HearingRequestRow,
    scheduledFor: Date,
    courtroom: string,
    by: string | null,
  ): Promise<HearingRequestView> {
    if (row.status === 'CANCELLED') throw new Conflict('HearingRequestCancelled', 'This hearing request was cancelled.');
    if (!isInFuture(scheduledFor)) throw ValidationFailed.field('scheduledFor', 'must be in the future');
    const calendar = await this.calendars.load(manager, row.court_id);
    const day = DateTime.fromJSDate(scheduledFor, {
      zone: calendar.timezone,
    }).toISODate() as string;
    const closed = closedBecause(day, calendar);
    if (closed) throw ValidationFailed.field('scheduledFor', `the court is closed on ${day}: ${closed}`);
    const [[updated]] = (await manager.query(
      `UPDATE hearing_requests hr SET status = 'SCHEDULED', scheduled_for = $2, courtroom = $3, scheduled_by = $4, scheduled_at = now(), updated_at = now()
        WHERE hr.id = $1 RETURNING ${HEARING_REQUEST_COLUMNS}, hr.target_date::text AS target_date`,
      [row.id, scheduledFor, courtroom, by],
    )) as [HearingRequestRow[], number];
    return toHearingRequestView(updated);
  }

  private async find(manager: EntityManager, actor: Actor | null, id: string, lock = false): Promise<HearingRequestRow | null> {
    const params = new SqlParams();
    const scope = actor ? childRecordScope(actor, 'k_c.id', 'hr.court_id', params) : 'TRUE';
    const rows = (await manager.query(
      `${SELECT} JOIN children k_c ON k_c.case_id = hr.case_id WHERE hr.id = ${params.add(id)} AND ${scope} ${lock ? 'FOR UPDATE OF hr' : ''}`,
      params.values,
    )) as HearingRequestRow[];
    return rows[0] ?? null;
  }
}
