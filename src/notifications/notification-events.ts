/*
 * The events are written by the features that make them happen, through the
 * outbox (src/outbox/notification-event.ts); this module reads them.
 */
export {
  NOTIFICATION_EVENTS,
  type ChildMissingEvent,
  type EvidenceRejectedEvent,
  type HearingCancelledEvent,
  type HearingScheduledEvent,
  type NotificationEvent,
  type NotificationEventType,
  type ObligationOverdueEvent,
  type OrderSignedEvent,
} from '../outbox/notification-event.js';
export { notificationJob } from '../outbox/jobs.js';
import type { NotificationEvent } from '../outbox/notification-event.js';

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
