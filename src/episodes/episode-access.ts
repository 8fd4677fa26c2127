import type { Principal } from '../auth/principal.js';

/**
 * Whether an agency may act on an episode's duties: it is the agency the child
 * was placed with when the episode opened, or the one the child is placed with now.
 */
export function agencyActsFor(principal: Principal, episodeAgencyId: string | null, currentAgencyId: string | null): boolean {
  return principal.role !== 'AGENCY' || principal.agencyId === episodeAgencyId || principal.agencyId === currentAgencyId;
}
