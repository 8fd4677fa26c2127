import Holidays from 'date-holidays';
import { DateTime } from 'luxon';

/** What makes a day a court day: the court's time zone, its state's public holidays and its own closures. */
export interface CourtCalendarInput {
  timezone: string;
  /** Two-letter US state code; its public holidays (and their observed days) are not court days. */
  state: string;
  /** Extra closed days, `YYYY-MM-DD`. */
  closures: ReadonlySet<string>;
}

const holidayCache = new Map<string, Set<string>>();

/** The state's public holidays of a year as `YYYY-MM-DD`, observed (substitute) days included. */
export function publicHolidays(state: string, year: number): Set<string> {
  const key = `${state}:${year}`;
  let days = holidayCache.get(key);
  if (!days) {
    const calendar = new Holidays('US', state);
    days = new Set(
      (calendar.getHolidays(year) || []).filter((holiday) => holiday.type === 'public').map((holiday) => holiday.date.slice(0, 10)),
    );
    holidayCache.set(key, days);
  }
  return days;
}

/** Why a date is not a court day, or null when it is one. */
export function closedBecause(date: string, calendar: CourtCalendarInput): string | null {
  const day = DateTime.fromISO(date, { zone: calendar.timezone });
  if (!day.isValid) return 'not a real date';
  if (day.weekday === 6 || day.weekday === 7) return 'a weekend';
  if (publicHolidays(calendar.state, day.year).has(date)) {
    const name = new Holidays('US', calendar.state).isHoliday(day.set({ hour: 12 }).toJSDate());
    const holiday = Array.isArray(name) ? name.find((h) => h.type === 'public') : undefined;
    return holiday ? `a public holiday (${holiday.name})` : 'a public holiday';
  }
  if (calendar.closures.has(date)) return 'a court closure';
  return null;
}

export function isCourtDay(date: string, calendar: CourtCalendarInput): boolean {
  return closedBecause(date, calendar) === null;
}

/**
 * The `courtDays`-th court day after the day of `from` in the court's time zone
 * (that day itself not counted), as `YYYY-MM-DD`: a request made on a Friday
 * evening in Chicago with 3 court days is due the following Wednesday, later if
 * a holiday or closure falls in between.
 */
export function addCourtDays(from: Date, courtDays: number, calendar: CourtCalendarInput): string {
  if (!Number.isInteger(courtDays) || courtDays < 0) throw new RangeError('courtDays must be a whole number >= 0');
  let day = DateTime.fromJSDate(from, { zone: calendar.timezone }).startOf('day');
  let counted = 0;
  // A year of closures in a row would be a data error, not a calendar.
  for (let guard = 0; counted < courtDays; guard += 1) {
    if (guard > 366) throw new RangeError('no court day within a year');
    day = day.plus({ days: 1 });
    if (isCourtDay(day.toISODate() as string, calendar)) counted += 1;
  }
  return day.toISODate() as string;
}
