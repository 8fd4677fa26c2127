import type { OutboxJob } from '../outbox/outbox.service.js';
import { QUEUES } from '../outbox/queues.js';

export const NOTIFICATION_EVENTS = [
  'child.missing',
  'obligation.overdue',
  'evidence.rejected',
  'hearing.scheduled',
  'hearing.cancelled',
  'order.signed',
] as const;
export type NotificationEventType = (typeof NOTIFICATION_EVENTS)[number];

/*
 * What happened, as the feature that made it happen says it, in the
 * transaction that made it happen (an outbox row): ids and facts only, never
 * a child's name. The worker finds who to tell and writes one message each.
 */

export interface ChildMissingEvent {
  type: 'child.missing';
  episodeId: string;
  caseId: string;
  courtId: string;
  missingSince: string;
}

export interface ObligationOverdueEvent {
  type: 'obligation.overdue';
  obligationId: string;
  /** Each deadline turns overdue once; a rejected proof re-opens it under a new version. */
  deadlineVersion: number;
  obligationType: string;
  dueAt: string;
  episodeId: string;
  caseId: string;
  courtId: string;
  agencyId: string | null;
}

export interface EvidenceRejectedEvent {
  type: 'evidence.rejected';
  evidenceId: string;
  obligationType: string;
  episodeId: string;
  caseId: string;
  courtId: string;
  /** The user who uploaded the proof (an agency system's key has no one to write to). */
  submittedBy: string | null;
}

export interface HearingScheduledEvent {
  type: 'hearing.scheduled';
  hearingRequestId: string;
  reason: string;
  scheduledFor: string;
  courtroom: string;
  episodeId: string;
  caseId: string;
  courtId: string;
}

export interface HearingCancelledEvent {
  type: 'hearing.cancelled';
  hearingRequestId: string;
  reason: string;
  /** When it had been set for, if it had. */
  scheduledFor: string | null;
  episodeId: string;
  caseId: string;
  courtId: string;
}

export interface OrderSignedEvent {
  type: 'order.signed';
  orderId: string;
  orderNumber: string;
  kind: string;
  caseId: string | null;
  courtId: string;
}

export type NotificationEvent =
  ChildMissingEvent | ObligationOverdueEvent | EvidenceRejectedEvent | HearingScheduledEvent | HearingCancelledEvent | OrderSignedEvent;

export const NOTIFICATION_JOBS = {
  /** An event: find its recipients, write one message each. */
  fanOut: 'notification.fan-out',
  /** One message: send it (or write the .eml), record the outcome. */
  send: 'notification.send',
} as const;

/** The outbox row that tells the people concerned; write it in the transaction of the change. */
export function notificationJob(event: NotificationEvent): OutboxJob {
  return {
    queue: QUEUES.notifications,
    name: NOTIFICATION_JOBS.fanOut,
    data: event as unknown as Record<string, unknown>,
    // Reading recipients can fail like any query: try again rather than tell nobody.
    options: { attempts: 10, backoff: { type: 'exponential', delay: 1000 } },
  };
}

/** Names the event once, whatever the number of times it is fanned out: each person gets one message per key. */
export function eventKey(event: NotificationEvent): string {
  switch (event.type) {
    case 'child.missing':
      return `episode.${event.episodeId}.missing`;
    case 'obligation.overdue':
      return `obligation.${event.obligationId}.overdue.v${event.deadlineVersion}`;
    case 'evidence.rejected':
      return `evidence.${event.evidenceId}.rejected`;
    case 'hearing.scheduled':
      return `hearing-request.${event.hearingRequestId}.scheduled.${new Date(event.scheduledFor).getTime()}.${event.courtroom}`;
    case 'hearing.cancelled':
      return `hearing-request.${event.hearingRequestId}.cancelled`;
    case 'order.signed':
      return `order.${event.orderId}.signed`;
  }
}
