import type { Principal } from '../auth/principal.js';
import type { SqlParams } from '../auth/scope.js';

/**
 * Orders the caller may see, as a SQL condition on `alias` (an orders row),
 * applied inside the query that loads them. Judges and clerks: their court's
 * orders, drafts included. Agencies: signed orders that bind them, never
 * drafts: individual orders in cases where they have (had) the child, and
 * standing orders of courts where they place children that bind them.
 * Admins: everything.
 */
export function orderScope(principal: Principal, alias: string, params: SqlParams): string {
  switch (principal.role) {
    case 'ADMIN':
      return 'TRUE';
    case 'JUDGE':
    case 'CLERK':
      return `${alias}.court_id = ${params.add(principal.courtId)}`;
    case 'AGENCY': {
      const agency = params.add(principal.agencyId);
      return `(${alias}.status <> 'DRAFT' AND (
        (${alias}.kind = 'INDIVIDUAL' AND EXISTS (SELECT 1 FROM placements scope_p WHERE scope_p.case_id = ${alias}.case_id AND scope_p.agency_id = ${agency}))
        OR (${alias}.kind = 'STANDING' AND (${alias}.agency_ids IS NULL OR ${agency} = ANY (${alias}.agency_ids))
            AND EXISTS (SELECT 1 FROM placements scope_p JOIN children scope_c ON scope_c.id = scope_p.child_id
                         WHERE scope_c.court_id = ${alias}.court_id AND scope_p.agency_id = ${agency}))))`;
    }
  }
}
