import type { HearingReason } from '../api/views';

export const HEARING_REASONS: Record<HearingReason, string> = {
  CHILD_MISSING: 'Child missing',
  NON_COMPLIANCE: 'Duties overdue',
  CHILD_RECOVERED: 'Child recovered',
  PRE_MAJORITY: 'Turning 18 while missing',
};
