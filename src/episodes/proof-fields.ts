import type { AcceptedType } from '../storage/content-type.js';
import { ValidationFailed, type FieldError } from '../common/errors/domain-error.js';
import type { ObligationType } from './obligation-types.js';

/** The fields of a proof besides its file (a subset of EvidenceDto). */
export interface ProofInput {
  performedAt?: string;
  lawEnforcementAgency?: string;
  reportNumber?: string;
  officerName?: string;
  ncicNumber?: string;
  ncmecCaseNumber?: string;
  notes?: string;
  traffickingConcern?: boolean;
  factors?: string[];
  lawEnforcementNotifiedAt?: string;
  ncmecNotifiedAt?: string;
}

type Field = Exclude<keyof ProofInput, 'performedAt'>;

interface ProofRule {
  required: Field[];
  optional: Field[];
  /** performedAt is given by the agency, or derived (RECOVERY_NOTIFICATION: the later of the two notices). */
  performedAt: 'required' | 'derived';
  file: 'none' | 'optional' | 'required';
  fileTypes: AcceptedType[];
}

const DOCUMENT: AcceptedType[] = ['application/pdf', 'image/jpeg', 'image/png'];
const PHOTO: AcceptedType[] = ['image/jpeg', 'image/png'];

/** API.md: the proof fields of each obligation type. */
export const PROOF_RULES: Record<ObligationType, ProofRule> = {
  LAW_ENFORCEMENT_REPORT: {
    required: ['lawEnforcementAgency', 'reportNumber'],
    optional: ['officerName'],
    performedAt: 'required',
    file: 'optional',
    fileTypes: DOCUMENT,
  },
  NCIC_ENTRY: {
    required: ['ncicNumber'],
    optional: [],
    performedAt: 'required',
    file: 'optional',
    fileTypes: DOCUMENT,
  },
  NCMEC_REPORT: {
    required: ['ncmecCaseNumber'],
    optional: [],
    performedAt: 'required',
    file: 'optional',
    fileTypes: DOCUMENT,
  },
  CURRENT_PHOTO: {
    required: [],
    optional: [],
    performedAt: 'required',
    file: 'required',
    fileTypes: PHOTO,
  },
  POST_RECOVERY_PHOTO: {
    required: [],
    optional: [],
    performedAt: 'required',
    file: 'required',
    fileTypes: PHOTO,
  },
  STATUS_UPDATE: {
    required: ['notes'],
    optional: [],
    performedAt: 'required',
    file: 'optional',
    fileTypes: DOCUMENT,
  },
  RECOVERY_NOTIFICATION: {
    required: ['lawEnforcementNotifiedAt', 'ncmecNotifiedAt'],
    optional: [],
    performedAt: 'derived',
    file: 'none',
    fileTypes: [],
  },
  SAFETY_ASSESSMENT: {
    required: ['traffickingConcern'],
    optional: [],
    performedAt: 'required',
    file: 'required',
    fileTypes: ['application/pdf'],
  },
  RUN_DEBRIEF: {
    required: ['factors'],
    optional: ['notes'],
    performedAt: 'required',
    file: 'none',
    fileTypes: [],
  },
};

export interface CheckedProof {
  performedAt: Date;
  /** What is stored with the proof: the type's fields only. */
  fields: Partial<Record<Field, unknown>>;
}

/**
 * Checks a proof against its obligation type: required fields present, no
 * field of another type, the file present or absent as the type says. Field
 * formats were checked by the DTO; times against the episode by the service.
 */
export function checkProof(type: ObligationType, input: ProofInput, hasFile: boolean): CheckedProof {
  const rule = PROOF_RULES[type];
  const errors: FieldError[] = [];
  const allowed = new Set<string>([...rule.required, ...rule.optional]);
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined || key === 'performedAt' || key === 'file') continue;
    if (!allowed.has(key)) errors.push({ field: key, message: `is not part of a ${type} proof` });
  }
  for (const key of rule.required) {
    if (input[key] === undefined || input[key] === null) errors.push({ field: key, message: `is required for a ${type} proof` });
  }
  if (rule.performedAt === 'required' && !input.performedAt)
    errors.push({
      field: 'performedAt',
      message: `is required for a ${type} proof`,
    });
  if (rule.performedAt === 'derived' && input.performedAt) {
    errors.push({
      field: 'performedAt',
      message: 'is the later of lawEnforcementNotifiedAt and ncmecNotifiedAt; do not send it',
    });
  }
  if (rule.file === 'required' && !hasFile) errors.push({ field: 'file', message: `is required for a ${type} proof` });
  if (rule.file === 'none' && hasFile) errors.push({ field: 'file', message: `is not part of a ${type} proof` });
  if (type === 'RUN_DEBRIEF' && Array.isArray(input.factors) && input.factors.length === 0)
    errors.push({ field: 'factors', message: 'must name at least one factor' });
  if (errors.length) throw new ValidationFailed(errors);

  const fields: Partial<Record<Field, unknown>> = {};
  for (const key of allowed) if (input[key as Field] !== undefined) fields[key as Field] = input[key as Field];
  const performedAt =
    rule.performedAt === 'derived'
      ? new Date(Math.max(Date.parse(input.lawEnforcementNotifiedAt as string), Date.parse(input.ncmecNotifiedAt as string)))
      : new Date(input.performedAt as string);
  if (rule.performedAt === 'derived') {
    fields.lawEnforcementNotifiedAt = new Date(input.lawEnforcementNotifiedAt as string).toISOString();
    fields.ncmecNotifiedAt = new Date(input.ncmecNotifiedAt as string).toISOString();
  }
  return { performedAt, fields };
}
