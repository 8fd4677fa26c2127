import type { ObligationType } from '../api/views';

export interface ProofField {
  name: string;
  label: string;
  kind: 'text' | 'textarea' | 'instant' | 'boolean' | 'list';
  required: boolean;
  hint?: string;
}

export interface ProofForm {
  fields: ProofField[];
  /** Whether the person gives `performedAt` (RECOVERY_NOTIFICATION derives it). */
  performedAt: string | null;
  file: 'none' | 'optional' | 'required';
  accept: string;
  /** Photos: offer the phone's camera. */
  photo: boolean;
}

const DOCUMENT = 'application/pdf,image/jpeg,image/png';
const PHOTO = 'image/jpeg,image/png';

/** The proof each duty asks for (API.md "proof fields"), as form fields. */
export const PROOF_FORMS: Record<ObligationType, ProofForm> = {
  LAW_ENFORCEMENT_REPORT: {
    fields: [
      { name: 'lawEnforcementAgency', label: 'Law-enforcement agency', kind: 'text', required: true },
      { name: 'reportNumber', label: 'Report number', kind: 'text', required: true },
      { name: 'officerName', label: 'Officer’s name', kind: 'text', required: false },
    ],
    performedAt: 'Reported at',
    file: 'optional',
    accept: DOCUMENT,
    photo: false,
  },
  NCIC_ENTRY: {
    fields: [{ name: 'ncicNumber', label: 'NCIC number', kind: 'text', required: true, hint: 'M and nine digits, e.g. M123456789' }],
    performedAt: 'Entered at',
    file: 'optional',
    accept: DOCUMENT,
    photo: false,
  },
  NCMEC_REPORT: {
    fields: [{ name: 'ncmecCaseNumber', label: 'NCMEC case number', kind: 'text', required: true }],
    performedAt: 'Reported at',
    file: 'optional',
    accept: DOCUMENT,
    photo: false,
  },
  CURRENT_PHOTO: { fields: [], performedAt: 'Photo taken at', file: 'required', accept: PHOTO, photo: true },
  POST_RECOVERY_PHOTO: { fields: [], performedAt: 'Photo taken at', file: 'required', accept: PHOTO, photo: true },
  STATUS_UPDATE: {
    fields: [{ name: 'notes', label: 'Efforts to locate the child', kind: 'textarea', required: true }],
    performedAt: 'As of',
    file: 'optional',
    accept: DOCUMENT,
    photo: false,
  },
  RECOVERY_NOTIFICATION: {
    fields: [
      { name: 'lawEnforcementNotifiedAt', label: 'Law enforcement told at', kind: 'instant', required: true },
      { name: 'ncmecNotifiedAt', label: 'NCMEC told at', kind: 'instant', required: true },
    ],
    performedAt: null,
    file: 'none',
    accept: '',
    photo: false,
  },
  SAFETY_ASSESSMENT: {
    fields: [{ name: 'traffickingConcern', label: 'The screening raised a concern of sex trafficking', kind: 'boolean', required: false }],
    performedAt: 'Assessed at',
    file: 'required',
    accept: 'application/pdf',
    photo: false,
  },
  RUN_DEBRIEF: {
    fields: [
      { name: 'factors', label: 'Why the child ran', kind: 'list', required: true, hint: 'One factor a line.' },
      { name: 'notes', label: 'Notes', kind: 'textarea', required: false },
    ],
    performedAt: 'Debriefed at',
    file: 'none',
    accept: '',
    photo: false,
  },
};
