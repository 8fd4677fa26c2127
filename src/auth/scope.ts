import type { SqlParams } from '../common/database/sql.js';
import type { Principal } from './principal.js';

/** Moved to common; re-exported for the callers that still import it from here. */
export { SqlParams } from '../common/database/sql.js';

/*
 * Tenant scope as SQL conditions, applied inside the query that loads a record,
 * so a forgotten check cannot leak a row: judges and clerks see their court;
 * agency users and systems see children currently or formerly placed with
 * their agency; admins see everything. A row outside scope is simply not
 * found (404).
 */

/** Children; `alias` has `id` and `court_id`. */
export function childScope(principal: Principal, alias: string, params: SqlParams): string {
  return childRecordScope(principal, `${alias}.id`, `${alias}.court_id`, params);
}

/**
 * Any record about a child (episode, obligation, evidence): given the SQL
 * expressions of its child id and court id, the same rule as for the child.
 */
export function childRecordScope(principal: Principal, childId: string, courtId: string, params: SqlParams): string {
  switch (principal.role) {
    case 'ADMIN':
      return 'TRUE';
    case 'JUDGE':
    case 'CLERK':
      return `${courtId} = ${params.add(principal.courtId)}`;
    case 'AGENCY':
      return `EXISTS (SELECT 1 FROM placements scope_p WHERE scope_p.child_id = ${childId} AND scope_p.agency_id = ${params.add(principal.agencyId)})`;
  }
}

/** Cases; `alias` has `id` and `court_id`. */
export function caseScope(principal: Principal, alias: string, params: SqlParams): string {
  return caseRecordScope(principal, `${alias}.id`, `${alias}.court_id`, params);
}

/** Any record of a case (an individual order): given the SQL expressions of its case id and court id. */
export function caseRecordScope(principal: Principal, caseId: string, courtId: string, params: SqlParams): string {
  if (principal.role === 'AGENCY') {
    return `EXISTS (SELECT 1 FROM placements scope_p WHERE scope_p.case_id = ${caseId} AND scope_p.agency_id = ${params.add(principal.agencyId)})`;
  }
  return childRecordScope(principal, caseId, courtId, params);
}

/** Courts; `alias` has `id`. Agencies see the courts where they have (had) children placed. */
export function courtScope(principal: Principal, alias: string, params: SqlParams): string {
  return courtRecordScope(principal, `${alias}.id`, params);
}

/** Any record of a court (a court's template, a standing order): given the SQL expression of its court id. */
export function courtRecordScope(principal: Principal, courtId: string, params: SqlParams): string {
  switch (principal.role) {
    case 'ADMIN':
      return 'TRUE';
    case 'JUDGE':
    case 'CLERK':
      return `${courtId} = ${params.add(principal.courtId)}`;
    case 'AGENCY':
      return `EXISTS (SELECT 1 FROM placements scope_p JOIN children scope_c ON scope_c.id = scope_p.child_id
                      WHERE scope_c.court_id = ${courtId} AND scope_p.agency_id = ${params.add(principal.agencyId)})`;
  }
}

/** Whether a judge or clerk belongs to the court (admins belong everywhere). */
export function actsForCourt(principal: Principal, courtId: string): boolean {
  return principal.role === 'ADMIN' || ((principal.role === 'JUDGE' || principal.role === 'CLERK') && principal.courtId === courtId);
}
