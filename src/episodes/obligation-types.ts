export const OBLIGATION_TYPES = [
  'LAW_ENFORCEMENT_REPORT',
  'NCIC_ENTRY',
  'NCMEC_REPORT',
  'CURRENT_PHOTO',
  'STATUS_UPDATE',
  'RECOVERY_NOTIFICATION',
  'POST_RECOVERY_PHOTO',
  'SAFETY_ASSESSMENT',
  'RUN_DEBRIEF',
] as const;
export type ObligationType = (typeof OBLIGATION_TYPES)[number];

export const OBLIGATION_STATUSES = ['OPEN', 'SUBMITTED', 'SATISFIED', 'OVERDUE', 'WAIVED'] as const;
export type ObligationStatus = (typeof OBLIGATION_STATUSES)[number];

export const EPISODE_STATUSES = ['MISSING', 'RECOVERED'] as const;
export type EpisodeStatus = (typeof EPISODE_STATUSES)[number];

export const EVIDENCE_STATUSES = ['SUBMITTED', 'ACCEPTED', 'REJECTED'] as const;
export type EvidenceStatus = (typeof EVIDENCE_STATUSES)[number];

/** Obligations that exist because the child came back. */
export const RECOVERY_TYPES: ReadonlySet<ObligationType> = new Set([
  'RECOVERY_NOTIFICATION',
  'POST_RECOVERY_PHOTO',
  'SAFETY_ASSESSMENT',
  'RUN_DEBRIEF',
]);

/** Obligations whose proof is a photo of the child, which also becomes the child's latest photo. */
export const PHOTO_TYPES: ReadonlySet<ObligationType> = new Set(['CURRENT_PHOTO', 'POST_RECOVERY_PHOTO']);
