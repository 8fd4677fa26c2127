export const HEARING_REASONS = ['CHILD_MISSING', 'NON_COMPLIANCE', 'CHILD_RECOVERED', 'PRE_MAJORITY'] as const;
export type HearingReason = (typeof HEARING_REASONS)[number];

export const HEARING_REQUEST_STATUSES = ['QUEUED', 'SCHEDULED', 'CANCELLED'] as const;
export type HearingRequestStatus = (typeof HEARING_REQUEST_STATUSES)[number];

export const DOCKET_SYNC_STATUSES = ['NOT_CONFIGURED', 'PENDING', 'SYNCED', 'FAILED'] as const;
export type DocketSyncStatus = (typeof DOCKET_SYNC_STATUSES)[number];
