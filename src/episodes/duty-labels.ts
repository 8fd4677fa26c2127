import type { ObligationType } from './obligation-types.js';

/** Each duty as a sentence says it: in messages, orders to show cause and report packets. */
export const DUTY_LABELS: Record<ObligationType, string> = {
  LAW_ENFORCEMENT_REPORT: 'Report the child missing to law enforcement',
  NCIC_ENTRY: 'Confirm the NCIC Missing Person File entry',
  NCMEC_REPORT: 'Report the child to NCMEC',
  CURRENT_PHOTO: 'Provide a current photograph of the child',
  STATUS_UPDATE: 'File a status update on the efforts to locate the child',
  RECOVERY_NOTIFICATION: 'Notify law enforcement and NCMEC of the recovery',
  POST_RECOVERY_PHOTO: 'Take an updated photograph after recovery',
  SAFETY_ASSESSMENT: 'Complete the safety assessment and trafficking screen',
  RUN_DEBRIEF: 'Debrief the child on the factors that led to the absence',
};

export function dutyLabel(type: string): string {
  return DUTY_LABELS[type as ObligationType] ?? type;
}
