import { buildAgencyCompliance, medianHours, type HistogramRow } from './compliance-summary.js';

const LE = 'LAW_ENFORCEMENT_REPORT' as const;
const NCMEC = 'NCMEC_REPORT' as const;

describe('medianHours', () => {
  it('is the middle value of an odd count, in hours, from tenths of an hour', () => {
    const rows: HistogramRow[] = [
      { agency_id: 'a', type: LE, tenths: 20, n: 1 },
      { agency_id: 'a', type: LE, tenths: 35, n: 1 },
      { agency_id: 'a', type: LE, tenths: 240, n: 1 },
    ];
    expect(medianHours(rows)).toEqual([{ agency_id: 'a', type: LE, median_hours: 3.5 }]);
  });

  it('is the mean of the two middle values of an even count, like percentile_cont', () => {
    const rows: HistogramRow[] = [
      { agency_id: 'a', type: NCMEC, tenths: 60, n: 1 },
      { agency_id: 'a', type: NCMEC, tenths: 20, n: 1 },
    ];
    expect(medianHours(rows)).toEqual([{ agency_id: 'a', type: NCMEC, median_hours: 4 }]);
  });

  it('counts buckets with many reports, keeps agencies and types apart, and handles reports made before discovery', () => {
    const rows: HistogramRow[] = [
      { agency_id: 'a', type: LE, tenths: 10, n: 5 },
      { agency_id: 'a', type: LE, tenths: 100, n: 4 },
      { agency_id: null, type: LE, tenths: -5, n: 1 },
      { agency_id: 'a', type: NCMEC, tenths: 300, n: 2 },
    ];
    expect(medianHours(rows)).toEqual(
      expect.arrayContaining([
        { agency_id: 'a', type: LE, median_hours: 1 },
        { agency_id: null, type: LE, median_hours: -0.5 },
        { agency_id: 'a', type: NCMEC, median_hours: 30 },
      ]),
    );
  });
});

describe('buildAgencyCompliance', () => {
  it('folds counts per type into per-agency totals, with names and medians', () => {
    const report = buildAgencyCompliance(
      [
        { agency_id: 'a', type: LE, total: 3, on_time: 1, late: 1, overdue: 1, open: 0, waived: 0 },
        { agency_id: 'a', type: NCMEC, total: 3, on_time: 0, late: 0, overdue: 0, open: 2, waived: 1 },
        { agency_id: null, type: LE, total: 1, on_time: 0, late: 0, overdue: 1, open: 0, waived: 0 },
      ],
      [{ agency_id: 'a', type: LE, median_hours: 12.345 }],
      [
        { agency_id: 'a', episodes: 3 },
        { agency_id: null, episodes: 1 },
      ],
      new Map([['a', 'Agency A']]),
    );
    expect(report).toEqual([
      {
        agencyId: 'a',
        name: 'Agency A',
        episodes: 3,
        obligations: { total: 6, onTime: 1, late: 1, overdue: 1, open: 2, waived: 1 },
        byType: {
          LAW_ENFORCEMENT_REPORT: { total: 3, onTime: 1, late: 1, overdue: 1, open: 0 },
          NCMEC_REPORT: { total: 3, onTime: 0, late: 0, overdue: 0, open: 2 },
        },
        medianHoursToLawEnforcementReport: 12.35,
        medianHoursToNcmecReport: null,
      },
      {
        agencyId: null,
        name: 'No placement agency',
        episodes: 1,
        obligations: { total: 1, onTime: 0, late: 0, overdue: 1, open: 0, waived: 0 },
        byType: { LAW_ENFORCEMENT_REPORT: { total: 1, onTime: 0, late: 0, overdue: 1, open: 0 } },
        medianHoursToLawEnforcementReport: null,
        medianHoursToNcmecReport: null,
      },
    ]);
  });
});
