import { DateTime } from 'luxon';
import type { OrderTerms } from '../orders/order-terms.js';
import type { ObligationType } from './obligation-types.js';

/*
 * When each duty falls due (DESIGN.md §3, API.md). Pure functions: no clock,
 * no database. Deadlines in hours are absolute durations ("within 24 hours"
 * means 24 elapsed hours, also across a daylight-saving change); deadlines in
 * days are calendar days in the court's time zone (a status update every 30
 * days falls at the same wall-clock time).
 */

export interface PlannedObligation {
  type: ObligationType;
  sequence: number;
  dueAt: Date;
  /** Set when the duty is already met at intake (a current photo on file). */
  satisfiedBy?: { performedAt: Date; photoId: string };
}

const HOUR_MS = 3_600_000;

export function addHours(from: Date, hours: number): Date {
  return new Date(from.getTime() + Math.round(hours * HOUR_MS));
}

export function addCalendarDays(from: Date, days: number, timezone: string): Date {
  return DateTime.fromJSDate(from, { zone: timezone }).plus({ days }).toJSDate();
}

/** Whether a photo taken at `takenAt` is at most `photoMaxAgeDays` old at `at`. */
export function photoIsCurrent(takenAt: Date, at: Date, terms: OrderTerms, timezone: string): boolean {
  return takenAt.getTime() <= at.getTime() && takenAt.getTime() >= addCalendarDays(at, -terms.photoMaxAgeDays, timezone).getTime();
}

export function lawEnforcementReportDue(discoveredAt: Date, terms: OrderTerms): Date {
  return addHours(discoveredAt, terms.lawEnforcementReportHours);
}

/** NCIC entry: `ncicEntryHours` after the LE report — its deadline until the report's proof is accepted, then its performedAt. */
export function ncicEntryDue(lawEnforcementReportAt: Date, terms: OrderTerms): Date {
  return addHours(lawEnforcementReportAt, terms.ncicEntryHours);
}

export function statusUpdateDue(previous: Date, terms: OrderTerms, timezone: string): Date {
  return addCalendarDays(previous, terms.statusUpdateDays, timezone);
}

/** The obligations an episode starts with, at the moment the agency learns the child is gone. */
export function intakeObligations(input: {
  discoveredAt: Date;
  terms: OrderTerms;
  timezone: string;
  latestPhoto: { id: string; takenAt: Date } | null;
}): PlannedObligation[] {
  const { discoveredAt, terms, timezone, latestPhoto } = input;
  const lawEnforcement = lawEnforcementReportDue(discoveredAt, terms);
  const photo: PlannedObligation = {
    type: 'CURRENT_PHOTO',
    sequence: 1,
    dueAt: lawEnforcement,
  };
  if (latestPhoto && photoIsCurrent(latestPhoto.takenAt, discoveredAt, terms, timezone)) {
    photo.satisfiedBy = {
      performedAt: latestPhoto.takenAt,
      photoId: latestPhoto.id,
    };
  }
  return [
    { type: 'LAW_ENFORCEMENT_REPORT', sequence: 1, dueAt: lawEnforcement },
    {
      type: 'NCIC_ENTRY',
      sequence: 1,
      dueAt: ncicEntryDue(lawEnforcement, terms),
    },
    {
      type: 'NCMEC_REPORT',
      sequence: 1,
      dueAt: addHours(discoveredAt, terms.ncmecReportHours),
    },
    photo,
    {
      type: 'STATUS_UPDATE',
      sequence: 1,
      dueAt: statusUpdateDue(discoveredAt, terms, timezone),
    },
  ];
}

/** The obligations a recovery starts. */
export function recoveryObligations(recoveredAt: Date, terms: OrderTerms): PlannedObligation[] {
  return [
    {
      type: 'RECOVERY_NOTIFICATION',
      sequence: 1,
      dueAt: addHours(recoveredAt, terms.recoveryNotificationHours),
    },
    {
      type: 'POST_RECOVERY_PHOTO',
      sequence: 1,
      dueAt: addHours(recoveredAt, terms.postRecoveryPhotoHours),
    },
    {
      type: 'SAFETY_ASSESSMENT',
      sequence: 1,
      dueAt: addHours(recoveredAt, terms.safetyAssessmentHours),
    },
    {
      type: 'RUN_DEBRIEF',
      sequence: 1,
      dueAt: addHours(recoveredAt, terms.runDebriefHours),
    },
  ];
}

/** Whole years of age at an instant, counted in the court's time zone. */
export function ageAt(dateOfBirth: string, at: Date, timezone: string): number {
  const birth = DateTime.fromISO(dateOfBirth, { zone: timezone });
  return Math.floor(DateTime.fromJSDate(at, { zone: timezone }).diff(birth, 'years').years);
}

export const PRE_MAJORITY_NOTICE_DAYS = 30;

/** The 18th birthday (start of the day in the court's time zone); a 29 February birthday falls on 28 February. */
export function majorityAt(dateOfBirth: string, timezone: string): Date {
  return DateTime.fromISO(dateOfBirth, { zone: timezone }).plus({ years: 18 }).startOf('day').toJSDate();
}

/** When a PRE_MAJORITY hearing request is due: 30 days before the 18th birthday. */
export function preMajorityAt(dateOfBirth: string, timezone: string): Date {
  return DateTime.fromJSDate(majorityAt(dateOfBirth, timezone), {
    zone: timezone,
  })
    .minus({ days: PRE_MAJORITY_NOTICE_DAYS })
    .toJSDate();
}
