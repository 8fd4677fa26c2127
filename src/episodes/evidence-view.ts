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

export const EVIDENCE_COLUMNS = `ev.id, ev.obligation_id, ev.episode_id, ev.court_id, ev.child_id, ev.status, ev.performed_at, ev.fields, ev.file_sha256,
  ev.file_content_type, ev.file_byte_size, ev.photo_id, ev.submitted_by, ev.submitted_at, ev.reviewed_by, ev.reviewed_at, ev.review_reason`;

export interface EvidenceRow {
  id: string;
  obligation_id: string;
  episode_id: string;
  court_id: string;
  child_id: string;
  status: EvidenceStatus;
  performed_at: Date;
  fields: Record<string, unknown>;
  file_sha256: string | null;
  file_content_type: string | null;
  file_byte_size: number | null;
  photo_id: string | null;
  submitted_by: string;
  submitted_at: Date;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  review_reason: string | null;
}

/** The proof with its type's fields at the top level, as they were submitted. */
export function toEvidenceView(r: EvidenceRow, type: ObligationType): EvidenceView {
  return {
    id: r.id,
    obligationId: r.obligation_id,
    episodeId: r.episode_id,
    type,
    status: r.status,
    performedAt: r.performed_at,
    ...r.fields,
    submittedAt: r.submitted_at,
    submittedBy: r.submitted_by,
    file: r.file_sha256
      ? {
          sha256: r.file_sha256,
          contentType: r.file_content_type as string,
          byteSize: r.file_byte_size as number,
        }
      : null,
    photoId: r.photo_id,
    reviewedAt: r.reviewed_at,
    reviewedBy: r.reviewed_by,
    reviewReason: r.review_reason,
  };
}
