import { ICalCalendar, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { tzlib_get_ical_block } from 'timezones-ical-library';

/** How long a hearing is shown for: the court sets a time, not a length. */
export const HEARING_MINUTES = 60;

export const REASON_LABELS: Record<string, string> = {
  CHILD_MISSING: 'child missing from placement',
  NON_COMPLIANCE: 'agency compliance',
  CHILD_RECOVERED: 'child returned to care',
  PRE_MAJORITY: 'continuing jurisdiction before 18',
};

export interface CalendarEntry {
  id: string;
  docketNumber: string;
  reason: string;
  status: 'SCHEDULED' | 'CANCELLED' | string;
  scheduledFor: Date;
  courtroom: string | null;
  updatedAt: Date;
}

/**
 * The court's hearings as an iCalendar feed (RFC 5545) for the calendar a
 * judge or clerk already uses: each hearing an event in the court's time zone
 * (with its VTIMEZONE), "Hearing <docket number> (<reason>)" in the courtroom,
 * never a child's name; a cancelled one stays, STATUS:CANCELLED, so the
 * subscribed calendar removes it. SEQUENCE follows the last change, so a
 * rescheduled hearing replaces the earlier time.
 */
export function hearingCalendar(input: {
  courtName: string;
  timezone: string;
  host: string;
  link: (id: string) => string;
  entries: CalendarEntry[];
}): string {
  const calendar = new ICalCalendar({
    name: `${input.courtName}: hearings`,
    prodId: { company: 'cmfc-court', product: 'hearings', language: 'EN' },
    // The VTIMEZONE of every zone the events use; the calendar itself names none, so DTSTAMP stays in UTC as RFC 5545 asks.
    timezone: { name: null, generator: (zone) => (tzlib_get_ical_block(zone) as string[])[0] },
  });
  calendar.x([{ key: 'X-WR-TIMEZONE', value: input.timezone }]);
  for (const entry of input.entries) {
    const start = DateTime.fromJSDate(entry.scheduledFor).setZone(input.timezone);
    calendar.createEvent({
      id: `hearing-request-${entry.id}@${input.host}`,
      sequence: Math.floor(entry.updatedAt.getTime() / 1000),
      stamp: DateTime.fromJSDate(entry.updatedAt, { zone: 'utc' }),
      start,
      end: start.plus({ minutes: HEARING_MINUTES }),
      timezone: input.timezone,
      summary: `Hearing ${entry.docketNumber} (${REASON_LABELS[entry.reason] ?? entry.reason})`,
      location: entry.courtroom,
      url: input.link(entry.id),
      status: entry.status === 'CANCELLED' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
