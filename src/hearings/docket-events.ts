export const DOCKET_EVENT_TYPES = ['hearing_request.created', 'hearing_request.cancelled', 'order.signed'] as const;
export type DocketEventType = (typeof DOCKET_EVENT_TYPES)[number];

export const DOCKET_EVENT_STATUSES = ['PENDING', 'DELIVERED', 'FAILED'] as const;
export type DocketEventStatus = (typeof DOCKET_EVENT_STATUSES)[number];

/** Jobs of the docket-sync queue. */
export const DOCKET_JOBS = {
  deliver: 'deliver',
  /** Written by the orders module when an order is signed. */
  orderSigned: 'order.signed',
} as const;

/** Jobs of the hearings queue, written when a request is raised or cancelled. */
export const HEARING_JOBS = {
  created: 'hearing-request.created',
  cancelled: 'hearing-request.cancelled',
} as const;
