import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { HearingRequestsService } from '../hearings/hearing-requests.service.js';
import { notificationJob } from '../notifications/notification-events.js';
import type { OrderTerms } from '../orders/order-terms.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { jobId, QUEUES } from '../outbox/queues.js';
import { majorityAt, statusUpdateDue, type PlannedObligation } from './obligation-deadlines.js';

export const DEADLINE_JOBS = {
  obligationDue: 'obligation-due',
  statusUpdateDue: 'status-update-due',
  preMajority: 'pre-majority',
  sweep: 'deadline-sweep',
} as const;

const SWEEP_BATCH = 500;
/** Missed status-update periods created at once after a long outage, at most. */
const MAX_CATCH_UP = 24;

export interface SweepResult {
  overdue: number;
  statusUpdates: number;
  preMajority: number;
}

interface EpisodeContext {
  id: string;
  case_id: string;
  court_id: string;
  agency_id: string | null;
  child_id: string;
  discovered_at: Date;
  order_id: string | null;
  terms: OrderTerms;
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
    @Inject(HearingRequestsService)
    private readonly hearings: HearingRequestsService,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  /** Arms the deadline timers of obligations (in the transaction that creates or moves them). */
  async arm(manager: EntityManager, obligations: Array<{ id: string; dueAt: Date; version: number }>): Promise<void> {
    await this.outbox.enqueue(
      manager,
      ...obligations.map((o) => ({
        queue: QUEUES.deadlines,
        name: DEADLINE_JOBS.obligationDue,
        data: { obligationId: o.id },
        jobId: jobId('obligation', o.id, 'due', `v${o.version}`),
        runAt: o.dueAt,
      })),
    );
  }

  /** Inserts planned obligations of an episode with the order and terms they come from, and arms the open ones. */
  async createObligations(manager: EntityManager, episode: EpisodeContext, planned: PlannedObligation[]): Promise<void> {
    if (planned.length === 0) return;
    const values: unknown[] = [];
    const rows: string[] = [];
    const toArm: Array<{ id: string; dueAt: Date; version: number }> = [];
    for (const p of planned) {
      const id = randomUUID();
      const satisfied = p.satisfiedBy;
      const base = values.length;
      rows.push(`(${Array.from({ length: 15 }, (_, i) => `$${base + i + 1}`).join(', ')})`);
      values.push(
        id,
        episode.id,
        episode.court_id,
        episode.agency_id,
        episode.child_id,
        episode.discovered_at,
        p.type,
        p.sequence,
        satisfied ? 'SATISFIED' : 'OPEN',
        p.dueAt,
        episode.order_id,
        JSON.stringify(episode.terms),
        satisfied?.performedAt ?? null,
        satisfied ? satisfied.performedAt.getTime() <= p.dueAt.getTime() : null,
        satisfied ? new Date() : null,
      );
      if (!satisfied) toArm.push({ id, dueAt: p.dueAt, version: 1 });
    }
    await manager.query(
      `INSERT INTO obligations (id, episode_id, court_id, agency_id, child_id, episode_discovered_at, type, sequence, status, due_at,
                                order_id, terms, performed_at, on_time, satisfied_at)
       VALUES ${rows.join(', ')}
       ON CONFLICT (episode_id, type, sequence) DO NOTHING`,
      values,
    );
    await this.arm(manager, toArm);
  }

  /** Schedules the creation of the next status update when the current one falls due. */
  async armStatusUpdate(manager: EntityManager, episodeId: string, dueAt: Date): Promise<void> {
    await this.outbox.enqueue(manager, {
      queue: QUEUES.deadlines,
      name: DEADLINE_JOBS.statusUpdateDue,
      data: { episodeId },
      jobId: jobId('episode', episodeId, 'status-update', dueAt.getTime()),
      runAt: dueAt,
    });
  }

  async armPreMajority(manager: EntityManager, episodeId: string, at: Date): Promise<void> {
    await this.outbox.enqueue(manager, {
      queue: QUEUES.deadlines,
      name: DEADLINE_JOBS.preMajority,
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
    if (ids.length === 0) return 0;
    const turned = (await manager.query(
      `UPDATE obligations o SET status = 'OVERDUE', overdue_at = now(), updated_at = now()
         FROM episodes e
        WHERE o.id = ANY($1::uuid[]) AND o.status = 'OPEN' AND o.due_at <= now() AND e.id = o.episode_id
        RETURNING o.id, o.type, o.court_id, o.episode_id, o.terms, e.case_id, o.agency_id, o.due_at, o.deadline_version`,
      [ids],
    )) as [
      Array<{
        id: string;
        type: string;
        court_id: string;
        episode_id: string;
        terms: OrderTerms;
        case_id: string;
        agency_id: string | null;
        due_at: Date;
        deadline_version: number;
      }>,
      number,
    ];
    const rows = turned[0];
    await this.outbox.enqueue(
      manager,
      ...rows.map((row) =>
        notificationJob({
          type: 'obligation.overdue',
          obligationId: row.id,
          deadlineVersion: row.deadline_version,
          obligationType: row.type,
          dueAt: row.due_at.toISOString(),
          episodeId: row.episode_id,
          caseId: row.case_id,
          courtId: row.court_id,
          agencyId: row.agency_id,
        }),
      ),
    );
    const now = new Date();
    // One NON_COMPLIANCE request per episode (the first of its obligations to turn), where the terms ask for one.
    const episodes = new Map<string, (typeof rows)[number]>();
    for (const row of rows) if (row.terms.requestHearingOnNonCompliance && !episodes.has(row.episode_id)) episodes.set(row.episode_id, row);
    await this.hearings.raiseMany(
      manager,
      null,
      [...episodes.values()].map((row) => ({
        reason: 'NON_COMPLIANCE' as const,
        episodeId: row.episode_id,
        caseId: row.case_id,
        courtId: row.court_id,
        agencyId: row.agency_id,
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
        courtId: row.court_id,
        details: { type: row.type, episodeId: row.episode_id, by: 'deadline-timer' },
      })),
    );
    return rows.length;
  }

  /** A deadline job fired for one obligation. */
  obligationDue(obligationId: string): Promise<number> {
    return this.dataSource.transaction((manager) => this.markOverdue(manager, [obligationId]));
  }

  /**
   * While the child is still missing, creates the status updates whose period
   * has begun (one per missed period after an outage) and arms the next one.
   */
  async rollStatusUpdates(manager: EntityManager, episodeIds: string[] | null): Promise<number> {
    const episodes = (await manager.query(
      `SELECT e.id, e.case_id, e.court_id, e.agency_id, e.child_id, e.discovered_at, e.order_id, e.terms, e.status_update_due_at, co.timezone,
              (SELECT max(sequence) FROM obligations WHERE episode_id = e.id AND type = 'STATUS_UPDATE') AS last_sequence
         FROM episodes e JOIN courts co ON co.id = e.court_id
        WHERE e.status = 'MISSING' AND e.status_update_due_at <= now() ${episodeIds ? 'AND e.id = ANY($1::uuid[])' : ''}
        ORDER BY e.status_update_due_at LIMIT ${SWEEP_BATCH}
        FOR UPDATE OF e SKIP LOCKED`,
      episodeIds ? [episodeIds] : [],
    )) as Array<
      EpisodeContext & {
        status_update_due_at: Date;
        timezone: string;
        last_sequence: number | null;
      }
    >;
    let created = 0;
    for (const episode of episodes) {
      const planned: PlannedObligation[] = [];
      let due = episode.status_update_due_at;
      let sequence = episode.last_sequence ?? 0;
      do {
        due = statusUpdateDue(due, episode.terms, episode.timezone);
        sequence += 1;
        planned.push({ type: 'STATUS_UPDATE', sequence, dueAt: due });
      } while (due.getTime() <= Date.now() && planned.length < MAX_CATCH_UP);
      await this.createObligations(manager, episode, planned);
      await manager.query(`UPDATE episodes SET status_update_due_at = $2, updated_at = now() WHERE id = $1`, [episode.id, due]);
      await this.armStatusUpdate(manager, episode.id, due);
      created += planned.length;
    }
    return created;
  }

  /** Raises PRE_MAJORITY hearing requests for children still missing within 30 days of their 18th birthday. */
  async raisePreMajority(manager: EntityManager, episodeIds: string[] | null): Promise<number> {
    const episodes = (await manager.query(
      `SELECT e.id, e.case_id, e.court_id, e.agency_id, e.terms, c.date_of_birth, co.timezone
         FROM episodes e JOIN children c ON c.id = e.child_id JOIN courts co ON co.id = e.court_id
        WHERE e.status = 'MISSING' AND e.pre_majority_at <= now() ${episodeIds ? 'AND e.id = ANY($1::uuid[])' : ''}
          AND NOT EXISTS (SELECT 1 FROM hearing_requests hr WHERE hr.episode_id = e.id AND hr.reason = 'PRE_MAJORITY')
        LIMIT ${SWEEP_BATCH}`,
      episodeIds ? [episodeIds] : [],
    )) as Array<{
      id: string;
      case_id: string;
      court_id: string;
      agency_id: string | null;
      terms: OrderTerms;
      date_of_birth: string;
      timezone: string;
    }>;
    let raised = 0;
    const now = new Date();
    for (const episode of episodes) {
      // Past the birthday the question is moot; the request is for before it.
      if (majorityAt(episode.date_of_birth, episode.timezone).getTime() <= now.getTime()) continue;
      const request = await this.hearings.raise(manager, null, {
        reason: 'PRE_MAJORITY',
        episodeId: episode.id,
        caseId: episode.case_id,
        courtId: episode.court_id,
        agencyId: episode.agency_id,
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
    const result: SweepResult = {
      overdue: 0,
      statusUpdates: 0,
      preMajority: 0,
    };
    for (;;) {
      const turned = await this.dataSource.transaction(async (manager) => {
        const due = (await manager.query(
          `SELECT id FROM obligations WHERE status = 'OPEN' AND due_at <= now() ORDER BY due_at LIMIT ${SWEEP_BATCH} FOR UPDATE SKIP LOCKED`,
        )) as Array<{ id: string }>;
        return {
          found: due.length,
          turned: await this.markOverdue(
            manager,
            due.map((d) => d.id),
          ),
        };
      });
      result.overdue += turned.turned;
      if (turned.found < SWEEP_BATCH) break;
    }
    result.statusUpdates = await this.dataSource.transaction((manager) => this.rollStatusUpdates(manager, null));
    result.preMajority = await this.dataSource.transaction((manager) => this.raisePreMajority(manager, null));
    return result;
  }
}
