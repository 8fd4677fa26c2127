import type { DocketSyncStatus, HearingReason, HearingRequestStatus } from './hearing-request-types.js';

export interface HearingRequestView {
  id: string;
  reason: HearingReason;
  episodeId: string;
  caseId: string;
  courtId: string;
  obligationId: string | null;
  status: HearingRequestStatus;
  requestedAt: Date;
  targetDate: string;
  scheduledFor: Date | null;
  courtroom: string | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  docketSync: {
    status: DocketSyncStatus;
    attempts: number;
    lastError: string | null;
  };
}

export const HEARING_REQUEST_COLUMNS = `hr.id, hr.reason, hr.episode_id, hr.case_id, hr.court_id, hr.obligation_id, hr.status, hr.requested_at,
  hr.target_date, hr.scheduled_for, hr.courtroom, hr.cancelled_at, hr.cancel_reason, hr.docket_status, hr.docket_attempts, hr.docket_last_error`;

export interface HearingRequestRow {
  id: string;
  reason: HearingReason;
  episode_id: string;
  case_id: string;
  court_id: string;
  obligation_id: string | null;
  status: HearingRequestStatus;
  requested_at: Date;
  target_date: string;
  scheduled_for: Date | null;
  courtroom: string | null;
  cancelled_at: Date | null;
  cancel_reason: string | null;
  docket_status: DocketSyncStatus;
  docket_attempts: number;
  docket_last_error: string | null;
}

export function toHearingRequestView(r: HearingRequestRow): HearingRequestView {
  return {
    id: r.id,
    reason: r.reason,
    episodeId: r.episode_id,
    caseId: r.case_id,
    courtId: r.court_id,
    obligationId: r.obligation_id,
    status: r.status,
    requestedAt: r.requested_at,
    targetDate: r.target_date,
    scheduledFor: r.scheduled_for,
    courtroom: r.courtroom,
    cancelledAt: r.cancelled_at,
    cancelReason: r.cancel_reason,
    docketSync: {
      status: r.docket_status,
      attempts: r.docket_attempts,
      lastError: r.docket_last_error,
    },
  };
}
