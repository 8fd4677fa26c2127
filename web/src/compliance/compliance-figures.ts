import { DateTime } from 'luxon';
import type { AgencyCompliance, ComplianceCounts, ComplianceSummary, ObligationType } from '../api/views';

/**
 * The share of the duties that came due (done on time, done late, or overdue now) that were done
 * on time, 0–100; null when none came due. Open duties not yet due and waived ones do not count.
 */
export function onTimeRate(counts: Pick<ComplianceCounts, 'onTime' | 'late' | 'overdue'>): number | null {
  const due = counts.onTime + counts.late + counts.overdue;
  return due === 0 ? null : Math.round((counts.onTime / due) * 1000) / 10;
}

/** The court's overdue duties by type, across its agencies, in the order the types are given. */
export function overdueByType(agencies: AgencyCompliance[], types: readonly ObligationType[]): { type: ObligationType; overdue: number }[] {
  return types.map((type) => ({ type, overdue: agencies.reduce((sum, agency) => sum + (agency.byType[type]?.overdue ?? 0), 0) }));
}

/** Every agency's counts added up: the court as a whole. */
export function courtTotals(summary: Pick<ComplianceSummary, 'agencies'>): ComplianceCounts {
  const zero: ComplianceCounts = { total: 0, onTime: 0, late: 0, overdue: 0, open: 0, waived: 0 };
  return summary.agencies.reduce(
    (sum, { obligations: o }) => ({
      total: sum.total + o.total,
      onTime: sum.onTime + o.onTime,
      late: sum.late + o.late,
      overdue: sum.overdue + o.overdue,
      open: sum.open + o.open,
      waived: sum.waived + o.waived,
    }),
    zero,
  );
}

export interface Month {
  /** `YYYY-MM` */
  month: string;
  /** "Mar 2026" */
  label: string;
  from: string;
  to: string;
}

/** The last `count` calendar months up to today in the court's zone, oldest first; the current one ends today. */
export function lastMonths(today: string, count: number): Month[] {
  const day = DateTime.fromISO(today, { zone: 'UTC' });
  return Array.from({ length: count }, (_, i) => {
    const start = day.startOf('month').minus({ months: count - 1 - i });
    const end = i === count - 1 ? day : start.endOf('month');
    return { month: start.toFormat('yyyy-MM'), label: start.toFormat('LLL yyyy'), from: start.toISODate()!, to: end.toISODate()! };
  });
}

/** A number of hours for people: "3.5 h", or "—" when there is none. */
export function formatHours(hours: number | null | undefined): string {
  return hours === null || hours === undefined ? '—' : `${Math.round(hours * 10) / 10} h`;
}

export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${rate}%`;
}
