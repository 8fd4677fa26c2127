import { DateTime } from 'luxon';

/** Tolerance for "not in the future": a device clock a little ahead is not bad input. */
export const CLOCK_SKEW_MS = 60_000;

export function isInFuture(instant: Date, now: Date = new Date()): boolean {
  return instant.getTime() > now.getTime() + CLOCK_SKEW_MS;
}

/** Today's calendar date (YYYY-MM-DD) in a time zone. */
export function todayIn(timezone: string, now: Date = new Date()): string {
  return DateTime.fromJSDate(now, { zone: timezone }).toISODate() as string;
}

/** The instant a calendar date begins in a time zone. */
export function startOfDayIn(date: string, timezone: string): Date {
  return DateTime.fromISO(date, { zone: timezone }).startOf('day').toJSDate();
}
