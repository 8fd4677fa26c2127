import type { AppConfig } from '../common/config/app-config.js';
import type { NotificationEvent } from './notification-event.js';
import { QUEUES, type QueueName } from './queues.js';

export { jobId } from './queues.js';

/*
 * Every background job, once: its name, the queue it runs on and what it
 * carries. Producers write jobs with OutboxService.enqueue (typed by this
 * map); each queue's worker handles its jobs in an exhaustive switch over
 * QueueJob<queue>. Job names are stored in outbox rows and in Redis: rename
 * one only with a migration of the rows that carry it.
 */

/** What each job carries: ids and facts, never a child's name. */
export interface JobPayloads {
  /** An obligation's deadline: OVERDUE if still OPEN. */
  'obligation-due': { obligationId: string };
  /** The next status update of an episode still missing. */
  'status-update-due': { episodeId: string };
  /** 30 days before the 18th birthday of a child still missing. */
  'pre-majority': { episodeId: string };
  /** The reconciliation sweep (a job scheduler). */
  'deadline-sweep': Record<string, never>;
  /** A hearing request was raised or cancelled: tell the docket. */
  'hearing-request.created': { hearingRequestId: string };
  'hearing-request.cancelled': { hearingRequestId: string };
  /** A signed order: tell the docket. */
  'order.signed': {
    orderId: string;
    orderNumber: string;
    kind: string;
    courtId: string;
    caseId: string | null;
    docketNumber: string | null;
    signedAt: string;
    sha256: string;
  };
  /** One delivery of a stored docket event to the case-management system. */
  deliver: { eventId: string };
  /** An event to tell the people concerned about: find them, write one message each. */
  'notification.fan-out': NotificationEvent;
  /** One message: send it (or write the .eml), record the outcome. */
  'notification.send': { notificationId: string };
  /** Expired idempotency keys and relayed outbox rows removed (a job scheduler). */
  housekeeping: Record<string, never>;
}

export type JobName = keyof JobPayloads;

/** The queue each job runs on. */
export const JOB_QUEUE = {
  'obligation-due': QUEUES.deadlines,
  'status-update-due': QUEUES.deadlines,
  'pre-majority': QUEUES.deadlines,
  'deadline-sweep': QUEUES.deadlines,
  'hearing-request.created': QUEUES.hearings,
  'hearing-request.cancelled': QUEUES.hearings,
  'order.signed': QUEUES.docket,
  deliver: QUEUES.docket,
  'notification.fan-out': QUEUES.notifications,
  'notification.send': QUEUES.notifications,
  housekeeping: QUEUES.maintenance,
} as const satisfies Record<JobName, QueueName>;

/** BullMQ options kept with the row: retries for work that talks to the outside. */
export interface RetryOptions {
  attempts?: number;
  backoff?: { type: 'exponential' | 'fixed'; delay: number };
}

/**
 * Retries of a job that sets none: every job is idempotent, so a transient failure (a deadlock, a
 * dropped connection, a pool that stayed full under load) is tried again within seconds instead of
 * waiting for the reconciliation sweep. Jobs that talk to the outside set their own.
 */
export const DEFAULT_RETRY: RetryOptions = { attempts: 6, backoff: { type: 'exponential', delay: 500 } };

/** A job as a producer writes it to the outbox (in the transaction of the change that causes it). */
export type OutboxJob = {
  [N in JobName]: {
    name: N;
    data: JobPayloads[N];
    /** Deterministic id made with jobId() (`obligation.<id>.due.v1`) so the same job cannot be queued twice; defaults to the row id. */
    jobId?: string;
    /** When the job should run; now when absent. */
    runAt?: Date;
    /** Retries; DEFAULT_RETRY when absent. */
    options?: RetryOptions;
  };
}[JobName];

/** A job as the worker of its queue receives it: the name tells the payload's type. */
export type QueueJob<Q extends QueueName> = {
  [N in JobName]: (typeof JOB_QUEUE)[N] extends Q
    ? { name: N; data: JobPayloads[N]; id?: string; attemptsMade: number; opts: RetryOptions }
    : never;
}[JobName];

/** The end of an exhaustive switch over a queue's jobs (`default: return unknownJob(job)`): a job no case handles does not compile. */
export function unknownJob(job: never): never {
  const name = typeof job === 'object' && job !== null ? (job as { name?: unknown }).name : job;
  throw new Error(`unknown job ${String(name)}`);
}

/** Whether this run of a job is its last attempt (the failure is then final). */
export function isLastAttempt(job: { attemptsMade: number; opts: RetryOptions }): boolean {
  return job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}

/** A recurring job: BullMQ runs it on one worker at a time, whatever the number of workers. */
export interface JobScheduler {
  schedulerId: string;
  job: JobName;
  everyMs: (config: AppConfig) => number;
}

/** Every recurring job of the service, declared by the worker (never timers in API replicas). */
export const JOB_SCHEDULERS: JobScheduler[] = [
  { schedulerId: 'deadline-sweep', job: 'deadline-sweep', everyMs: (config) => config.deadlineSweepSeconds * 1000 },
  { schedulerId: 'housekeeping', job: 'housekeeping', everyMs: () => 3_600_000 },
];

/** The outbox row that tells the people concerned; write it in the transaction of the change. */
export function notificationJob(event: NotificationEvent): OutboxJob {
  return {
    name: 'notification.fan-out',
    data: event,
    // Reading recipients can fail like any query: try again rather than tell nobody.
    options: { attempts: 10, backoff: { type: 'exponential', delay: 1000 } },
  };
}
