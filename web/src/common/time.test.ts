import { describe, expect, it } from 'vitest';
import { describeDeadline, formatInstant, formatSpan, isoToWallTime, wallTimeToIso, zoneLabel } from './time';

describe('deadline countdowns', () => {
  const now = new Date('2026-03-01T12:00:00Z');

  it('says how long is left, largest two units', () => {
    expect(describeDeadline('2026-03-01T15:10:00Z', now)).toBe('due in 3 h 10 min');
    expect(describeDeadline('2026-03-02T11:00:00Z', now)).toBe('due in 23 h');
    expect(describeDeadline('2026-03-04T16:30:00Z', now)).toBe('due in 3 d 4 h');
    expect(describeDeadline('2026-03-01T12:00:30Z', now)).toBe('due in less than a minute');
  });

  it('says how long ago a deadline passed', () => {
    expect(describeDeadline('2026-03-01T10:00:00Z', now)).toBe('overdue by 2 h');
    expect(describeDeadline('2026-03-01T11:48:00Z', now)).toBe('overdue by 12 min');
  });

  it('rounds down to whole minutes', () => {
    expect(formatSpan(59_999)).toBe('less than a minute');
    expect(formatSpan(3_599_999)).toBe('59 min');
    expect(formatSpan(86_400_000)).toBe('1 d');
  });
});

describe('times in the court’s zone', () => {
  it('names the zone, standard and daylight time', () => {
    expect(formatInstant('2026-01-15T18:30:00Z', 'America/Chicago')).toBe('Jan 15, 2026, 12:30 PM CST');
    expect(formatInstant('2026-07-15T18:30:00Z', 'America/Chicago')).toBe('Jul 15, 2026, 1:30 PM CDT');
    expect(formatInstant(null, 'America/Chicago')).toBe('—');
  });

  it('reads a typed wall-clock time in the court’s zone, across the DST change', () => {
    expect(wallTimeToIso('2026-03-07T23:30', 'America/Chicago')).toBe('2026-03-07T23:30:00-06:00');
    expect(wallTimeToIso('2026-03-08T03:30', 'America/Chicago')).toBe('2026-03-08T03:30:00-05:00');
    // 2:30 a.m. does not exist that night: luxon moves it forward an hour.
    expect(wallTimeToIso('2026-03-08T02:30', 'America/Chicago')).toBe('2026-03-08T03:30:00-05:00');
    expect(wallTimeToIso('', 'America/Chicago')).toBeNull();
    expect(wallTimeToIso('not a time', 'America/Chicago')).toBeNull();
  });

  it('shows an instant back as the wall-clock time of the zone', () => {
    expect(isoToWallTime('2026-11-01T06:30:00Z', 'America/Chicago')).toBe('2026-11-01T01:30');
    expect(isoToWallTime('2026-11-01T07:30:00Z', 'America/Chicago')).toBe('2026-11-01T01:30');
  });

  it('labels a zone by its abbreviation and name', () => {
    expect(zoneLabel('America/Chicago', new Date('2026-01-15T00:00:00Z'))).toBe('CST, America/Chicago');
    expect(zoneLabel('America/Los_Angeles', new Date('2026-07-15T00:00:00Z'))).toBe('PDT, America/Los_Angeles');
  });
});
