export const DOCKET_EVENT_TYPES = ['hearing_request.created', 'hearing_request.cancelled', 'order.signed'] as const;
export type DocketEventType = (typeof DOCKET_EVENT_TYPES)[number];

export const DOCKET_EVENT_STATUSES = ['PENDING', 'DELIVERED', 'FAILED'] as const;
export type DocketEventStatus = (typeof DOCKET_EVENT_STATUSES)[number];
