import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { auditedRead } from '../audit/audited-read.js';
import type { Actor } from '../auth/principal.js';
import { actsForCourt } from '../auth/scope.js';
import { CaseContactsRepository } from '../cases/case-contacts.repository.js';
import { CasesRepository } from '../cases/cases.repository.js';
import type { ParticipantRole } from '../cases/entities/case-participant.entity.js';
import { Conflict, NotFound, ValidationFailed } from '../common/errors/domain-error.js';
import { decodeCursor, type Page } from '../common/pagination/pagination.js';
import { isInFuture } from '../common/time/clock.js';
import { stateName } from '../common/validation/us-states.js';
import { AgenciesService } from '../directory/agencies.service.js';
import { CourtsService } from '../directory/courts.service.js';
import { UsersService } from '../directory/users.service.js';
import { DocumentRenderingService } from '../orders/document-rendering.service.js';
import { childInitials, formatCourtDate } from '../orders/order-document-data.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { jobId, notificationJob } from '../outbox/jobs.js';
import { closedBecause } from './court-calendar.js';
import { CourtCalendarService } from './court-calendar.service.js';
import { DocketService } from './docket.service.js';
import type { DocketCallbackDto, ListHearingRequestsQuery } from './dto/hearings.dto.js';
import type { HearingReason } from './hearing-request-types.js';
import type { HearingRequestView } from './hearing-request-view.js';
import { HearingRequestsRepository } from './hearing-requests.repository.js';

/** What each hearing is for, as the notice says it. */
const PURPOSE: Record<HearingReason, string> = {
  CHILD_MISSING:
    "to review the efforts to locate the child, who is missing from placement, and the agency's compliance with the orders of this Court",
  NON_COMPLIANCE:
    'to determine whether the agency has complied with the orders of this Court on reporting and documenting the absence of the child',
  CHILD_RECOVERED: "to review the child's return to care, the safety assessment, and the factors that led to the child's absence",
  PRE_MAJORITY: "to consider continuing the Court's jurisdiction over the child, who is missing from care and will soon turn eighteen",
};

/** How a notice names each participant it is given to. */
const ROLE_NAMES: Record<ParticipantRole, string> = {
  GUARDIAN_AD_LITEM: 'guardian ad litem',
  CHILD_ATTORNEY: 'attorney for the child',
  PARENT_ATTORNEY: 'attorney for a parent',
  CASA: 'court-appointed special advocate',
  PROBATION_OFFICER: 'probation officer',
  CASEWORKER: 'caseworker',
  OTHER: 'participant',
};

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
    @Inject(CourtCalendarService) private readonly calendars: CourtCalendarService,
    @Inject(DocketService) private readonly docket: DocketService,
    @Inject(DocumentRenderingService) private readonly documents: DocumentRenderingService,
    @Inject(HearingRequestsRepository) private readonly requests: HearingRequestsRepository,
    @Inject(CourtsService) private readonly courts: CourtsService,
    @Inject(CasesRepository) private readonly cases: CasesRepository,
    @Inject(AgenciesService) private readonly agencies: AgenciesService,
    @Inject(UsersService) private readonly users: UsersService,
    @Inject(CaseContactsRepository) private readonly contacts: CaseContactsRepository,
  ) {}

  /** The queue, soonest target date first. */
  async list(actor: Actor, query: ListHearingRequestsQuery): Promise<Page<HearingRequestView>> {
    const page = await this.requests.list(
      actor,
      { courtId: query.courtId, status: query.status, reason: query.reason, docketStatus: query.docketStatus, episodeId: query.episodeId },
      query.limit,
      decodeCursor(query.cursor),
    );
    await this.audit.recordList(actor, { action: 'list', entityType: 'hearing_request' }, page.items);
    return page;
  }

  get(actor: Actor, id: string): Promise<HearingRequestView> {
    return auditedRead(
      this.audit,
      actor,
      { entityType: 'hearing_request', entityId: id, notFound: 'hearing request' },
      () => this.requests.findScoped(this.dataSource.manager, actor, id),
      (request) => ({ courtId: request.courtId }),
    );
  }

  /** A clerk sets the hearing: a future time on a day the court sits. */
  async schedule(actor: Actor, id: string, scheduledFor: string, courtroom: string): Promise<HearingRequestView> {
    return this.dataSource.transaction(async (manager) => {
      const request = await this.forChange(manager, actor, id);
      const view = await this.setHearing(manager, request, new Date(scheduledFor), courtroom, actor.id);
      await this.audit.record(manager, actor, {
        action: 'schedule',
        entityType: 'hearing_request',
        entityId: id,
        courtId: request.courtId,
        details: { courtroom },
      });
      return view;
    });
  }

  async cancel(actor: Actor, id: string, reason: string): Promise<HearingRequestView> {
    return this.dataSource.transaction(async (manager) => {
      const request = await this.forChange(manager, actor, id);
      if (request.status === 'CANCELLED') throw new Conflict('HearingRequestCancelled', 'This hearing request is already cancelled.');
      const updated = await this.requests.markCancelled(manager, id, { by: actor.id, reason });
      await this.outbox.enqueue(manager, {
        name: 'hearing-request.cancelled',
        data: { hearingRequestId: id },
        jobId: jobId('hearing-request', id, 'cancelled'),
      });
      await this.outbox.enqueue(
        manager,
        notificationJob({
          type: 'hearing.cancelled',
          hearingRequestId: id,
          reason: request.reason,
          scheduledFor: request.status === 'SCHEDULED' && request.scheduledFor ? request.scheduledFor.toISOString() : null,
          episodeId: request.episodeId,
          caseId: request.caseId,
          courtId: request.courtId,
        }),
      );
      await this.audit.record(manager, actor, { action: 'cancel', entityType: 'hearing_request', entityId: id, courtId: request.courtId });
      return updated;
    });
  }

  /** Sends the latest FAILED event of a request to the case-management system again. */
  async retryDocketSync(actor: Actor, id: string): Promise<HearingRequestView> {
    return this.dataSource.transaction(async (manager) => {
      await this.forChange(manager, actor, id);
      const latest = await this.docket.latestForRequest(manager, id);
      if (!latest || latest.status !== 'FAILED') throw new Conflict('NothingToRetry', 'This request has no failed delivery to send again.');
      await this.docket.resend(actor, latest.id, manager);
      return (await this.requests.findScoped(manager, actor, id)) as HearingRequestView;
    });
  }

  /** The NOTICE_OF_HEARING of a scheduled request, rendered from its template (same request, same bytes). */
  async notice(actor: Actor, id: string): Promise<Buffer> {
    const request = await this.requests.findScoped(this.dataSource.manager, actor, id);
    if (!request) throw new NotFound('hearing request');
    if (request.status !== 'SCHEDULED') throw new Conflict('HearingNotScheduled', 'A notice is issued once the hearing is scheduled.');
    const pdf = await this.renderNotice(request);
    await this.audit.recordNow(actor, {
      action: 'read',
      entityType: 'hearing_request',
      entityId: id,
      courtId: request.courtId,
      details: { document: 'notice' },
    });
    return pdf;
  }

  /**
   * The notice served on the people of the case when the hearing was set for
   * `scheduledFor`; null once it is set for another time or cancelled (a later
   * event serves the notice that is current).
   */
  async noticeToServe(id: string, scheduledFor: Date): Promise<Buffer | null> {
    const request = await this.requests.findScoped(this.dataSource.manager, null, id);
    if (!request || request.status !== 'SCHEDULED' || request.scheduledFor?.getTime() !== scheduledFor.getTime()) return null;
    return this.renderNotice(request);
  }

  private async renderNotice(request: HearingRequestView): Promise<Buffer> {
    const id = request.id;
    const [court, caption, facts, participants] = await Promise.all([
      this.courts.require(request.courtId),
      this.cases.caption(request.caseId),
      this.requests.scheduledFacts(id),
      this.contacts.contacts(request.caseId, { caseworker: false }),
    ]);
    if (!caption || !facts?.scheduledAt) throw new Error(`hearing request ${id} lacks its case or scheduling time`);
    const [agency] = facts.agencyId ? await this.agencies.byIds([facts.agencyId]) : [];
    const scheduledByName = facts.scheduledBy ? await this.users.nameOf(facts.scheduledBy) : null;
    const at = DateTime.fromJSDate(request.scheduledFor as Date, { zone: court.timezone }).setLocale('en-US');
    const state = court.state.trim();
    const document = await this.documents.render(
      'NOTICE_OF_HEARING',
      request.courtId,
      {
        court: { name: court.name, county: court.county, state, stateName: stateName(state) },
        case: { docketNumber: caption.docketNumber },
        child: { initials: childInitials(caption.child.firstName, caption.child.lastName) },
        hearing: {
          reason: request.reason,
          purpose: PURPOSE[request.reason],
          date: at.toFormat('cccc, MMMM d, yyyy'),
          time: at.toFormat('h:mm a'),
          courtroom: request.courtroom as string,
        },
        recipients: [
          ...(agency ? [{ name: agency.name }] : []),
          ...participants.map((p) => ({ name: `${p.name}, ${ROLE_NAMES[p.role]}` })),
        ],
        notice: { issuedDate: formatCourtDate(facts.scheduledAt, court.timezone), issuedBy: scheduledByName ?? 'Clerk of the Court' },
      },
      { draft: false, documentDate: facts.scheduledAt, reference: `Notice of hearing ${id}` },
    );
    return document.pdf;
  }

  /**
   * The case-management system set the hearing (POST /docket/callbacks; its
   * signature was checked by DocketSignatureGuard): an event id already seen
   * is a 409, and the same rules as a clerk's scheduling apply.
   */
  async applyCallback(dto: DocketCallbackDto): Promise<HearingRequestView> {
    return this.dataSource.transaction(async (manager) => {
      const firstTime = await this.docket.recordCallback(manager, dto.eventId, dto.hearingRequestId);
      const request = await this.requests.findScoped(manager, null, dto.hearingRequestId, { lock: true });
      if (!request) throw new NotFound('hearing request');
      if (!firstTime)
        throw new Conflict('CallbackReplayed', 'A callback with this eventId was already received.', [
          { field: 'eventId', message: 'was already received' },
        ]);
      const view = await this.setHearing(manager, request, new Date(dto.scheduledFor), dto.courtroom, null);
      await this.audit.record(manager, null, {
        action: 'schedule',
        entityType: 'hearing_request',
        entityId: request.id,
        courtId: request.courtId,
        details: { by: 'docket-callback', eventId: dto.eventId, courtroom: dto.courtroom },
      });
      return view;
    });
  }

  /** The request locked for a change by a judge or clerk of its court (or an admin); any other is not found. */
  private async forChange(manager: EntityManager, actor: Actor, id: string): Promise<HearingRequestView> {
    const request = await this.requests.findScoped(manager, actor, id, { lock: true });
    if (!request || !actsForCourt(actor, request.courtId)) throw new NotFound('hearing request');
    return request;
  }

  private async setHearing(
    manager: EntityManager,
    request: HearingRequestView,
    scheduledFor: Date,
    courtroom: string,
    by: string | null,
  ): Promise<HearingRequestView> {
    if (request.status === 'CANCELLED') throw new Conflict('HearingRequestCancelled', 'This hearing request was cancelled.');
    if (!isInFuture(scheduledFor)) throw ValidationFailed.field('scheduledFor', 'must be in the future');
    const calendar = await this.calendars.load(manager, request.courtId);
    const day = DateTime.fromJSDate(scheduledFor, { zone: calendar.timezone }).toISODate() as string;
    const closed = closedBecause(day, calendar);
    if (closed) throw ValidationFailed.field('scheduledFor', `the court is closed on ${day}: ${closed}`);
    const scheduled = await this.requests.markScheduled(manager, request.id, { scheduledFor, courtroom, by });
    await this.outbox.enqueue(
      manager,
      notificationJob({
        type: 'hearing.scheduled',
        hearingRequestId: request.id,
        reason: request.reason,
        scheduledFor: scheduledFor.toISOString(),
        courtroom,
        episodeId: request.episodeId,
        caseId: request.caseId,
        courtId: request.courtId,
      }),
    );
    return scheduled;
  }
}
