import ICAL from 'ical.js';
import { hearingCalendar, type CalendarEntry } from './hearing-calendar.js';

const entry = (overrides: Partial<CalendarEntry>): CalendarEntry => ({
  id: '11111111-1111-4111-8111-111111111111',
  docketNumber: 'JV-2026-7',
  reason: 'CHILD_MISSING',
  status: 'SCHEDULED',
  scheduledFor: new Date('2027-03-12T15:00:00Z'),
  courtroom: 'Courtroom 3B',
  updatedAt: new Date('2027-03-01T12:00:00Z'),
  ...overrides,
});

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  // The feed's own VTIMEZONE defines the court's zone (no time zone database is assumed).
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return { calendar, events: calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}

describe('hearingCalendar', () => {
  const ics = hearingCalendar({
    courtName: 'Court A',
    timezone: 'America/Chicago',
    host: 'court.example',
    link: (id) => `https://court.example/hearing-requests/${id}`,
    entries: [
      // Before and after the change to daylight time on March 14, 2027.
      entry({}),
      entry({
        id: '22222222-2222-4222-8222-222222222222',
        scheduledFor: new Date('2027-03-15T14:00:00Z'),
        status: 'CANCELLED',
        reason: 'PRE_MAJORITY',
      }),
    ],
  });

  it('parses back as iCalendar with a VTIMEZONE for the court and a UTC DTSTAMP', () => {
    const { calendar, events } = parse(ics);
    expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('America/Chicago');
    expect(events).toHaveLength(2);
    expect(ics).toMatch(/\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
  });

  it('keeps the local time of day across the DST change (9:00 CST, then 9:00 CDT)', () => {
    const [before, after] = parse(ics).events;
    expect(before.startDate.zone?.tzid).toBe('America/Chicago');
    expect([before.startDate.hour, after.startDate.hour]).toEqual([9, 9]);
    expect(before.startDate.toJSDate().toISOString()).toBe('2027-03-12T15:00:00.000Z');
    expect(after.startDate.toJSDate().toISOString()).toBe('2027-03-15T14:00:00.000Z');
    expect(before.duration.toSeconds()).toBe(3600);
  });

  it('names the hearing by docket number and reason, in its courtroom, and marks a cancelled one', () => {
    const [scheduled, cancelled] = parse(ics).events;
    expect(scheduled.summary).toBe('Hearing JV-2026-7 (child missing from placement)');
    expect(scheduled.location).toBe('Courtroom 3B');
    expect(scheduled.uid).toBe('hearing-request-11111111-1111-4111-8111-111111111111@court.example');
    expect(scheduled.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(cancelled.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(cancelled.summary).toBe('Hearing JV-2026-7 (continuing jurisdiction before 18)');
  });
});
