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
