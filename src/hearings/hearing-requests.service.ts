import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/principal.js';
import { APP_CONFIG } from '../common/config/config.module.js';
import type { AppConfig } from '../common/config/app-config.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { jobId } from '../outbox/jobs.js';
import { addCourtDays, type CourtCalendarInput } from './court-calendar.js';
import { CourtCalendarService } from './court-calendar.service.js';
import type { HearingReason } from './hearing-request-types.js';
import type { HearingRequestView } from './hearing-request-view.js';
import { HearingRequestsRepository } from './hearing-requests.repository.js';
import { DOCKET_ADAPTER, type DocketAdapter } from './docket-adapter.js';

export interface RaiseHearingRequest {
  reason: HearingReason;
  episodeId: string;
  caseId: string;
  courtId: string;
  /** The agency the episode concerns. */
  agencyId: string | null;
  obligationId?: string | null;
  requestedAt: Date;
  /** `hearingWithinCourtDays` of the terms that apply. */
  courtDays: number;
}

/**
 * Raises hearing requests: a record with its target court date, in the
 * caller's transaction, with an outbox event that puts it on the docket. At
 * most one open request per episode and reason (and one NON_COMPLIANCE request
 * per episode) is enforced by unique indexes; a duplicate is quietly not made.
 */
@Injectable()
export class HearingRequestsService {
  constructor(
    @Inject(CourtCalendarService)
    private readonly calendars: CourtCalendarService,
    @Inject(OutboxService) private readonly outbox: OutboxService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(HearingRequestsRepository) private readonly requests: HearingRequestsRepository,
    @Inject(DOCKET_ADAPTER) private readonly docket: DocketAdapter,
  ) {}

  /** Returns the new request, or null when an open one for that episode and reason exists. */
  async raise(manager: EntityManager, actor: Actor | null, input: RaiseHearingRequest): Promise<HearingRequestView | null> {
    const raised = await this.raiseMany(manager, actor, [input]);
    return raised[0] ?? null;
  }

  /**
   * Raises several requests in one transaction, loading each court's calendar
   * once and auditing them in one append (the sweep may raise hundreds).
   * Returns the requests made; duplicates of open ones are skipped.
   */
  async raiseMany(manager: EntityManager, actor: Actor | null, inputs: RaiseHearingRequest[]): Promise<HearingRequestView[]> {
    const calendars = new Map<string, CourtCalendarInput>();
    const made: HearingRequestView[] = [];
    for (const input of inputs) {
      let calendar = calendars.get(input.courtId);
      if (!calendar) {
        calendar = await this.calendars.load(manager, input.courtId);
        calendars.set(input.courtId, calendar);
      }
      const request = await this.insert(manager, input, calendar);
      if (request) made.push(request);
    }
    await this.audit.recordMany(
      manager,
      actor,
      made.map((request) => ({
        action: 'create',
        entityType: 'hearing_request',
        entityId: request.id,
        courtId: request.courtId,
        details: { reason: request.reason, episodeId: request.episodeId, targetDate: request.targetDate, by: actor ? undefined : 'system' },
      })),
    );
    return made;
  }

  private async insert(
    manager: EntityManager,
    input: RaiseHearingRequest,
    calendar: CourtCalendarInput,
  ): Promise<HearingRequestView | null> {
    const id = randomUUID();
    const request = await this.requests.insertUnlessOpen(manager, {
      id,
      reason: input.reason,
      episodeId: input.episodeId,
      caseId: input.caseId,
      courtId: input.courtId,
      agencyId: input.agencyId,
      obligationId: input.obligationId ?? null,
      requestedAt: input.requestedAt,
      targetDate: addCourtDays(input.requestedAt, input.courtDays, calendar),
      docketStatus: this.docket.initialSyncStatus,
    });
    if (!request) return null;
    await this.outbox.enqueue(manager, {
      name: 'hearing-request.created',
      data: { hearingRequestId: id },
      jobId: jobId('hearing-request', id, 'created'),
    });
    return request;
  }

  forEpisode(manager: EntityManager, episodeId: string): Promise<HearingRequestView[]> {
    return this.requests.forEpisode(manager, episodeId);
  }
}
