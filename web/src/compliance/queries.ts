import { useQueries, useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../api/problem';
import type { Month } from './compliance-figures';
import { usePagedList } from '../common/usePagedList';

export interface Period {
  from?: string;
  to?: string;
}

export const complianceKeys = {
  summary: (period: Period) => ['compliance', 'summary', period] as const,
  photos: ['compliance', 'photos'] as const,
};

/** The court's compliance by agency over the period (the caller's court; default the last 365 days). */
export function useComplianceSummary(period: Period) {
  return useQuery({
    queryKey: complianceKeys.summary(period),
    queryFn: () => unwrap(api.GET('/api/v1/compliance/summary', { params: { query: period } })),
  });
}

/** One summary per month, for the trend. */
export function useMonthlySummaries(months: Month[]) {
  return useQueries({
    queries: months.map(({ from, to }) => ({
      queryKey: complianceKeys.summary({ from, to }),
      queryFn: () => unwrap(api.GET('/api/v1/compliance/summary', { params: { query: { from, to } } })),
      staleTime: 60_000,
    })),
  });
}

/** The caller's court's photo gaps, a page at a time. */
export function usePhotoGaps() {
  return usePagedList(complianceKeys.photos, (cursor) => unwrap(api.GET('/api/v1/compliance/photos', { params: { query: { cursor } } })));
}

/** The same summary as CSV, one row per agency and duty type (downloaded with the session cookie). */
export function summaryCsvPath(period: Period): string {
  const query = new URLSearchParams(Object.entries(period).filter((entry): entry is [string, string] => Boolean(entry[1])));
  const search = query.toString();
  return `/api/v1/compliance/summary.csv${search ? `?${search}` : ''}`;
}
