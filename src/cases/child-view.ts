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
