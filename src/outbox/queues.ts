/** The BullMQ queues. Every job reaches one through the outbox (see jobs.ts for which job runs on which). */
export const QUEUES = {
  /** Obligation deadlines (OVERDUE at dueAt), recurring status updates, the reconciliation sweep. */
  deadlines: 'deadlines',
  /** Hearing requests raised by episodes: docket placement and notices. */
  hearings: 'hearings',
  /** Deliveries to the court's case-management system (webhook adapter). */
  docket: 'docket-sync',
  /** E-mail to the people on a case: an event fanned out to its recipients, then one job per message. */
  notifications: 'notifications',
  /** Housekeeping: expired idempotency keys, published outbox rows. */
  maintenance: 'maintenance',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const ALL_QUEUES: QueueName[] = Object.values(QUEUES);

/** Kept long enough to look at in the dashboard, then removed so Redis does not grow without bound. */
export const DEFAULT_JOB_OPTIONS = {
  removeOnComplete: { age: 24 * 3600, count: 5000 },
  removeOnFail: { age: 14 * 24 * 3600 },
};

/**
 * A deterministic job id from its parts, `obligation.<id>.due.v2`: the same
 * work always gets the same id, so BullMQ never queues it twice. (BullMQ
 * refuses ':' in custom ids; it separates its own Redis keys with it.)
 */
export function jobId(...parts: Array<string | number>): string {
  return parts.join('.');
}
