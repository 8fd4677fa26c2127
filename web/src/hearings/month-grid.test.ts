import { describe, expect, it } from 'vitest';
import { monthGrid } from './month-grid';

const month = (first: string, length: number) =>
  Array.from({ length }, (_, i) => ({ date: new Date(Date.parse(`${first}T12:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10) }));

describe('the month grid of the hearing calendar', () => {
  it('starts on Sunday, padding the days before the 1st', () => {
    // December 2026 begins on a Tuesday.
    const weeks = monthGrid(month('2026-12-01', 31));
    expect(weeks[0].map((d) => d?.date ?? null)).toEqual([
      null,
      null,
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
    ]);
    expect(weeks).toHaveLength(5);
    expect(weeks[4].map((d) => d?.date ?? null)).toEqual([
      '2026-12-27',
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      null,
      null,
    ]);
  });

  it('needs no padding for a February that starts on Sunday', () => {
    const weeks = monthGrid(month('2026-02-01', 28));
    expect(weeks).toHaveLength(4);
    expect(weeks.flat().every(Boolean)).toBe(true);
  });

  it('runs to six weeks when the month needs them', () => {
    // August 2026 begins on a Saturday and has 31 days.
    expect(monthGrid(month('2026-08-01', 31))).toHaveLength(6);
  });

  it('is empty for no days', () => {
    expect(monthGrid([])).toEqual([]);
  });
});
