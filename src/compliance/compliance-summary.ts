import { OBLIGATION_TYPES, type ObligationType } from '../episodes/obligation-types.js';

export interface TypeCounts {
  total: number;
  onTime: number;
  late: number;
  overdue: number;
  open: number;
}

export interface AgencyCompliance {
  agencyId: string | null;
  name: string;
  episodes: number;
  obligations: TypeCounts & { waived: number };
  byType: Partial<Record<ObligationType, TypeCounts>>;
  medianHoursToLawEnforcementReport: number | null;
  medianHoursToNcmecReport: number | null;
}

export interface CountRow {
  agency_id: string | null;
  type: ObligationType;
  total: number;
  on_time: number;
  late: number;
  overdue: number;
  open: number;
  waived: number;
}

export interface MedianRow {
  agency_id: string | null;
  type: ObligationType;
  median_hours: number | null;
}

/** How many reports took `tenths` tenths of an hour (rounded down) from discovery. */
export interface HistogramRow {
  agency_id: string | null;
  type: ObligationType;
  tenths: number;
  n: number;
}

/**
 * The median (as percentile_cont(0.5): the middle value, or the mean of the two
 * middle values) of each agency's and type's hours, from a histogram in tenths
 * of an hour: exact to six minutes.
 */
export function medianHours(rows: HistogramRow[]): MedianRow[] {
  const groups = new Map<string, { agency_id: string | null; type: ObligationType; buckets: Array<[number, number]> }>();
  for (const row of rows) {
    const key = `${row.agency_id ?? ''}|${row.type}`;
    const group = groups.get(key) ?? { agency_id: row.agency_id, type: row.type, buckets: [] };
    group.buckets.push([row.tenths, row.n]);
    groups.set(key, group);
  }
  const result: MedianRow[] = [];
  for (const group of groups.values()) {
    const buckets = group.buckets.sort((a, b) => a[0] - b[0]);
    const total = buckets.reduce((sum, [, n]) => sum + n, 0);
    if (total <= 0) continue;
    const valueAt = (index: number): number => {
      let seen = 0;
      for (const [tenths, n] of buckets) {
        seen += n;
        if (index < seen) return tenths / 10;
      }
      return buckets[buckets.length - 1][0] / 10;
    };
    const middle = (total - 1) / 2;
    result.push({
      agency_id: group.agency_id,
      type: group.type,
      median_hours: (valueAt(Math.floor(middle)) + valueAt(Math.ceil(middle))) / 2,
    });
  }
  return result;
}

const zero = (): TypeCounts => ({
  total: 0,
  onTime: 0,
  late: 0,
  overdue: 0,
  open: 0,
});
const round = (hours: number | null) => (hours === null ? null : Math.round(hours * 100) / 100);

/**
 * Folds per-agency, per-type counts into the report. Definitions: on time =
 * accepted proof performed by the due time; late = accepted proof performed
 * after it; overdue = past due with no proof accepted or awaiting review;
 * open = not yet due, or proof awaiting review; waived = excused by a judge.
 */
export function buildAgencyCompliance(
  counts: CountRow[],
  medians: MedianRow[],
  episodes: Array<{ agency_id: string | null; episodes: number }>,
  names: Map<string, string>,
): AgencyCompliance[] {
  const agencies = new Map<string | null, AgencyCompliance>();
  const agencyOf = (agencyId: string | null): AgencyCompliance => {
    let entry = agencies.get(agencyId);
    if (!entry) {
      entry = {
        agencyId,
        name: agencyId ? (names.get(agencyId) ?? 'Unknown agency') : 'No placement agency',
        episodes: 0,
        obligations: { ...zero(), waived: 0 },
        byType: {},
        medianHoursToLawEnforcementReport: null,
        medianHoursToNcmecReport: null,
      };
      agencies.set(agencyId, entry);
    }
    return entry;
  };
  for (const row of episodes) agencyOf(row.agency_id).episodes = row.episodes;
  for (const row of counts) {
    const entry = agencyOf(row.agency_id);
    const typeCounts = entry.byType[row.type] ?? zero();
    typeCounts.total += row.total;
    typeCounts.onTime += row.on_time;
    typeCounts.late += row.late;
    typeCounts.overdue += row.overdue;
    typeCounts.open += row.open;
    entry.byType[row.type] = typeCounts;
    entry.obligations.total += row.total;
    entry.obligations.onTime += row.on_time;
    entry.obligations.late += row.late;
    entry.obligations.overdue += row.overdue;
    entry.obligations.open += row.open;
    entry.obligations.waived += row.waived;
  }
  for (const row of medians) {
    const entry = agencyOf(row.agency_id);
    if (row.type === 'LAW_ENFORCEMENT_REPORT') entry.medianHoursToLawEnforcementReport = round(row.median_hours);
    if (row.type === 'NCMEC_REPORT') entry.medianHoursToNcmecReport = round(row.median_hours);
  }
  for (const entry of agencies.values()) {
    const ordered: Partial<Record<ObligationType, TypeCounts>> = {};
    for (const type of OBLIGATION_TYPES) if (entry.byType[type]) ordered[type] = entry.byType[type];
    entry.byType = ordered;
  }
  return [...agencies.values()].sort((a, b) => a.name.localeCompare(b.name));
}
