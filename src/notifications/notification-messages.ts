import { DateTime } from 'luxon';
import { dutyLabel } from '../episodes/duty-labels.js';
import { childInitials } from '../orders/order-document-data.js';
import type { NotificationEvent } from './notification-events.js';

export type MessageTemplate =
  'child-missing' | 'obligation-overdue' | 'evidence-rejected' | 'hearing-scheduled' | 'hearing-cancelled' | 'order-signed';

/** What the case says in a message: the docket number, the court, the child's initials and nothing else of the child. */
export interface MessageCaption {
  docketNumber: string;
  courtName: string;
  timezone: string;
  child: { firstName: string; lastName: string };
}

/** The data every mail template is rendered with (templates/mail); strings only, formatted for print. */
export interface MessageData {
  recipient: { name: string };
  court: { name: string };
  case: { docketNumber: string };
  child: { initials: string };
  /** The record in the web app. */
  link: string;
  episode?: { missingSince: string };
  duty?: { name: string; dueAt: string };
  hearing?: { reason: string; date: string | null; time: string | null; courtroom: string | null };
  order?: { number: string; title: string };
  attachment?: { name: string };
}

export const HEARING_REASON_LABELS: Record<string, string> = {
  CHILD_MISSING: 'Hearing on the child missing from placement',
  NON_COMPLIANCE: "Hearing on the agency's compliance with the Court's orders",
  CHILD_RECOVERED: "Hearing on the child's return to care",
  PRE_MAJORITY: "Hearing on continuing the Court's jurisdiction",
};

export const ORDER_TITLES: Record<string, string> = {
  INDIVIDUAL: 'an Order Regarding a Child Missing from Care',
  STANDING: 'a Standing Order',
  SHOW_CAUSE: 'an Order to Show Cause',
  CONTINUING_JURISDICTION: 'an Order Continuing Jurisdiction',
};

/** "March 2, 2026 at 10:15 AM CST" in the court's time zone. */
export function courtTime(instant: string | Date, timezone: string): string {
  const at = DateTime.fromJSDate(new Date(instant), { zone: timezone }).setLocale('en-US');
  return `${at.toFormat('MMMM d, yyyy')} at ${at.toFormat('h:mm a ZZZZ')}`;
}

/** The page of the record an event is about, in the web app at `publicBaseUrl`. */
export function recordLink(event: NotificationEvent, publicBaseUrl: string): string {
  switch (event.type) {
    case 'child.missing':
    case 'obligation.overdue':
    case 'evidence.rejected':
      return `${publicBaseUrl}/episodes/${event.episodeId}`;
    case 'hearing.scheduled':
    case 'hearing.cancelled':
      return `${publicBaseUrl}/hearing-requests/${event.hearingRequestId}`;
    case 'order.signed':
      return `${publicBaseUrl}/orders/${event.orderId}`;
  }
}

/** The template and data of one recipient's message about an event. */
export function buildMessage(
  event: NotificationEvent,
  caption: MessageCaption,
  recipient: { name: string },
  options: { publicBaseUrl: string; attachmentName: string | null },
): { template: MessageTemplate; data: MessageData } {
  const common: MessageData = {
    recipient: { name: recipient.name },
    court: { name: caption.courtName },
    case: { docketNumber: caption.docketNumber },
    child: { initials: childInitials(caption.child.firstName, caption.child.lastName) },
    link: recordLink(event, options.publicBaseUrl),
    ...(options.attachmentName ? { attachment: { name: options.attachmentName } } : {}),
  };
  const tz = caption.timezone;
  switch (event.type) {
    case 'child.missing':
      return { template: 'child-missing', data: { ...common, episode: { missingSince: courtTime(event.missingSince, tz) } } };
    case 'obligation.overdue':
      return {
        template: 'obligation-overdue',
        data: { ...common, duty: { name: dutyLabel(event.obligationType), dueAt: courtTime(event.dueAt, tz) } },
      };
    case 'evidence.rejected':
      return { template: 'evidence-rejected', data: { ...common, duty: { name: dutyLabel(event.obligationType), dueAt: '' } } };
    case 'hearing.scheduled':
    case 'hearing.cancelled': {
      const at = event.scheduledFor ? DateTime.fromJSDate(new Date(event.scheduledFor), { zone: tz }).setLocale('en-US') : null;
      return {
        template: event.type === 'hearing.scheduled' ? 'hearing-scheduled' : 'hearing-cancelled',
        data: {
          ...common,
          hearing: {
            reason: HEARING_REASON_LABELS[event.reason] ?? event.reason,
            date: at ? at.toFormat('cccc, MMMM d, yyyy') : null,
            time: at ? at.toFormat('h:mm a ZZZZ') : null,
            courtroom: event.type === 'hearing.scheduled' ? event.courtroom : null,
          },
        },
      };
    }
    case 'order.signed':
      return {
        template: 'order-signed',
        data: { ...common, order: { number: event.orderNumber, title: ORDER_TITLES[event.kind] ?? 'an order' } },
      };
  }
}
