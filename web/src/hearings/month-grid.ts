/**
 * The weeks of a month as rows of seven cells, Sunday first, with null for the days of the months
 * before and after. `days` are the month's days in order, from the 1st.
 */
export function monthGrid<T extends { date: string }>(days: readonly T[]): (T | null)[][] {
  if (days.length === 0) return [];
  // Noon UTC: the weekday of a calendar date, whatever the browser's zone.
  const lead = new Date(`${days[0].date}T12:00:00Z`).getUTCDay();
  const cells: (T | null)[] = [...Array.from({ length: lead }, () => null), ...days];
  while (cells.length % 7 !== 0) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, week) => cells.slice(week * 7, week * 7 + 7));
}
