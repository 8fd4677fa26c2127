import { stringify } from 'csv-stringify/sync';
import type { ComplianceSummary } from './compliance.service.js';

export const CSV_COLUMNS = [
  'court_id',
  'from',
  'to',
  'agency_id',
  'agency',
  'episodes',
  'obligation_type',
  'total',
  'on_time',
  'late',
  'overdue',
  'open',
  'waived',
  'median_hours_to_law_enforcement_report',
  'median_hours_to_ncmec_report',
] as const;

/** A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR) is quoted with a leading apostrophe (OWASP CSV injection). */
function inert(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * The compliance summary as CSV (RFC 4180, via csv-stringify): one row per
 * agency and obligation type, the agency's episode count and medians repeated
 * on each of its rows so every row stands alone in a spreadsheet.
 */
export function complianceCsv(summary: ComplianceSummary): string {
  const rows: Array<Array<string | number | null>> = [];
  for (const agency of summary.agencies) {
    for (const [type, counts] of Object.entries(agency.byType)) {
      if (!counts) continue;
      rows.push([
        summary.courtId,
        summary.from,
        summary.to,
        agency.agencyId,
        inert(agency.name),
        agency.episodes,
        type,
        counts.total,
        counts.onTime,
        counts.late,
        counts.overdue,
        counts.open,
        counts.total - counts.onTime - counts.late - counts.overdue - counts.open,
        agency.medianHoursToLawEnforcementReport,
        agency.medianHoursToNcmecReport,
      ]);
    }
  }
  return stringify(rows, { header: true, columns: [...CSV_COLUMNS], record_delimiter: 'windows', cast: { number: (n) => String(n) } });
}
