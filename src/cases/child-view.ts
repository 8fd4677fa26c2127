import type { PlacementType } from './entities/placement.entity.js';

export interface PlacementView {
  id: string;
  caseId: string;
  childId: string;
  agencyId: string;
  placementType: PlacementType;
  startedAt: Date;
  endedAt: Date | null;
  caseworkerName: string | null;
  caseworkerEmail: string | null;
}

export interface ChildView {
  id: string;
  caseId: string;
  courtId: string;
  firstName: string;
  middleName: string | null;
  lastName: string;
  dateOfBirth: string;
  sex: string | null;
  heightInches: number | null;
  weightPounds: number | null;
  hairColor: string | null;
  eyeColor: string | null;
  identifyingMarks: string[];
  wearsGlasses: boolean | null;
  hasBraces: boolean | null;
  riskFactors: string[];
  currentPlacement: PlacementView | null;
  latestPhoto: { id: string; takenAt: Date } | null;
  updatedAt: Date;
}

/**
 * One query for a child with its current placement and newest photo; `c` is
 * the children alias the caller's WHERE uses.
 */
export const CHILD_SELECT = `
  SELECT c.id, c.case_id, c.court_id, c.first_name, c.middle_name, c.last_name, c.date_of_birth, c.sex,
         c.height_inches, c.weight_pounds, c.hair_color, c.eye_color, c.identifying_marks, c.wears_glasses,
         c.has_braces, c.risk_factors, c.updated_at,
         cp.id AS p_id, cp.agency_id AS p_agency_id, cp.placement_type AS p_type, cp.started_at AS p_started_at,
         cp.caseworker_name AS p_caseworker_name, cp.caseworker_email AS p_caseworker_email,
         lp.id AS photo_id, lp.taken_at AS photo_taken_at
    FROM children c
    LEFT JOIN placements cp ON cp.child_id = c.id AND cp.ended_at IS NULL
    LEFT JOIN LATERAL (SELECT ph.id, ph.taken_at FROM photos ph WHERE ph.child_id = c.id ORDER BY ph.taken_at DESC, ph.id LIMIT 1) lp ON TRUE`;

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
