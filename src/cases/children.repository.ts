import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { childScope } from '../auth/scope.js';
import { FastQuery } from '../common/database/fast-query.js';
import { SqlParams } from '../common/database/sql.js';
import type { ChildView } from './child-view.js';
import { Child } from './entities/child.entity.js';
import type { PlacementType } from './entities/placement.entity.js';

/** The fields of a child that can be changed, by their entity names. */
export type ChildChanges = Partial<
  Pick<
    Child,
    | 'firstName'
    | 'middleName'
    | 'lastName'
    | 'dateOfBirth'
    | 'sex'
    | 'heightInches'
    | 'weightPounds'
    | 'hairColor'
    | 'eyeColor'
    | 'identifyingMarks'
    | 'wearsGlasses'
    | 'hasBraces'
    | 'riskFactors'
  >
>;

export interface ChildRow {
  id: string;
  case_id: string;
  court_id: string;
  first_name: string;
  middle_name: string | null;
  last_name: string;
  date_of_birth: string;
  sex: string | null;
  height_inches: number | null;
  weight_pounds: number | null;
  hair_color: string | null;
  eye_color: string | null;
  identifying_marks: string[];
  wears_glasses: boolean | null;
  has_braces: boolean | null;
  risk_factors: string[];
  updated_at: Date;
  p_id: string | null;
  p_agency_id: string | null;
  p_type: PlacementType | null;
  p_started_at: Date | null;
  p_caseworker_name: string | null;
  p_caseworker_email: string | null;
  photo_id: string | null;
  photo_taken_at: Date | null;
}

/** A child with its current placement (`p_*`) and newest photo (`photo_*`), from `children c` and CHILD_JOINS. */
export const CHILD_COLUMNS = `c.id, c.case_id, c.court_id, c.first_name, c.middle_name, c.last_name, c.date_of_birth, c.sex,
         c.height_inches, c.weight_pounds, c.hair_color, c.eye_color, c.identifying_marks, c.wears_glasses,
         c.has_braces, c.risk_factors, c.updated_at,
         cp.id AS p_id, cp.agency_id AS p_agency_id, cp.placement_type AS p_type, cp.started_at AS p_started_at,
         cp.caseworker_name AS p_caseworker_name, cp.caseworker_email AS p_caseworker_email,
         lp.id AS photo_id, lp.taken_at AS photo_taken_at`;
/** A child's current placement and newest photo, joined to `children c`. */
export const CHILD_JOINS = `LEFT JOIN placements cp ON cp.child_id = c.id AND cp.ended_at IS NULL
    LEFT JOIN LATERAL (SELECT ph.id, ph.taken_at FROM photos ph WHERE ph.child_id = c.id ORDER BY ph.taken_at DESC, ph.id LIMIT 1) lp ON TRUE`;

export function toChildView(row: ChildRow): ChildView {
  return {
    id: row.id,
    caseId: row.case_id,
    courtId: row.court_id,
    firstName: row.first_name,
    middleName: row.middle_name,
    lastName: row.last_name,
    dateOfBirth: row.date_of_birth,
    sex: row.sex,
    heightInches: row.height_inches,
    weightPounds: row.weight_pounds,
    hairColor: row.hair_color,
    eyeColor: row.eye_color,
    identifyingMarks: row.identifying_marks,
    wearsGlasses: row.wears_glasses,
    hasBraces: row.has_braces,
    riskFactors: row.risk_factors,
    currentPlacement: row.p_id
      ? {
          id: row.p_id,
          caseId: row.case_id,
          childId: row.id,
          agencyId: row.p_agency_id as string,
          placementType: row.p_type as PlacementType,
          startedAt: row.p_started_at as Date,
          endedAt: null,
          caseworkerName: row.p_caseworker_name,
          caseworkerEmail: row.p_caseworker_email,
        }
      : null,
    latestPhoto: row.photo_id ? { id: row.photo_id, takenAt: row.photo_taken_at as Date } : null,
    updatedAt: row.updated_at,
  };
}

/** The children table (a child's read comes with its current placement and newest photo, in one prepared statement). */
@Injectable()
export class ChildrenRepository {
  constructor(@Inject(FastQuery) private readonly fast: FastQuery) {}

  /** A child the principal may see, or null: the hot read (a named prepared statement on the pool). */
  async findScoped(principal: Principal, id: string): Promise<ChildView | null> {
    const params = new SqlParams();
    const rows = await this.fast.rows<ChildRow>(
      `SELECT ${CHILD_COLUMNS} FROM children c ${CHILD_JOINS} WHERE c.id = ${params.add(id)} AND ${childScope(principal, 'c', params)}`,
      params.values,
    );
    return rows[0] ? toChildView(rows[0]) : null;
  }

  async insert(manager: EntityManager, child: Omit<Child, 'createdAt' | 'updatedAt'>): Promise<void> {
    await manager.getRepository(Child).insert(child);
  }

  async update(manager: EntityManager, id: string, changes: ChildChanges): Promise<void> {
    await manager.getRepository(Child).update(id, { ...changes, updatedAt: () => 'now()' });
  }

  /** Holds the child's row until the transaction ends: one placement change per child at a time. */
  async lock(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(Child).findOne({ where: { id }, select: { id: true }, lock: { mode: 'pessimistic_write' } });
  }

  /** Birth dates (YYYY-MM-DD) by child id. */
  async birthDates(manager: EntityManager, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = (await manager.query(`SELECT id, date_of_birth FROM children WHERE id = ANY($1::uuid[])`, [ids])) as Array<{
      id: string;
      date_of_birth: string;
    }>;
    return new Map(rows.map((r) => [r.id, r.date_of_birth]));
  }
}
