import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../api/problem';

export const directoryKeys = {
  courts: ['courts'] as const,
  court: (id: string) => ['courts', id] as const,
  closures: (courtId: string) => ['courts', courtId, 'closures'] as const,
  judges: (courtId: string) => ['courts', courtId, 'judges'] as const,
  agencies: ['agencies'] as const,
};

/** Every court the caller may see (one court for judges and clerks; few for agencies). */
export function useCourts() {
  return useQuery({
    queryKey: directoryKeys.courts,
    queryFn: () => unwrap(api.GET('/api/v1/courts', { params: { query: { limit: 500 } } })),
    staleTime: 5 * 60_000,
  });
}

export function useCourt(id: string | null | undefined) {
  return useQuery({
    queryKey: directoryKeys.court(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/courts/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
    staleTime: 5 * 60_000,
  });
}

/** The court's time zone, or UTC until it is known. */
export function useCourtZone(courtId: string | null | undefined): string {
  return useCourt(courtId).data?.timezone ?? 'UTC';
}

/** Each court's time zone by id (UTC until known), for lists that span courts (an administrator's). */
export function useCourtZones(): (courtId: string) => string {
  const { data } = useCourts();
  return (courtId) => data?.items.find((court) => court.id === courtId)?.timezone ?? 'UTC';
}

export function useClosures(courtId: string | null | undefined) {
  return useQuery({
    queryKey: directoryKeys.closures(courtId ?? ''),
    // A court's closures over the years fit one page of 500.
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/courts/{id}/closures', { params: { path: { id: courtId! }, query: { limit: 500 } } }))).items,
    enabled: Boolean(courtId),
  });
}

/** The court's enabled judges by name, to assign a case to. */
export function useJudges(courtId: string | null | undefined) {
  return useQuery({
    queryKey: directoryKeys.judges(courtId ?? ''),
    queryFn: async () => (await unwrap(api.GET('/api/v1/courts/{id}/judges', { params: { path: { id: courtId! } } }))).items,
    enabled: Boolean(courtId),
  });
}

export function useAgencies() {
  return useQuery({
    queryKey: directoryKeys.agencies,
    queryFn: () => unwrap(api.GET('/api/v1/agencies', { params: { query: { limit: 500 } } })),
    staleTime: 5 * 60_000,
  });
}

/** Agency names by id, for tables. */
export function useAgencyNames(): (id: string | null | undefined) => string {
  const { data } = useAgencies();
  return (id) => data?.items.find((agency) => agency.id === id)?.name ?? (id ? 'Agency' : '—');
}
