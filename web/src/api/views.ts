/**
 * Answers of the service as the app reads them. The generated client (`schema.d.ts`) types the
 * requests; until every operation documents its answer these mirror the service's view types
 * (src/<feature>/*-view.ts), in JSON form (instants as ISO strings).
 */
export type Role = 'ADMIN' | 'JUDGE' | 'CLERK' | 'AGENCY';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  courtId: string | null;
  agencyId: string | null;
  disabled?: boolean;
  mfaEnabled?: boolean;
}

export interface Court {
  id: string;
  name: string;
  state: string;
  county: string;
  timezone: string;
}

export interface Closure {
  id: string;
  courtId: string;
  date: string;
  name: string;
}

export type AgencyKind = 'CHILD_WELFARE' | 'JUVENILE_JUSTICE' | 'PLACEMENT_PROVIDER';
export interface Agency {
  id: string;
  name: string;
  kind: AgencyKind;
  state: string;
}

export type PlacementType = 'FOSTER_HOME' | 'KINSHIP' | 'GROUP_HOME' | 'RESIDENTIAL' | 'DETENTION' | 'OTHER';
export interface Placement {
  id: string;
  caseId: string;
  childId: string;
  agencyId: string;
  placementType: PlacementType;
  startedAt: string;
  endedAt: string | null;
  caseworkerName: string | null;
  caseworkerEmail: string | null;
}

export interface Child {
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
  currentPlacement: Placement | null;
  latestPhoto: { id: string; takenAt: string } | null;
}

export interface Case {
  id: string;
  courtId: string;
  docketNumber: string;
  caseType: 'DEPENDENCY' | 'DELINQUENCY';
  judgeId: string;
  child: Child;
}

export type ObligationType =
  | 'LAW_ENFORCEMENT_REPORT'
  | 'NCIC_ENTRY'
  | 'NCMEC_REPORT'
  | 'CURRENT_PHOTO'
  | 'STATUS_UPDATE'
  | 'RECOVERY_NOTIFICATION'
  | 'POST_RECOVERY_PHOTO'
  | 'SAFETY_ASSESSMENT'
  | 'RUN_DEBRIEF';
export type ObligationStatus = 'OPEN' | 'SUBMITTED' | 'SATISFIED' | 'OVERDUE' | 'WAIVED';

export interface Terms {
  lawEnforcementReportHours: number;
  ncicEntryHours: number;
  ncmecReportHours: number;
  photoMaxAgeDays: number;
  statusUpdateDays: number;
  recoveryNotificationHours: number;
  postRecoveryPhotoHours: number;
  safetyAssessmentHours: number;
  runDebriefHours: number;
  hearingWithinCourtDays: number;
  requestHearingOnMissing: boolean;
  requestHearingOnNonCompliance: boolean;
  [term: string]: number | boolean;
}

export interface Obligation {
  id: string;
  episodeId: string;
  childId: string;
  courtId: string;
  agencyId: string | null;
  type: ObligationType;
  sequence: number;
  status: ObligationStatus;
  dueAt: string;
  orderId: string | null;
  performedAt: string | null;
  onTime: boolean | null;
  submittedAt: string | null;
  waiverReason: string | null;
}

export type HearingReason = 'CHILD_MISSING' | 'NON_COMPLIANCE' | 'CHILD_RECOVERED' | 'PRE_MAJORITY';
export interface HearingRequest {
  id: string;
  reason: HearingReason;
  episodeId: string;
  caseId: string;
  courtId: string;
  obligationId: string | null;
  status: 'QUEUED' | 'SCHEDULED' | 'CANCELLED';
  requestedAt: string;
  targetDate: string;
  scheduledFor: string | null;
  courtroom: string | null;
  cancelReason: string | null;
  docketSync: { status: 'NOT_CONFIGURED' | 'PENDING' | 'SYNCED' | 'FAILED'; attempts: number; lastError: string | null };
}

export interface Episode {
  id: string;
  childId: string;
  caseId: string;
  courtId: string;
  agencyId: string | null;
  status: 'MISSING' | 'RECOVERED';
  missingSince: string;
  discoveredAt: string;
  lastSeenLocation: string | null;
  circumstances: string | null;
  clothingDescription: string | null;
  companions: string[];
  childPhone: string | null;
  socialMedia: string[];
  orderId: string | null;
  terms: Terms;
  recoveredAt: string | null;
  recoveryLocation: string | null;
  obligations: Obligation[];
  hearingRequests: HearingRequest[];
}

export interface Evidence {
  id: string;
  obligationId: string;
  episodeId: string;
  type: ObligationType;
  status: 'SUBMITTED' | 'ACCEPTED' | 'REJECTED';
  performedAt: string;
  submittedAt: string;
  file: { sha256: string; contentType: string; byteSize: number } | null;
  photoId: string | null;
  reviewReason: string | null;
  [field: string]: unknown;
}

export type OrderKind = 'INDIVIDUAL' | 'STANDING' | 'SHOW_CAUSE' | 'CONTINUING_JURISDICTION';
export type OrderStatus = 'DRAFT' | 'SIGNED' | 'SUPERSEDED' | 'VACATED';
export interface Order {
  id: string;
  kind: OrderKind;
  status: OrderStatus;
  courtId: string;
  caseId: string | null;
  agencyIds: string[] | null;
  effectiveAt: string | null;
  terms: Terms;
  template: { id: string; key: string; version: number; courtId: string | null };
  orderNumber: string | null;
  verificationCode: string | null;
  sha256: string | null;
  signedAt: string | null;
  signedByName: string | null;
  vacateReason: string | null;
  createdAt: string;
}

export interface OrderTemplate {
  id?: string;
  key: string;
  kind: string;
  version: number;
  title: string;
  courtId: string | null;
}

export interface Verification {
  valid: boolean;
  orderNumber?: string;
  status?: OrderStatus;
  signedAt?: string;
  courtName?: string;
}

export interface ComplianceCounts {
  total: number;
  onTime: number;
  late: number;
  overdue: number;
  open: number;
  waived?: number;
}
export interface ComplianceSummary {
  courtId: string;
  from: string;
  to: string;
  agencies: {
    agencyId: string;
    name: string;
    episodes: number;
    obligations: ComplianceCounts;
    byType: Partial<Record<ObligationType, ComplianceCounts>>;
    medianHoursToLawEnforcementReport: number | null;
    medianHoursToNcmecReport: number | null;
  }[];
}

export interface DocketEvent {
  id: string;
  eventId?: string;
  type: string;
  status: string;
  attempts: number;
  lastError: string | null;
  hearingRequestId?: string | null;
  createdAt?: string;
}
