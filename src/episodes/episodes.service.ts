import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { auditedRead } from '../audit/audited-read.js';
import type { Actor } from '../auth/principal.js';
import { ChildrenService } from '../cases/children.service.js';
import { Conflict, NotFound, ValidationFailed, type FieldError } from '../common/errors/domain-error.js';
import { decodeCursor, type Page } from '../common/pagination/pagination.js';
import { isInFuture, startOfDayIn } from '../common/time/clock.js';
import { CourtsService } from '../directory/courts.service.js';
import { HearingRequestsService } from '../hearings/hearing-requests.service.js';
import { notificationJob } from '../outbox/jobs.js';
import { ApplicableOrderService } from '../orders/applicable-order.service.js';
import { DEFAULT_TERMS } from '../orders/order-terms.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { DeadlinesService } from './deadlines.service.js';
import type { ListEpisodesQuery, OpenEpisodeDto, RecoveryDto } from './dto/episodes.dto.js';
import { agencyActsFor } from './episode-access.js';
import type { EpisodeSummary, EpisodeView } from './episode-view.js';
import { EpisodesRepository, type EpisodeContext } from './episodes.repository.js';
import { ageAt, intakeObligations, majorityAt, preMajorityAt, recoveryObligations } from './obligation-deadlines.js';
import { ObligationsRepository } from './obligations.repository.js';

/** Federal law covers missing persons under 21 (34 U.S.C. 41307). */
const MAX_AGE = 21;

/** What opening an episode needs of the child. */
interface ChildForIntake {
  id: string;
  caseId: string;
  courtId: string;
  dateOfBirth: string;
  timezone: string;
  placementId: string | null;
  agencyId: string | null;
  latestPhoto: { id: string; takenAt: Date } | null;
}

@Injectable()
export class EpisodesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(ApplicableOrderService) private readonly orders: ApplicableOrderService,
    @Inject(DeadlinesService) private readonly deadlines: DeadlinesService,
    @Inject(HearingRequestsService) private readonly hearings: HearingRequestsService,
    @Inject(OutboxService) private readonly outbox: OutboxService,
    @Inject(EpisodesRepository) private readonly episodes: EpisodesRepository,
    @Inject(ObligationsRepository) private readonly obligations: ObligationsRepository,
    @Inject(ChildrenService) private readonly children: ChildrenService,
    @Inject(CourtsService) private readonly courts: CourtsService,
  ) {}

  /**
   * A child is reported missing: the episode, its obligations (from the order
   * that applies now, else the federal defaults with orderId null), their
   * deadline timers and the hearing requests, all in one transaction.
   */
  async open(actor: Actor, dto: OpenEpisodeDto): Promise<EpisodeView> {
    const child = await this.childForIntake(actor, dto.childId);
    // Only the agency the child is placed with now reports the child missing.
    if (!child || (actor.role === 'AGENCY' && child.agencyId !== actor.agencyId)) throw new NotFound('child');
    const now = new Date();
    const missingSince = new Date(dto.missingSince);
    const discoveredAt = dto.discoveredAt ? new Date(dto.discoveredAt) : now;
    this.checkIntakeTimes(child, missingSince, discoveredAt, now, dto.discoveredAt !== undefined);

    const id = randomUUID();
    // The answer is read inside the transaction: the episode as opened, before a deadline job can change it.
    return this.dataSource.transaction(async (manager) => {
      const applicable = await this.orders.find(manager, {
        courtId: child.courtId,
        caseId: child.caseId,
        agencyId: child.agencyId,
        at: now,
      });
      const terms = applicable?.terms ?? { ...DEFAULT_TERMS };
      const orderId = applicable?.orderId ?? null;
      const planned = intakeObligations({ discoveredAt, terms, timezone: child.timezone, latestPhoto: child.latestPhoto });
      const statusUpdateDueAt = planned.find((p) => p.type === 'STATUS_UPDATE')?.dueAt ?? null;
      const preMajority = preMajorityAt(child.dateOfBirth, child.timezone);
      const opened = await this.episodes.insertOpen(manager, {
        id,
        childId: child.id,
        caseId: child.caseId,
        courtId: child.courtId,
        agencyId: child.agencyId,
        placementId: child.placementId,
        missingSince,
        discoveredAt,
        lastSeenLocation: dto.lastSeenLocation ?? null,
        lastSeenCity: dto.lastSeenCity ?? null,
        circumstances: dto.circumstances ?? null,
        clothingDescription: dto.clothingDescription ?? null,
        companions: dto.companions ?? [],
        childPhone: dto.childPhone ?? null,
        socialMedia: dto.socialMedia ?? [],
        orderId,
        terms,
        openedBy: actor.id,
        openedByRole: actor.role,
        statusUpdateDueAt,
        preMajorityAt: preMajority,
      });
      if (!opened) {
        throw new Conflict('EpisodeAlreadyOpen', 'This child is already reported missing; update that episode instead.', [
          { field: 'childId', message: 'already has an open episode' },
        ]);
      }
      const context: EpisodeContext = {
        id,
        caseId: child.caseId,
        courtId: child.courtId,
        agencyId: child.agencyId,
        childId: child.id,
        discoveredAt,
        orderId,
        terms,
      };
      await this.deadlines.createObligations(manager, context, planned);
      await this.outbox.enqueue(
        manager,
        notificationJob({
          type: 'child.missing',
          episodeId: id,
          caseId: child.caseId,
          courtId: child.courtId,
          missingSince: missingSince.toISOString(),
        }),
      );
      if (statusUpdateDueAt) await this.deadlines.armStatusUpdate(manager, id, statusUpdateDueAt);
      const majority = majorityAt(child.dateOfBirth, child.timezone);
      if (preMajority.getTime() > now.getTime()) await this.deadlines.armPreMajority(manager, id, preMajority);
      // Hearing requests and the audit row last: they take the audit chain's lock until commit.
      const request = { episodeId: id, caseId: child.caseId, courtId: child.courtId, agencyId: child.agencyId, requestedAt: now };
      if (terms.requestHearingOnMissing) {
        await this.hearings.raise(manager, actor, { ...request, reason: 'CHILD_MISSING', courtDays: terms.hearingWithinCourtDays });
      }
      if (preMajority.getTime() <= now.getTime() && now.getTime() < majority.getTime()) {
        await this.hearings.raise(manager, actor, { ...request, reason: 'PRE_MAJORITY', courtDays: terms.hearingWithinCourtDays });
      }
      await this.audit.record(manager, actor, {
        action: 'create',
        entityType: 'episode',
        entityId: id,
        courtId: child.courtId,
        details: { childId: child.id, orderId, obligations: planned.length },
      });
      return (await this.episodes.read(null, id, manager)) as EpisodeView;
    });
  }

  get(actor: Actor, id: string): Promise<EpisodeView> {
    return auditedRead(
      this.audit,
      actor,
      { entityType: 'episode', entityId: id, notFound: 'episode' },
      () => this.episodes.read(actor, id),
      (episode) => ({ courtId: episode.courtId }),
    );
  }

  async list(actor: Actor, query: ListEpisodesQuery): Promise<Page<EpisodeSummary>> {
    const page = await this.episodes.listScoped(
      actor,
      { status: query.status, courtId: query.courtId, agencyId: query.agencyId, childId: query.childId },
      query.limit,
      decodeCursor(query.cursor),
    );
    await this.audit.recordList(actor, { action: 'list', entityType: 'episode' }, page.items);
    return page;
  }

  /** The child is back: the recovery duties and a CHILD_RECOVERED hearing request. */
  async recover(actor: Actor, id: string, dto: RecoveryDto): Promise<EpisodeView> {
    const episode = await this.episodes.findForChange(actor, id);
    if (!episode || !agencyActsFor(actor, episode.agencyId, episode.currentAgencyId)) throw new NotFound('episode');
    const recoveredAt = new Date(dto.recoveredAt);
    if (isInFuture(recoveredAt)) throw ValidationFailed.field('recoveredAt', 'must not be in the future');
    if (recoveredAt < episode.missingSince) throw ValidationFailed.field('recoveredAt', 'must not be before missingSince');
    const now = new Date();
    await this.dataSource.transaction(async (manager) => {
      const recovered = await this.episodes.markRecovered(manager, id, {
        recoveredAt,
        recoveryLocation: dto.recoveryLocation,
        recoveryCircumstances: dto.circumstances ?? null,
        recoveredBy: actor.id,
      });
      if (!recovered) throw new Conflict('EpisodeAlreadyRecovered', 'This episode has already been closed by a recovery.');
      await this.deadlines.createObligations(manager, episode, recoveryObligations(recoveredAt, episode.terms));
      await this.obligations.waiveStatusUpdatesDueAfter(manager, id, recoveredAt);
      await this.hearings.raise(manager, actor, {
        reason: 'CHILD_RECOVERED',
        episodeId: id,
        caseId: episode.caseId,
        courtId: episode.courtId,
        agencyId: episode.agencyId,
        requestedAt: now,
        courtDays: episode.terms.hearingWithinCourtDays,
      });
      await this.audit.record(manager, actor, { action: 'recover', entityType: 'episode', entityId: id, courtId: episode.courtId });
    });
    return (await this.episodes.read(null, id)) as EpisodeView;
  }

  private async childForIntake(actor: Actor, childId: string): Promise<ChildForIntake | null> {
    const child = await this.children.find(actor, childId);
    if (!child) return null;
    const court = await this.courts.require(child.courtId);
    return {
      id: child.id,
      caseId: child.caseId,
      courtId: child.courtId,
      dateOfBirth: child.dateOfBirth,
      timezone: court.timezone,
      placementId: child.currentPlacement?.id ?? null,
      agencyId: child.currentPlacement?.agencyId ?? null,
      latestPhoto: child.latestPhoto,
    };
  }

  private checkIntakeTimes(child: ChildForIntake, missingSince: Date, discoveredAt: Date, now: Date, discoveredGiven: boolean): void {
    const errors: FieldError[] = [];
    const birth = startOfDayIn(child.dateOfBirth, child.timezone);
    if (isInFuture(missingSince, now))
      errors.push({
        field: 'missingSince',
        message: 'must not be in the future',
      });
    else if (missingSince < birth)
      errors.push({
        field: 'missingSince',
        message: "must not be before the child's birth",
      });
    else if (ageAt(child.dateOfBirth, missingSince, child.timezone) >= MAX_AGE) {
      errors.push({
        field: 'missingSince',
        message: `the person was ${MAX_AGE} or older then; missing-from-care reporting covers people under ${MAX_AGE}`,
      });
    }
    if (discoveredGiven) {
      if (isInFuture(discoveredAt, now))
        errors.push({
          field: 'discoveredAt',
          message: 'must not be in the future',
        });
      else if (discoveredAt < birth)
        errors.push({
          field: 'discoveredAt',
          message: "must not be before the child's birth",
        });
    }
    if (discoveredAt < missingSince && !errors.some((e) => e.field === 'missingSince')) {
      errors.push({
        field: 'discoveredAt',
        message: 'must not be before missingSince',
      });
    }
    if (errors.length) throw new ValidationFailed(errors);
  }
}
