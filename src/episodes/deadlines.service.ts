import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { ChildrenRepository } from '../cases/children.repository.js';
import { CourtsService } from '../directory/courts.service.js';
import { HearingRequestsService } from '../hearings/hearing-requests.service.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { jobId, notificationJob, type OutboxJob } from '../outbox/jobs.js';
import { EpisodesRepository, type EpisodeContext } from './episodes.repository.js';
import { majorityAt, statusUpdateDue, type PlannedObligation } from './obligation-deadlines.js';
import { ObligationsRepository } from './obligations.repository.js';

const SWEEP_BATCH = 500;
/** Missed status-update periods created at once after a long outage, at most. */
const MAX_CATCH_UP = 24;

export interface SweepResult {
  overdue: number;
  statusUpdates: number;
  preMajority: number;
}

/** A deadline timer to arm: the obligation, when it falls due, and the version of its deadline. */
export interface DeadlineTimer {
  id: string;
  dueAt: Date;
  version: number;
}

/**
 * Deadlines that fire by themselves. A deadline is armed by an outbox row
 * (a delayed BullMQ job at dueAt, with a job id that changes whenever the
 * deadline moves); when it fires, an obligation still OPEN turns OVERDUE and,
 * if its order says so, a NON_COMPLIANCE hearing request is raised. The sweep
 * does the same for anything past due, so a lost job only delays it. Every
 * step is idempotent: running it twice changes nothing the second time.
 */
@Injectable()
export class DeadlinesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(OutboxService) private readonly outbox: OutboxService,
    @Inject(HearingRequestsService) private readonly hearings: HearingRequestsService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(ObligationsRepository) private readonly obligations: ObligationsRepository,
    @Inject(EpisodesRepository) private readonly episodes: EpisodesRepository,
    @Inject(ChildrenRepository) private readonly children: ChildrenRepository,
    @Inject(CourtsService) private readonly courts: CourtsService,
  ) {}

  /** Arms the deadline timers of obligations (in the transaction that creates or moves them). */
  async arm(manager: EntityManager, timers: DeadlineTimer[]): Promise<void> {
    await this.outbox.enqueue(
      manager,
      ...timers.map((o): OutboxJob => ({
        name: 'obligation-due',
        data: { obligationId: o.id },
        jobId: jobId('obligation', o.id, 'due', `v${o.version}`),
        runAt: o.dueAt,
      })),
    );
  }

  /** A deadline that moved or opened again: armed if it is still ahead, else overdue now. */
  async armOrMarkOverdue(manager: EntityManager, timer: DeadlineTimer): Promise<void> {
    if (timer.dueAt.getTime() > Date.now()) await this.arm(manager, [timer]);
    else await this.markOverdue(manager, [timer.id]);
  }

  /** Inserts planned obligations of an episode with the order and terms they come from, and arms the open ones. */
  async createObligations(manager: EntityManager, episode: EpisodeContext, planned: PlannedObligation[]): Promise<void> {
    if (planned.length === 0) return;
    const now = new Date();
    const rows = planned.map((p) => {
      const satisfied = p.satisfiedBy;
      return {
        id: randomUUID(),
        episodeId: episode.id,
        courtId: episode.courtId,
        agencyId: episode.agencyId,
        childId: episode.childId,
        episodeDiscoveredAt: episode.discoveredAt,
        type: p.type,
        sequence: p.sequence,
        status: satisfied ? ('SATISFIED' as const) : ('OPEN' as const),
        dueAt: p.dueAt,
        orderId: episode.orderId,
        terms: episode.terms,
        performedAt: satisfied?.performedAt ?? null,
        onTime: satisfied ? satisfied.performedAt.getTime() <= p.dueAt.getTime() : null,
        submittedAt: null,
        satisfiedAt: satisfied ? now : null,
        overdueAt: null,
        waivedAt: null,
        waivedBy: null,
        waiverReason: null,
      };
    });
    const inserted = new Set(await this.obligations.insertPlanned(manager, rows));
    await this.arm(
      manager,
      rows.filter((row) => row.status === 'OPEN' && inserted.has(row.id)).map((row) => ({ id: row.id, dueAt: row.dueAt, version: 1 })),
    );
  }

  /** Schedules the creation of the next status update when the current one falls due. */
  async armStatusUpdate(manager: EntityManager, episodeId: string, dueAt: Date): Promise<void> {
    await this.outbox.enqueue(manager, {
      name: 'status-update-due',
      data: { episodeId },
      jobId: jobId('episode', episodeId, 'status-update', dueAt.getTime()),
      runAt: dueAt,
    });
  }

  async armPreMajority(manager: EntityManager, episodeId: string, at: Date): Promise<void> {
    await this.outbox.enqueue(manager, {
      name: 'pre-majority',
      data: { episodeId },
      jobId: jobId('episode', episodeId, 'pre-majority'),
      runAt: at,
    });
  }

  /**
   * OPEN obligations among `ids` that are past due become OVERDUE, and raise a
   * NON_COMPLIANCE hearing request where their terms ask for one. Returns how many turned.
   */
  async markOverdue(manager: EntityManager, ids: string[]): Promise<number> {
    const rows = await this.obligations.markOverdue(manager, ids);
    if (rows.length === 0) return 0;
    await this.outbox.enqueue(
      manager,
      ...rows.map((row) =>
        notificationJob({
          type: 'obligation.overdue',
          obligationId: row.id,
          deadlineVersion: row.deadlineVersion,
          obligationType: row.type,
          dueAt: row.dueAt.toISOString(),
          episodeId: row.episodeId,
          caseId: row.caseId,
          courtId: row.courtId,
          agencyId: row.agencyId,
        }),
      ),
    );
    const now = new Date();
    // One NON_COMPLIANCE request per episode (the first of its obligations to turn), where the terms ask for one.
    const episodes = new Map<string, (typeof rows)[number]>();
    for (const row of rows) if (row.terms.requestHearingOnNonCompliance && !episodes.has(row.episodeId)) episodes.set(row.episodeId, row);
    await this.hearings.raiseMany(
      manager,
      null,
      [...episodes.values()].map((row) => ({
        reason: 'NON_COMPLIANCE' as const,
        episodeId: row.episodeId,
        caseId: row.caseId,
        courtId: row.courtId,
        agencyId: row.agencyId,
        obligationId: row.id,
        requestedAt: now,
        courtDays: row.terms.hearingWithinCourtDays,
      })),
    );
    await this.audit.recordMany(
      manager,
      null,
      rows.map((row) => ({
        action: 'overdue',
        entityType: 'obligation',
        entityId: row.id,
        courtId: row.courtId,
        details: { type: row.type, episodeId: row.episodeId, by: 'deadline-timer' },
      })),
    );
    return rows.length;
  }

  /** A deadline job fired for one obligation. */
  obligationDue(obligationId: string): Promise<number> {
    return this.dataSource.transaction((manager) => this.markOverdue(manager, [obligationId]));
  }

  /** A status-update job fired for one episode. */
  statusUpdateDue(episodeId: string): Promise<number> {
    return this.dataSource.transaction((manager) => this.rollStatusUpdates(manager, [episodeId]));
  }

  /** A pre-majority job fired for one episode. */
  preMajorityDue(episodeId: string): Promise<number> {
    return this.dataSource.transaction((manager) => this.raisePreMajority(manager, [episodeId]));
  }

  /**
   * While the child is still missing, creates the status updates whose period
   * has begun (one per missed period after an outage) and arms the next one.
   */
  async rollStatusUpdates(manager: EntityManager, episodeIds: string[] | null): Promise<number> {
    const episodes = await this.episodes.lockStatusUpdatesDue(manager, episodeIds, SWEEP_BATCH);
    const timezones = await this.timezones(
      manager,
      episodes.map((e) => e.courtId),
    );
    let created = 0;
    for (const episode of episodes) {
      const timezone = timezones.get(episode.courtId) as string;
      const planned: PlannedObligation[] = [];
      let due = episode.statusUpdateDueAt;
      let sequence = episode.lastSequence ?? 0;
      do {
        due = statusUpdateDue(due, episode.terms, timezone);
        sequence += 1;
        planned.push({ type: 'STATUS_UPDATE', sequence, dueAt: due });
      } while (due.getTime() <= Date.now() && planned.length < MAX_CATCH_UP);
      await this.createObligations(manager, episode, planned);
      await this.episodes.setStatusUpdateDue(manager, episode.id, due);
      await this.armStatusUpdate(manager, episode.id, due);
      created += planned.length;
    }
    return created;
  }

  /** Raises PRE_MAJORITY hearing requests for children still missing within 30 days of their 18th birthday. */
  async raisePreMajority(manager: EntityManager, episodeIds: string[] | null): Promise<number> {
    const episodes = await this.episodes.preMajorityDue(manager, episodeIds, SWEEP_BATCH);
    if (episodes.length === 0) return 0;
    const [birthDates, timezones] = await Promise.all([
      this.children.birthDates(
        manager,
        episodes.map((e) => e.childId),
      ),
      this.timezones(
        manager,
        episodes.map((e) => e.courtId),
      ),
    ]);
    let raised = 0;
    const now = new Date();
    for (const episode of episodes) {
      // Past the birthday the question is moot; the request is for before it.
      if (majorityAt(birthDates.get(episode.childId) as string, timezones.get(episode.courtId) as string).getTime() <= now.getTime())
        continue;
      const request = await this.hearings.raise(manager, null, {
        reason: 'PRE_MAJORITY',
        episodeId: episode.id,
        caseId: episode.caseId,
        courtId: episode.courtId,
        agencyId: episode.agencyId,
        requestedAt: now,
        courtDays: episode.terms.hearingWithinCourtDays,
      });
      if (request) raised += 1;
    }
    return raised;
  }

  /**
   * The reconciliation sweep (a job scheduler in the worker): whatever a lost
   * or late job missed. Uses the partial index on open obligations by due time,
   * so a sweep that finds nothing is one short index scan.
   */
  async sweep(): Promise<SweepResult> {
    const result: SweepResult = { overdue: 0, statusUpdates: 0, preMajority: 0 };
    for (;;) {
      const turned = await this.dataSource.transaction(async (manager) => {
        const due = await this.obligations.lockPastDue(manager, SWEEP_BATCH);
        return { found: due.length, turned: await this.markOverdue(manager, due) };
      });
      result.overdue += turned.turned;
      if (turned.found < SWEEP_BATCH) break;
    }
    result.statusUpdates = await this.dataSource.transaction((manager) => this.rollStatusUpdates(manager, null));
    result.preMajority = await this.dataSource.transaction((manager) => this.raisePreMajority(manager, null));
    return result;
  }

  /** The time zone of each court among these, looked up once each. */
  private async timezones(manager: EntityManager, courtIds: string[]): Promise<Map<string, string>> {
    const zones = new Map<string, string>();
    for (const id of new Set(courtIds)) zones.set(id, (await this.courts.require(id, manager)).timezone);
    return zones;
  }
}
