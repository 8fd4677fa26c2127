import type { ObligationStatus, ObligationType } from '../api/views';

/** Each duty in plain words, with the law or guidance behind it. */
export const DUTIES: Record<ObligationType, { name: string; statute: string }> = {
  LAW_ENFORCEMENT_REPORT: {
    name: 'Report to law enforcement',
    statute: '42 U.S.C. § 671(a)(35)(B): immediately, and no later than 24 hours after learning the child is missing; the order, ¶ 1',
  },
  NCIC_ENTRY: { name: 'NCIC entry', statute: '34 U.S.C. §§ 41307–41308: entry within two hours of the report; the order, ¶ 3' },
  NCMEC_REPORT: { name: 'Report to NCMEC', statute: '42 U.S.C. § 671(a)(35)(B): within 24 hours; the order, ¶ 4' },
  CURRENT_PHOTO: { name: 'Current photo on file', statute: 'The order, ¶ 5: a current photograph, ready to send' },
  STATUS_UPDATE: { name: 'Status report to the court', statute: 'The order, ¶ 6: efforts to locate the child, while missing' },
  RECOVERY_NOTIFICATION: { name: 'Tell law enforcement and NCMEC of the recovery', statute: 'The order, ¶ 8' },
  POST_RECOVERY_PHOTO: { name: 'Photo after recovery', statute: 'The order, ¶ 8: new physical attributes documented' },
  SAFETY_ASSESSMENT: {
    name: 'Safety assessment and trafficking screening',
    statute: '42 U.S.C. § 671(a)(9)(C) (screening for sex trafficking); the order, ¶ 8',
  },
  RUN_DEBRIEF: {
    name: 'Debrief on why the child ran',
    statute: '42 U.S.C. § 671(a)(35)(A): the factors that led to the absence; the order, ¶ 8',
  },
};

export const STATUS_NAMES: Record<ObligationStatus, string> = {
  OPEN: 'Open',
  SUBMITTED: 'Proof awaiting review',
  SATISFIED: 'Done',
  OVERDUE: 'Overdue',
  WAIVED: 'Waived',
};

export function dutyName(type: ObligationType, sequence = 1): string {
  return type === 'STATUS_UPDATE' && sequence > 1 ? `${DUTIES[type].name} ${sequence}` : DUTIES[type].name;
}

export function childName(child: { firstName: string; lastName: string } | undefined): string {
  return child ? `${child.firstName} ${child.lastName}` : 'Child';
}
