import { DateTime } from 'luxon';

/** An instant in the court's zone, the zone named: "Dec 1, 2026, 3:10 PM CST". */
export function formatInstant(iso: string | null | undefined, zone: string): string {
  if (!iso) return '—';
  const at = DateTime.fromISO(iso, { zone });
  if (!at.isValid) return iso;
  return `${at.toFormat('MMM d, yyyy, h:mm a')} ${zoneAbbreviation(at)}`;
}

/** A `YYYY-MM-DD` as "Thu, Dec 3, 2026". */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '—';
  const day = DateTime.fromISO(date, { zone: 'UTC' });
  return day.isValid ? day.toFormat('ccc, MMM d, yyyy') : date;
}

/** A span in plain words, largest two units: "3 d 4 h", "3 h 10 min", "12 min", "less than a minute". */
export function formatSpan(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  if (minutes < 1) return 'less than a minute';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return mins > 0 ? `${hours} h ${mins} min` : `${hours} h`;
  return `${mins} min`;
}

/** "due in 3 h 10 min" or "overdue by 2 h", from the deadline and now. */
export function describeDeadline(dueAt: string, now: Date): string {
  const ms = new Date(dueAt).getTime() - now.getTime();
  return ms >= 0 ? `due in ${formatSpan(ms)}` : `overdue by ${formatSpan(ms)}`;
}

/**
 * A wall-clock time typed in a `datetime-local` field ("2026-03-08T02:30"), read in the court's
 * zone, as an ISO instant with its offset; null when empty or invalid. A time skipped by a DST
 * change moves forward, as luxon does.
 */
export function wallTimeToIso(wall: string, zone: string): string | null {
  if (!wall) return null;
  const at = DateTime.fromISO(wall, { zone });
  return at.isValid ? at.toISO({ suppressMilliseconds: true }) : null;
}

/** The value for a `datetime-local` field showing an instant in the court's zone. */
export function isoToWallTime(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** The zone's short name now ("CST") with its IANA name, for labels: "CST, America/Chicago". */
export function zoneLabel(zone: string, at: Date = new Date()): string {
  return `${zoneAbbreviation(DateTime.fromJSDate(at, { zone }))}, ${zone}`;
}

/** Today in the zone, `YYYY-MM-DD`. */
export function todayIn(zone: string, at: Date = new Date()): string {
  return DateTime.fromJSDate(at, { zone }).toISODate() ?? '';
}

/** "CST", or the offset ("+05:30") where the zone has no abbreviation in English. */
function zoneAbbreviation(at: DateTime): string {
  const name: string | null = at.offsetNameShort;
  return name && !/^GMT[+-]/.test(name) ? name : at.toFormat('ZZ');
}
