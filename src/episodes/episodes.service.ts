import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/principal.js';
import { childRecordScope, childScope, SqlParams } from '../auth/scope.js';
import { FastQuery } from '../common/database/fast-query.js';
import { Conflict, NotFound, ValidationFailed, type FieldError } from '../common/errors/domain-error.js';
import { decodeCursor, toPage, type Page } from '../common/pagination/pagination.js';
import { isInFuture, startOfDayIn } from '../common/time/clock.js';
import { HearingRequestsService } from '../hearings/hearing-requests.service.js';
import { notificationJob } from '../notifications/notification-events.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { ApplicableOrderService } from '../orders/applicable-order.service.js';
import { DEFAULT_TERMS } from '../orders/order-terms.js';
import { DeadlinesService } from './deadlines.service.js';
import type { ListEpisodesQuery, OpenEpisodeDto, RecoveryDto } from './dto/episodes.dto.js';
import { agencyActsFor, loadEpisode } from './episode-queries.js';
import { EPISODE_COLUMNS, toEpisodeView, type EpisodeRow, type EpisodeView } from './episode-view.js';
import { ageAt, intakeObligations, majorityAt, preMajorityAt, recoveryObligations } from './obligation-deadlines.js';

/** Federal law covers missing persons under 21 (34 U.S.C. 41307). */
const MAX_AGE = 21;

interface ChildForIntake {
  id: string;
  case_id: string;
  court_id: string;
  date_of_birth: string;
  timezone: string;
  placement_id: string | null;
  agency_id: string | null;
  photo_id: string | null;
  photo_taken_at: Date | null;
}

@Injectable()
export class EpisodesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(ApplicableOrderService)
    private readonly orders: ApplicableOrderService,
    @Inject(DeadlinesService) private readonly deadlines: DeadlinesService,
    @Inject(HearingRequestsService)
    private readonly hearings: HearingRequestsService,
    @Inject(FastQuery) private readonly fast: FastQuery,
    @Inject(OutboxService) private readonly outbox: OutboxService,
  ) {}

  /**
   * A child is reported missing: the episode, its obligations (from the order
   * that applies now, else the federal defaults with orderId null), their
   * deadline timers and the hearing requests, all in one transaction.
   */
  async open(actor: Actor, dto: OpenEpisodeDto): Promise<EpisodeView> {
    const child = await this.childForIntake(actor, dto.childId);
    // Only the agency the child is placed with now reports the child missing.
    if (!child || (actor.role === 'AGENCY' && child.agency_id !== actor.agencyId)) throw new NotFound('child');
    const now = new Date();
    const missingSince = new Date(dto.missingSince);
    const discoveredAt = dto.discoveredAt ? new Date(dto.discoveredAt) : now;
    this.checkIntakeTimes(child, missingSince, discoveredAt, now, dto.discoveredAt !== undefined);

    const id = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      const applicable = await this.orders.find(manager, {
        courtId: child.court_id,
        caseId: child.case_id,
        agencyId: child.agency_id,
        at: now,
      });
      const terms = applicable?.terms ?? { ...DEFAULT_TERMS };
      const orderId = applicable?.orderId ?? null;
      const planned = intakeObligations({
        discoveredAt,
        terms,
        timezone: child.timezone,
        latestPhoto: child.photo_id ? { id: child.photo_id, takenAt: child.photo_taken_at as Date } : null,
      });
      const statusUpdateDueAt = planned.find((p) => p.type === 'STATUS_UPDATE')?.dueAt ?? null;
      const preMajority = preMajorityAt(child.date_of_birth, child.timezone);
      const inserted = (await manager.query(
        `INSERT INTO episodes (id, child_id, case_id, court_id, agency_id, placement_id, status, missing_since, discovered_at, last_seen_location,
                               circumstances, clothing_description, companions, child_phone, social_media, order_id, terms, opened_by,
                               opened_by_role, status_update_due_at, pre_majority_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'MISSING', $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
         ON CONFLICT (child_id) WHERE status = 'MISSING' DO NOTHING
         RETURNING id`,
        [
          id,
          child.id,
          child.case_id,
          child.court_id,
          child.agency_id,
          child.placement_id,
          missingSince,
          discoveredAt,
          dto.lastSeenLocation ?? null,
          dto.circumstances ?? null,
          dto.clothingDescription ?? null,
          dto.companions ?? [],
          dto.childPhone ?? null,
          dto.socialMedia ?? [],
          orderId,
          JSON.stringify(terms),
          actor.id,
          actor.role,
          statusUpdateDueAt,
          preMajority,
        ],
      )) as unknown[];
      if (inserted.length === 0) {
        throw new Conflict('EpisodeAlreadyOpen', 'This child is already reported missing; update that episode instead.', [
          { field: 'childId', message: 'already has an open episode' },
        ]);
      }
      const context = {
        id,
        case_id: child.case_id,
        court_id: child.court_id,
        agency_id: child.agency_id,
        child_id: child.id,
        discovered_at: discoveredAt,
        order_id: orderId,
        terms,
      };
      await this.deadlines.createObligations(manager, context, planned);
      await this.outbox.enqueue(
        manager,
        notificationJob({
          type: 'child.missing',
          episodeId: id,
          caseId: child.case_id,
          courtId: child.court_id,
          missingSince: missingSince.toISOString(),
        }),
      );
      if (statusUpdateDueAt) await this.deadlines.armStatusUpdate(manager, id, statusUpdateDueAt);
      const majority = majorityAt(child.date_of_birth, child.timezone);
      if (preMajority.getTime() > now.getTime()) await this.deadlines.armPreMajority(manager, id, preMajority);
      // Hearing requests and the audit row last: they take the audit chain's lock until commit.
      if (terms.requestHearingOnMissing) {
        await this.hearings.raise(manager, actor, {
          reason: 'CHILD_MISSING',
          episodeId: id,
          caseId: child.case_id,
          courtId: child.court_id,
          agencyId: child.agency_id,
          requestedAt: now,
          courtDays: terms.hearingWithinCourtDays,
        });
      }
      if (preMajority.getTime() <= now.getTime() && now.getTime() < majority.getTime()) {
        await this.hearings.raise(manager, actor, {
          reason: 'PRE_MAJORITY',
          episodeId: id,
          caseId: child.case_id,
          courtId: child.court_id,
          agencyId: child.agency_id,
          requestedAt: now,
          courtDays: terms.hearingWithinCourtDays,
        });
      }
      await this.audit.record(manager, actor, {
        action: 'create',
        entityType: 'episode',
        entityId: id,
        courtId: child.court_id,
        details: { childId: child.id, orderId, obligations: planned.length },
      });
    });
    return (await loadEpisode((text, values) => this.dataSource.query(text, values), null, id)) as EpisodeView;
  }

  async get(actor: Actor, id: string): Promise<EpisodeView> {
    const episode = await loadEpisode((text, values) => this.fast.rows(text, values), actor, id);
    if (!episode) {
      await this.audit.recordNow(actor, {
        action: 'read',
        outcome: 'not_found',
        entityType: 'episode',
        entityId: id,
      });
      throw new NotFound('episode');
    }
    await this.audit.recordNow(actor, {
      action: 'read',
      entityType: 'episode',
      entityId: id,
      courtId: episode.courtId,
    });
    return episode;
  }

  async list(actor: Actor, query: ListEpisodesQuery): Promise<Page<Omit<EpisodeView, 'obligations' | 'hearingRequests'>>> {
    const params = new SqlParams();
    const where = [childRecordScope(actor, 'e.child_id', 'e.court_id', params)];
    if (query.status) where.push(`e.status = ${params.add(query.status)}`);
    if (query.courtId) where.push(`e.court_id = ${params.add(query.courtId)}`);
    if (query.agencyId) where.push(`e.agency_id = ${params.add(query.agencyId)}`);
    if (query.childId) where.push(`e.child_id = ${params.add(query.childId)}`);
    const after = decodeCursor(query.cursor);
    if (after) where.push(`(e.created_at, e.id) < (${params.add(after.key)}::timestamptz, ${params.add(after.id)}::uuid)`);
    const rows = (await this.dataSource.query(
      `SELECT ${EPISODE_COLUMNS}, e.created_at::text AS cursor_key FROM episodes e WHERE ${where.join(' AND ')}
       ORDER BY e.created_at DESC, e.id DESC LIMIT ${params.add(query.limit + 1)}`,
      params.values,
    )) as Array<EpisodeRow & { cursor_key: string }>;
    const page = toPage(rows, query.limit, (row) => {
      const { obligations: _o, hearingRequests: _h, ...episode } = toEpisodeView(row, [], []);
      return episode;
    });
    await this.audit.recordNow(actor, {
      action: 'list',
      entityType: 'episode',
      courtId: query.courtId ?? actor.courtId,
      details: { ids: page.items.map((e) => e.id) },
    });
    return page;
  }

  /** The child is back: the recovery duties and a CHILD_RECOVERED hearing request. */
  async recover(actor: Actor, id: string, dto: RecoveryDto): Promise<EpisodeView> {
    const episode = await this.episodeForChange(actor, id);
    const recoveredAt = new Date(dto.recoveredAt);
    if (isInFuture(recoveredAt)) throw ValidationFailed.field('recoveredAt', 'must not be in the future');
    if (recoveredAt < episode.missing_since) throw ValidationFailed.field('recoveredAt', 'must not be before missingSince');
    const now = new Date();
    await this.dataSource.transaction(async (manager) => {
      const updated = (await manager.query(
        `UPDATE episodes SET status = 'RECOVERED', recovered_at = $2, recovery_location = $3, recovery_circumstances = $4, recovered_by = $5,
                             updated_at = now()
          WHERE id = $1 AND status = 'MISSING' RETURNING id`,
        [id, recoveredAt, dto.recoveryLocation, dto.circumstances ?? null, actor.id],
      )) as [unknown[], number];
      if (updated[0].length === 0) throw new Conflict('EpisodeAlreadyRecovered', 'This episode has already been closed by a recovery.');
      await this.deadlines.createObligations(manager, episode, recoveryObligations(recoveredAt, episode.terms));
      // A status update not yet due when the child came back is no longer owed.
      await manager.query(
        `UPDATE obligations SET status = 'WAIVED', waived_at = now(), waiver_reason = 'The child was recovered before this update was due.',
                                updated_at = now()
          WHERE episode_id = $1 AND type = 'STATUS_UPDATE' AND status = 'OPEN' AND due_at > $2`,
        [id, recoveredAt],
      );
      await this.hearings.raise(manager, actor, {
        reason: 'CHILD_RECOVERED',
        episodeId: id,
        caseId: episode.case_id,
        courtId: episode.court_id,
        agencyId: episode.agency_id,
        requestedAt: now,
        courtDays: episode.terms.hearingWithinCourtDays,
      });
      await this.audit.record(manager, actor, {
        action: 'recover',
        entityType: 'episode',
        entityId: id,
        courtId: episode.court_id,
      });
    });
    return (await loadEpisode((text, values) => this.dataSource.query(text, values), null, id)) as EpisodeView;
  }

  private async episodeForChange(actor: Actor, id: string) {
    const params = new SqlParams();
    const rows = (await this.dataSource.query(
      `SELECT e.id, e.case_id, e.court_id, e.agency_id, e.child_id, e.discovered_at, e.order_id, e.terms, e.missing_since, e.status,
              cp.agency_id AS current_agency_id
         FROM episodes e LEFT JOIN placements cp ON cp.child_id = e.child_id AND cp.ended_at IS NULL
        WHERE e.id = ${params.add(id)} AND ${childRecordScope(actor, 'e.child_id', 'e.court_id', params)}`,
      params.values,
    )) as Array<
      EpisodeRow & {
        missing_since: Date;
        discovered_at: Date;
        current_agency_id: string | null;
      }
    >;
    const episode = rows[0];
    if (!episode || !agencyActsFor(actor, episode.agency_id, episode.current_agency_id)) throw new NotFound('episode');
    return episode;
  }

  private async childForIntake(actor: Actor, childId: string): Promise<ChildForIntake | null> {
    const params = new SqlParams();
    const rows = (await this.dataSource.query(
      `SELECT c.id, c.case_id, c.court_id, c.date_of_birth, co.timezone, cp.id AS placement_id, cp.agency_id,
              lp.id AS photo_id, lp.taken_at AS photo_taken_at
         FROM children c
         JOIN courts co ON co.id = c.court_id
         LEFT JOIN placements cp ON cp.child_id = c.id AND cp.ended_at IS NULL
         LEFT JOIN LATERAL (SELECT id, taken_at FROM photos WHERE child_id = c.id ORDER BY taken_at DESC, id LIMIT 1) lp ON TRUE
        WHERE c.id = ${params.add(childId)} AND ${childScope(actor, 'c', params)}`,
      params.values,
    )) as ChildForIntake[];
    return rows[0] ?? null;
  }

  private checkIntakeTimes(child: ChildForIntake, missingSince: Date, discoveredAt: Date, now: Date, discoveredGiven: boolean): void {
    const errors: FieldError[] = [];
    const birth = startOfDayIn(child.date_of_birth, child.timezone);
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
    else if (ageAt(child.date_of_birth, missingSince, child.timezone) >= MAX_AGE) {
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
