import type { User } from '../api/views';
import { useAgencyNames, useCourts } from '../directory/queries';

/** Where a user belongs: their court (judges, clerks) or agency (caseworkers). */
export function useTenantName(): (user: Pick<User, 'courtId' | 'agencyId'>) => string {
  const courts = useCourts();
  const agencyName = useAgencyNames();
  return (user) => {
    if (user.courtId) return courts.data?.items.find((court) => court.id === user.courtId)?.name ?? 'Court';
    if (user.agencyId) return agencyName(user.agencyId);
    return '—';
  };
}
