import type { CaseType, ChildSex, ParticipantRole, PlacementType } from '../api/views';

export const CASE_TYPES: Record<CaseType, string> = { DEPENDENCY: 'Dependency', DELINQUENCY: 'Delinquency' };

export const SEXES: Record<ChildSex, string> = { F: 'Female', M: 'Male', X: 'X (nonbinary or unspecified)' };

export const PLACEMENT_TYPES: Record<PlacementType, string> = {
  FOSTER_HOME: 'Foster home',
  KINSHIP: 'Kinship',
  GROUP_HOME: 'Group home',
  RESIDENTIAL: 'Residential',
  DETENTION: 'Detention',
  OTHER: 'Other',
};

export const PARTICIPANT_ROLES: Record<ParticipantRole, string> = {
  GUARDIAN_AD_LITEM: 'Guardian ad litem',
  CHILD_ATTORNEY: 'Child’s attorney',
  PARENT_ATTORNEY: 'Parent’s attorney',
  CASA: 'CASA volunteer',
  PROBATION_OFFICER: 'Probation officer',
  CASEWORKER: 'Caseworker',
  OTHER: 'Other',
};
