import { parse } from 'csv-parse/sync';
import { complianceCsv, CSV_COLUMNS } from './compliance-csv.js';

const summary = {
  courtId: 'c1',
  from: '2026-01-01',
  to: '2026-12-31',
  agencies: [
    {
      agencyId: 'a1',
      name: '=HYPERLINK("http://x.example","Agency, One")',
      episodes: 2,
      obligations: { total: 7, onTime: 3, late: 1, overdue: 1, open: 1, waived: 1 },
      byType: {
        LAW_ENFORCEMENT_REPORT: { total: 2, onTime: 1, late: 1, overdue: 0, open: 0 },
        NCMEC_REPORT: { total: 5, onTime: 2, late: 0, overdue: 1, open: 1 },
      },
      medianHoursToLawEnforcementReport: 12.5,
      medianHoursToNcmecReport: null,
    },
  ],
};

describe('complianceCsv', () => {
  it('has one row per agency and obligation type under the named columns, quoted as RFC 4180 asks', () => {
    const csv = complianceCsv(summary);
    expect(csv.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
    const rows = parse(csv, { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual({
      court_id: 'c1',
      from: '2026-01-01',
      to: '2026-12-31',
      agency_id: 'a1',
      agency: `'=HYPERLINK("http://x.example","Agency, One")`,
      episodes: '2',
      obligation_type: 'NCMEC_REPORT',
      total: '5',
      on_time: '2',
      late: '0',
      overdue: '1',
      open: '1',
      waived: '1',
      median_hours_to_law_enforcement_report: '12.5',
      median_hours_to_ncmec_report: '',
    });
  });
});
