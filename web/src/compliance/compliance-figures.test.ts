import { describe, expect, it } from 'vitest';
import type { AgencyCompliance } from '../api/views';
import { courtTotals, formatHours, lastMonths, onTimeRate, overdueByType } from './compliance-figures';

const agency = (overdue: number, onTime = 0): AgencyCompliance =>
  ({
    agencyId: null,
    name: 'A',
    episodes: 1,
    obligations: { total: overdue + onTime, onTime, late: 0, overdue, open: 0, waived: 0 },
    byType: { NCMEC_REPORT: { total: overdue, onTime: 0, late: 0, overdue, open: 0 } },
    medianHoursToLawEnforcementReport: null,
    medianHoursToNcmecReport: null,
  }) as unknown as AgencyCompliance;

describe('onTimeRate', () => {
  it('is the share of the duties that came due that were done on time, to a tenth of a percent', () => {
    expect(onTimeRate({ onTime: 2, late: 1, overdue: 0 })).toBe(66.7);
    expect(onTimeRate({ onTime: 0, late: 0, overdue: 3 })).toBe(0);
  });
  it('is null when nothing came due', () => {
    expect(onTimeRate({ onTime: 0, late: 0, overdue: 0 })).toBeNull();
  });
});

describe('overdueByType and courtTotals', () => {
  it('add the agencies up, a type missing from an agency counting 0', () => {
    expect(overdueByType([agency(2), agency(3)], ['NCMEC_REPORT', 'NCIC_ENTRY'])).toEqual([
      { type: 'NCMEC_REPORT', overdue: 5 },
      { type: 'NCIC_ENTRY', overdue: 0 },
    ]);
    expect(courtTotals({ agencies: [agency(2, 1), agency(3, 4)] })).toMatchObject({ total: 10, onTime: 5, overdue: 5 });
  });
});

describe('lastMonths', () => {
  it('gives whole calendar months, oldest first, the current one ending today, across a year end', () => {
    expect(lastMonths('2026-02-10', 3)).toEqual([
      { month: '2025-12', label: 'Dec 2025', from: '2025-12-01', to: '2025-12-31' },
      { month: '2026-01', label: 'Jan 2026', from: '2026-01-01', to: '2026-01-31' },
      { month: '2026-02', label: 'Feb 2026', from: '2026-02-01', to: '2026-02-10' },
    ]);
  });
  it('knows February of a leap year', () => {
    expect(lastMonths('2028-03-01', 2)[0]).toMatchObject({ from: '2028-02-01', to: '2028-02-29' });
  });
});

describe('formatHours', () => {
  it('rounds to a tenth and says — for none', () => {
    expect(formatHours(3.46)).toBe('3.5 h');
    expect(formatHours(null)).toBe('—');
  });
});
