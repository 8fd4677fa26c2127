import { addCourtDays, closedBecause, isCourtDay, publicHolidays } from './court-calendar.js';

const TX = {
  timezone: 'America/Chicago',
  state: 'TX',
  closures: new Set<string>(),
};

describe('publicHolidays', () => {
  it('has the state holidays and their observed days, from the holiday library', () => {
    const days = publicHolidays('TX', 2026);
    expect(days.has('2026-11-26')).toBe(true); // Thanksgiving
    expect(days.has('2026-12-25')).toBe(true);
    expect(days.has('2026-07-03')).toBe(true); // Independence Day observed (the 4th is a Saturday)
    expect(days.has('2026-11-25')).toBe(false);
  });
});

describe('closedBecause', () => {
  it('names why a day is not a court day', () => {
    expect(closedBecause('2026-11-28', TX)).toBe('a weekend');
    expect(closedBecause('2026-11-26', TX)).toMatch(/public holiday \(Thanksgiving/);
    expect(closedBecause('2026-12-07', { ...TX, closures: new Set(['2026-12-07']) })).toBe('a court closure');
    expect(closedBecause('2026-11-24', TX)).toBeNull();
    expect(isCourtDay('2026-11-24', TX)).toBe(true);
  });
});

describe('addCourtDays', () => {
  const at = (iso: string) => new Date(iso);

  it('skips the weekend', () => {
    // Friday 2026-03-06 -> Mon 9, Tue 10, Wed 11
    expect(addCourtDays(at('2026-03-06T15:00:00-06:00'), 3, TX)).toBe('2026-03-11');
  });

  it('counts from the day in the court’s time zone, not UTC', () => {
    // 23:30 Friday in Chicago is already Saturday in UTC; the request day is still Friday.
    expect(addCourtDays(at('2026-03-07T05:30:00Z'), 1, TX)).toBe('2026-03-09');
    // 00:30 Saturday in Chicago: the next court day is Monday, the one after Tuesday.
    expect(addCourtDays(at('2026-03-07T06:30:00Z'), 2, TX)).toBe('2026-03-10');
  });

  it('skips Thanksgiving and the day after (Texas)', () => {
    // Tue 2026-11-24 -> Wed 25, (Thu 26, Fri 27 holidays, weekend), Mon 30, Tue Dec 1
    expect(addCourtDays(at('2026-11-24T10:00:00-06:00'), 3, TX)).toBe('2026-12-01');
  });

  it('skips New Year’s Day', () => {
    // Wed 2026-12-30 -> Thu 31, (Fri Jan 1 holiday, weekend), Mon 4, Tue 5
    expect(addCourtDays(at('2026-12-30T10:00:00-06:00'), 3, TX)).toBe('2027-01-05');
  });

  it('skips a court closure', () => {
    const closed = { ...TX, closures: new Set(['2026-03-10']) };
    expect(addCourtDays(at('2026-03-06T15:00:00-06:00'), 3, closed)).toBe('2026-03-12');
  });

  it('works across the spring and fall daylight-saving changes', () => {
    // Sat 2026-03-07, clocks spring forward Sun 2026-03-08 02:00 in Chicago
    expect(addCourtDays(at('2026-03-08T01:30:00-06:00'), 1, TX)).toBe('2026-03-09');
    expect(addCourtDays(at('2026-03-08T03:30:00-05:00'), 3, TX)).toBe('2026-03-11');
    // Clocks fall back Sun 2026-11-01 02:00; 01:30 happens twice
    expect(addCourtDays(at('2026-11-01T01:30:00-05:00'), 1, TX)).toBe('2026-11-02');
    expect(addCourtDays(at('2026-11-01T01:30:00-06:00'), 1, TX)).toBe('2026-11-02');
  });

  it('uses the court’s own state holidays', () => {
    // Cesar Chavez Day (March 31) is a state holiday in California, not in Texas.
    const CA = {
      timezone: 'America/Los_Angeles',
      state: 'CA',
      closures: new Set<string>(),
    };
    expect(addCourtDays(at('2026-03-30T10:00:00-07:00'), 1, CA)).toBe('2026-04-01');
    expect(addCourtDays(at('2026-03-30T10:00:00-05:00'), 1, TX)).toBe('2026-03-31');
  });

  it('refuses a negative count', () => {
    expect(() => addCourtDays(at('2026-03-06T15:00:00Z'), -1, TX)).toThrow(RangeError);
  });
});
