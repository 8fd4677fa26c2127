import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CountRow, HistogramRow } from './compliance-summary.js';

/**
 * The compliance rollups: counts per court, agency, day of discovery (in the
 * court's time zone) and obligation type, and a histogram of report times in
 * tenths of an hour. Statement-level triggers on obligations keep them
 * (migration ComplianceRollup), so a summary never scans the obligations.
 */
@Injectable()
export class ComplianceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  counts(courtId: string, from: string, to: string): Promise<CountRow[]> {
    return this.dataSource.query(
      `SELECT agency_id, type, sum(total)::int AS total, sum(on_time)::int AS on_time, sum(late)::int AS late,
              sum(overdue)::int AS overdue, sum(open)::int AS open, sum(waived)::int AS waived
         FROM compliance_daily
        WHERE court_id = $1 AND day BETWEEN $2::date AND $3::date
        GROUP BY agency_id, type`,
      [courtId, from, to],
    ) as Promise<CountRow[]>;
  }

  reportHours(courtId: string, from: string, to: string): Promise<HistogramRow[]> {
    return this.dataSource.query(
      `SELECT agency_id, type, tenths, sum(n)::int AS n
         FROM compliance_report_hours
        WHERE court_id = $1 AND day BETWEEN $2::date AND $3::date
        GROUP BY agency_id, type, tenths
       HAVING sum(n) > 0`,
      [courtId, from, to],
    ) as Promise<HistogramRow[]>;
  }
}
