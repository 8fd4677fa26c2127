/**
 * The deadlines and switches an order sets (DESIGN.md §3). Every obligation of
 * an episode is derived from the terms of the order that applies to it, or
 * from DEFAULT_TERMS (the federal deadlines) when no order applies.
 */
export interface OrderTerms {
  lawEnforcementReportHours: number;
  ncicEntryHours: number;
  ncmecReportHours: number;
  photoMaxAgeDays: number;
  statusUpdateDays: number;
  recoveryNotificationHours: number;
  postRecoveryPhotoHours: number;
  safetyAssessmentHours: number;
  runDebriefHours: number;
  hearingWithinCourtDays: number;
  requestHearingOnMissing: boolean;
  requestHearingOnNonCompliance: boolean;
  /** The photo and description may be released for a missing-child poster (the episode's poster is refused when false). */
  photoReleaseAuthorized: boolean;
}

export const DEFAULT_TERMS: OrderTerms = Object.freeze({
  lawEnforcementReportHours: 24,
  ncicEntryHours: 2,
  ncmecReportHours: 24,
  photoMaxAgeDays: 180,
  statusUpdateDays: 30,
  recoveryNotificationHours: 24,
  postRecoveryPhotoHours: 72,
  safetyAssessmentHours: 72,
  runDebriefHours: 168,
  hearingWithinCourtDays: 3,
  requestHearingOnMissing: true,
  requestHearingOnNonCompliance: true,
  photoReleaseAuthorized: true,
});

export const HOUR_TERMS = [
  'lawEnforcementReportHours',
  'ncicEntryHours',
  'ncmecReportHours',
  'recoveryNotificationHours',
  'postRecoveryPhotoHours',
  'safetyAssessmentHours',
  'runDebriefHours',
] as const satisfies ReadonlyArray<keyof OrderTerms>;

export const DAY_TERMS = ['photoMaxAgeDays', 'statusUpdateDays', 'hearingWithinCourtDays'] as const satisfies ReadonlyArray<
  keyof OrderTerms
>;

export const SWITCH_TERMS = [
  'requestHearingOnMissing',
  'requestHearingOnNonCompliance',
  'photoReleaseAuthorized',
] as const satisfies ReadonlyArray<keyof OrderTerms>;

/** Limits that keep a typo (8760 instead of 87.6) from producing a meaningless order. */
export const MAX_HOURS = 24 * 365;
export const MAX_DAYS = 3650;

/** The given terms over the defaults; keys that are absent (or undefined) keep their default. */
export function withDefaults(terms: Partial<OrderTerms> | null | undefined, base: OrderTerms = DEFAULT_TERMS): OrderTerms {
  const merged: OrderTerms = { ...base };
  if (!terms) return merged;
  for (const key of Object.keys(DEFAULT_TERMS) as Array<keyof OrderTerms>) {
    const value = terms[key];
    if (value !== undefined && value !== null) (merged as unknown as Record<string, unknown>)[key] = value;
  }
  return merged;
}

/** "24 hours", "1 hour", "1.5 hours", "168 hours (7 days)": how an order states a deadline. */
export function formatHours(hours: number): string {
  const amount = `${formatNumber(hours)} ${hours === 1 ? 'hour' : 'hours'}`;
  if (hours >= 48 && hours % 24 === 0) return `${amount} (${hours / 24} days)`;
  return amount;
}

export function formatDays(days: number): string {
  return `${formatNumber(days)} ${days === 1 ? 'day' : 'days'}`;
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}
