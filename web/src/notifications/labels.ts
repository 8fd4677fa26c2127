import type { NotificationEvent, NotificationStatus } from '../api/views';

export const NOTIFICATION_EVENTS: Record<NotificationEvent, string> = {
  'child.missing': 'Child missing',
  'obligation.overdue': 'Duty overdue',
  'evidence.rejected': 'Proof rejected',
  'hearing.scheduled': 'Hearing scheduled',
  'hearing.cancelled': 'Hearing cancelled',
  'order.signed': 'Order signed',
};

export const NOTIFICATION_STATUSES: Record<NotificationStatus, string> = { FAILED: 'Failed', PENDING: 'Pending', SENT: 'Sent' };
