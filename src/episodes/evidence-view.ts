import type { EvidenceStatus, ObligationType } from './obligation-types.js';

export interface EvidenceView {
  id: string;
  obligationId: string;
  episodeId: string;
  type: ObligationType;
  status: EvidenceStatus;
  performedAt: Date;
  submittedAt: Date;
  submittedBy: string;
  file: { sha256: string; contentType: string; byteSize: number } | null;
  photoId: string | null;
  reviewedAt: Date | null;
  reviewedBy: string | null;
  reviewReason: string | null;
  [field: string]: unknown;
}
