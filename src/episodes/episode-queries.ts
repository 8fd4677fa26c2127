import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { childRecordScope, SqlParams } from '../auth/scope.js';
import { hearingRequestsFromJson, hearingRequestsJson } from '../hearings/hearing-requests.repository.js';
import {
  EPISODE_COLUMNS,
  EMBEDDED_OBLIGATION_COLUMNS,
  OBLIGATION_COLUMNS,
  toEpisodeView,
  toObligationView,
  type EpisodeRow,
  type EpisodeView,
  type ObligationRow,
} from './episode-view.js';

const TIMESTAMPS = [
  'due_at',
  'performed_at',
  'submitted_at',
  'overdue_at',
  'waived_at',
  'requested_at',
  'scheduled_for',
  'cancelled_at',
] as const;

/** json_agg renders timestamps as text; turn them back into instants so every answer prints them alike. */
function reviveTimestamps<T extends object>(row: T): T {
  const record = row as Record<string, unknown>;
  for (const key of TIMESTAMPS) {
    const value = record[key];
    if (typeof value === 'string') record[key] = new Date(value);
  }
  return row;
}

/**
 * An episode with its obligations and hearing requests in one round trip
 * (the episode page is the hottest read of the service), scoped to the caller.
 */
export type RunQuery = (text: string, values: unknown[]) => Promise<unknown[]>;

export async function loadEpisode(run: RunQuery, principal: Principal | null, id: string): Promise<EpisodeView | null> {
  const params = new SqlParams();
  const scope = principal ? childRecordScope(principal, 'e.child_id', 'e.court_id', params) : 'TRUE';
  const rows = (await run(
    `SELECT ${EPISODE_COLUMNS},
       (SELECT coalesce(json_agg(ob ORDER BY ob.due_at, ob.type, ob.sequence), '[]'::json)
          FROM (SELECT ${EMBEDDED_OBLIGATION_COLUMNS} FROM obligations o WHERE o.episode_id = e.id) ob) AS obligation_rows,
       ${hearingRequestsJson('e.id')} AS hearing_rows
       FROM episodes e WHERE e.id = ${params.add(id)} AND ${scope}`,
    params.values,
  )) as Array<
    EpisodeRow & {
      obligation_rows: ObligationRow[];
      hearing_rows: unknown[];
    }
  >;
  const row = rows[0];
  if (!row) return null;
  return toEpisodeView(
    row,
    row.obligation_rows.map((o) => toObligationView(reviveTimestamps(o))),
    hearingRequestsFromJson(row.hearing_rows),
  );
}

/** One obligation with what its checks need, scoped to the caller. */
export async function loadObligation(manager: EntityManager, principal: Principal, id: string, lock = false) {
  const params = new SqlParams();
  const rows = (await manager.query(
    `SELECT ${OBLIGATION_COLUMNS}, e.status AS episode_status, e.missing_since, e.recovered_at, e.case_id, e.agency_id AS episode_agency_id,
            cp.agency_id AS current_agency_id
       FROM obligations o
       JOIN episodes e ON e.id = o.episode_id
       LEFT JOIN placements cp ON cp.child_id = o.child_id AND cp.ended_at IS NULL
      WHERE o.id = ${params.add(id)} AND ${childRecordScope(principal, 'o.child_id', 'o.court_id', params)}
      ${lock ? 'FOR UPDATE OF o' : ''}`,
    params.values,
  )) as Array<
    ObligationRow & {
      episode_status: string;
      missing_since: Date;
      recovered_at: Date | null;
      case_id: string;
      episode_agency_id: string | null;
      current_agency_id: string | null;
    }
  >;
  return rows[0] ?? null;
}

/**
 * Whether an agency may act on an episode's duties: it is the agency the child
 * was placed with when the episode opened, or the one the child is placed with now.
 */
export function agencyActsFor(principal: Principal, episodeAgencyId: string | null, currentAgencyId: string | null): boolean {
  return principal.role !== 'AGENCY' || principal.agencyId === episodeAgencyId || principal.agencyId === currentAgencyId;
}
