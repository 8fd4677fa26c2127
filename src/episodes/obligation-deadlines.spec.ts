import { DEFAULT_TERMS, type OrderTerms } from '../orders/order-terms.js';
import {
  addCalendarDays,
  ageAt,
  intakeObligations,
  majorityAt,
  ncicEntryDue,
  photoIsCurrent,
  preMajorityAt,
  recoveryObligations,
  statusUpdateDue,
} from './obligation-deadlines.js';

const CHICAGO = 'America/Chicago';
const at = (iso: string) => new Date(iso);
const iso = (d: Date) => d.toISOString();
const due = (list: ReturnType<typeof intakeObligations>, type: string) => iso(list.find((o) => o.type === type)!.dueAt);

describe('intakeObligations with the default (federal) terms', () => {
  const list = intakeObligations({
    discoveredAt: at('2026-03-01T22:15:00-06:00'),
    terms: DEFAULT_TERMS,
    timezone: CHICAGO,
    latestPhoto: null,
  });

  it('creates the five intake duties', () => {
    expect(list.map((o) => o.type)).toEqual(['LAW_ENFORCEMENT_REPORT', 'NCIC_ENTRY', 'NCMEC_REPORT', 'CURRENT_PHOTO', 'STATUS_UPDATE']);
  });

  it('dates LE and NCMEC 24 h after discovery, NCIC 2 h after the LE deadline, the photo with the LE report', () => {
    expect(due(list, 'LAW_ENFORCEMENT_REPORT')).toBe('2026-03-03T04:15:00.000Z');
    expect(due(list, 'NCMEC_REPORT')).toBe('2026-03-03T04:15:00.000Z');
    expect(due(list, 'NCIC_ENTRY')).toBe('2026-03-03T06:15:00.000Z');
    expect(due(list, 'CURRENT_PHOTO')).toBe('2026-03-03T04:15:00.000Z');
  });

  it('dates the first status update 30 calendar days later at the same local time (across the DST change)', () => {
    // 22:15 CST on March 1 -> 22:15 CDT on March 31 (one hour less elapsed)
    expect(due(list, 'STATUS_UPDATE')).toBe('2026-04-01T03:15:00.000Z');
  });
});

describe('an order’s terms', () => {
  const terms: OrderTerms = {
    ...DEFAULT_TERMS,
    lawEnforcementReportHours: 2,
    ncicEntryHours: 0.5,
    ncmecReportHours: 12.25,
    statusUpdateDays: 7,
  };
  const list = intakeObligations({
    discoveredAt: at('2026-05-10T12:00:00Z'),
    terms,
    timezone: CHICAGO,
    latestPhoto: null,
  });

  it('set the deadlines, fractional hours included', () => {
    expect(due(list, 'LAW_ENFORCEMENT_REPORT')).toBe('2026-05-10T14:00:00.000Z');
    expect(due(list, 'NCIC_ENTRY')).toBe('2026-05-10T14:30:00.000Z');
    expect(due(list, 'NCMEC_REPORT')).toBe('2026-05-11T00:15:00.000Z');
    expect(due(list, 'STATUS_UPDATE')).toBe('2026-05-17T12:00:00.000Z');
  });
});

describe('across daylight-saving changes in America/Chicago', () => {
  it('spring forward: discovered at 01:30 CST on 2026-03-08, 24 elapsed hours later is 02:30 CDT the next day', () => {
    const list = intakeObligations({
      discoveredAt: at('2026-03-08T01:30:00-06:00'),
      terms: DEFAULT_TERMS,
      timezone: CHICAGO,
      latestPhoto: null,
    });
    expect(due(list, 'LAW_ENFORCEMENT_REPORT')).toBe('2026-03-09T07:30:00.000Z'); // 02:30 CDT
    expect(due(list, 'NCIC_ENTRY')).toBe('2026-03-09T09:30:00.000Z');
    expect(due(list, 'STATUS_UPDATE')).toBe('2026-04-07T06:30:00.000Z'); // 01:30 CDT, 30 days later
  });

  it('fall back: discovered at the first 01:30 (CDT) on 2026-11-01, 24 elapsed hours later is 00:30 CST the next day', () => {
    const list = intakeObligations({
      discoveredAt: at('2026-11-01T01:30:00-05:00'),
      terms: DEFAULT_TERMS,
      timezone: CHICAGO,
      latestPhoto: null,
    });
    expect(due(list, 'LAW_ENFORCEMENT_REPORT')).toBe('2026-11-02T06:30:00.000Z'); // 00:30 CST
    expect(due(list, 'NCMEC_REPORT')).toBe('2026-11-02T06:30:00.000Z');
  });

  it('fall back: discovered at the second 01:30 (CST) on 2026-11-01', () => {
    const list = intakeObligations({
      discoveredAt: at('2026-11-01T01:30:00-06:00'),
      terms: DEFAULT_TERMS,
      timezone: CHICAGO,
      latestPhoto: null,
    });
    expect(due(list, 'LAW_ENFORCEMENT_REPORT')).toBe('2026-11-02T07:30:00.000Z'); // 01:30 CST
    expect(due(list, 'STATUS_UPDATE')).toBe('2026-12-01T07:30:00.000Z'); // 01:30 CST, 30 days later
  });
});

describe('CURRENT_PHOTO', () => {
  const discoveredAt = at('2026-09-01T12:00:00-05:00');

  it('is met at intake by a photo taken within photoMaxAgeDays', () => {
    const list = intakeObligations({
      discoveredAt,
      terms: DEFAULT_TERMS,
      timezone: CHICAGO,
      latestPhoto: { id: 'p1', takenAt: at('2026-04-01T12:00:00-05:00') },
    });
    expect(list.find((o) => o.type === 'CURRENT_PHOTO')!.satisfiedBy).toEqual({
      performedAt: at('2026-04-01T12:00:00-05:00'),
      photoId: 'p1',
    });
  });

  it('is not met by an older photo, nor by one taken after discovery', () => {
    const old = intakeObligations({
      discoveredAt,
      terms: DEFAULT_TERMS,
      timezone: CHICAGO,
      latestPhoto: { id: 'p1', takenAt: at('2026-03-01T12:00:00-06:00') },
    });
    expect(old.find((o) => o.type === 'CURRENT_PHOTO')!.satisfiedBy).toBeUndefined();
    expect(photoIsCurrent(at('2026-09-02T00:00:00Z'), discoveredAt, DEFAULT_TERMS, CHICAGO)).toBe(false);
  });

  it('counts the 180 days on the calendar: exactly 180 days before is still current', () => {
    expect(photoIsCurrent(addCalendarDays(discoveredAt, -180, CHICAGO), discoveredAt, DEFAULT_TERMS, CHICAGO)).toBe(true);
    expect(photoIsCurrent(new Date(addCalendarDays(discoveredAt, -180, CHICAGO).getTime() - 1), discoveredAt, DEFAULT_TERMS, CHICAGO)).toBe(
      false,
    );
  });
});

describe('recoveryObligations', () => {
  it('dates the four recovery duties from recoveredAt', () => {
    const list = recoveryObligations(at('2026-03-10T10:00:00Z'), DEFAULT_TERMS);
    expect(list.map((o) => [o.type, iso(o.dueAt)])).toEqual([
      ['RECOVERY_NOTIFICATION', '2026-03-11T10:00:00.000Z'],
      ['POST_RECOVERY_PHOTO', '2026-03-13T10:00:00.000Z'],
      ['SAFETY_ASSESSMENT', '2026-03-13T10:00:00.000Z'],
      ['RUN_DEBRIEF', '2026-03-17T10:00:00.000Z'],
    ]);
  });
});

describe('re-dating and recurrence', () => {
  it('NCIC is due ncicEntryHours after the LE report was actually made', () => {
    expect(iso(ncicEntryDue(at('2026-03-02T01:00:00Z'), DEFAULT_TERMS))).toBe('2026-03-02T03:00:00.000Z');
  });

  it('status updates recur every statusUpdateDays on the court’s calendar', () => {
    expect(iso(statusUpdateDue(at('2026-10-15T17:00:00Z'), DEFAULT_TERMS, CHICAGO))).toBe('2026-11-14T18:00:00.000Z');
  });
});

describe('age and majority', () => {
  it('counts whole years in the court’s time zone', () => {
    expect(ageAt('2005-03-02', at('2026-03-02T05:59:00Z'), CHICAGO)).toBe(20); // still March 1 in Chicago
    expect(ageAt('2005-03-02', at('2026-03-02T06:00:00Z'), CHICAGO)).toBe(21);
  });

  it('the pre-majority date is 30 days before the 18th birthday', () => {
    expect(iso(majorityAt('2009-06-15', CHICAGO))).toBe('2027-06-15T05:00:00.000Z');
    expect(iso(preMajorityAt('2009-06-15', CHICAGO))).toBe('2027-05-16T05:00:00.000Z');
    expect(iso(majorityAt('2008-02-29', CHICAGO))).toBe('2026-02-28T06:00:00.000Z');
  });
});
