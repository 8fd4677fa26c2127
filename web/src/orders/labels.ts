import type { OrderKind, OrderStatus, Terms } from '../api/views';

export const ORDER_KINDS: Record<OrderKind, string> = {
  INDIVIDUAL: 'Individual order',
  STANDING: 'Standing order',
  SHOW_CAUSE: 'Order to show cause',
  CONTINUING_JURISDICTION: 'Order continuing jurisdiction',
};

export const ORDER_STATUSES: Record<OrderStatus, string> = {
  DRAFT: 'Draft',
  SIGNED: 'Signed',
  SUPERSEDED: 'Superseded',
  VACATED: 'Vacated',
};

export type NumericTerm = {
  [K in keyof Terms]: Terms[K] extends number ? K : never;
}[keyof Terms];
export type FlagTerm = {
  [K in keyof Terms]: Terms[K] extends boolean ? K : never;
}[keyof Terms];

/**
 * The deadlines an order sets, in the order the template prints them, with their units and the
 * defaults API.md gives (what the order says when a field is left empty).
 */
export const NUMERIC_TERMS: { key: NumericTerm; label: string; unit: string; byDefault: number }[] = [
  { key: 'lawEnforcementReportHours', label: 'Report to law enforcement within', unit: 'hours', byDefault: 24 },
  { key: 'ncicEntryHours', label: 'NCIC entry after the report’s deadline within', unit: 'hours', byDefault: 2 },
  { key: 'ncmecReportHours', label: 'Report to NCMEC within', unit: 'hours', byDefault: 24 },
  { key: 'photoMaxAgeDays', label: 'Photo on file no older than', unit: 'days', byDefault: 180 },
  { key: 'statusUpdateDays', label: 'Status report to the court every', unit: 'days', byDefault: 30 },
  { key: 'recoveryNotificationHours', label: 'Tell law enforcement and NCMEC of a recovery within', unit: 'hours', byDefault: 24 },
  { key: 'postRecoveryPhotoHours', label: 'Photo after recovery within', unit: 'hours', byDefault: 72 },
  { key: 'safetyAssessmentHours', label: 'Safety assessment within', unit: 'hours', byDefault: 72 },
  { key: 'runDebriefHours', label: 'Debrief on why the child ran within', unit: 'hours', byDefault: 168 },
  { key: 'hearingWithinCourtDays', label: 'Hearing within', unit: 'court days', byDefault: 3 },
];

/** Yes-or-no terms; each is yes by default. */
export const FLAG_TERMS: { key: FlagTerm; label: string }[] = [
  { key: 'requestHearingOnMissing', label: 'Request a hearing when a child goes missing' },
  { key: 'requestHearingOnNonCompliance', label: 'Request a hearing when a duty is overdue' },
  { key: 'photoReleaseAuthorized', label: 'The child’s photo may be released to the public (poster)' },
];

/** Each term's error under the term's own name (the service names them `terms.<name>`). */
export const TERM_ALIASES: Record<string, string> = Object.fromEntries(
  [...NUMERIC_TERMS, ...FLAG_TERMS].map(({ key }) => [`terms.${key}`, key]),
);
