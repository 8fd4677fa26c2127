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
