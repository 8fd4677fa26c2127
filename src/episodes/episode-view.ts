import type { HearingRequestView } from '../hearings/hearing-request-view.js';
import type { OrderTerms } from '../orders/order-terms.js';
import type { EpisodeStatus, ObligationStatus, ObligationType } from './obligation-types.js';

export interface ObligationView {
  id: string;
  episodeId: string;
  childId: string;
  courtId: string;
  agencyId: string | null;
  type: ObligationType;
  sequence: number;
  status: ObligationStatus;
  dueAt: Date;
  orderId: string | null;
  performedAt: Date | null;
  onTime: boolean | null;
  submittedAt: Date | null;
  overdueAt: Date | null;
  waivedAt: Date | null;
  waiverReason: string | null;
  /** The terms the obligation was derived from; on the episode (not repeated per obligation) in an episode's answer. */
  terms?: OrderTerms;
}

export interface EpisodeView {
  id: string;
  childId: string;
  caseId: string;
  courtId: string;
  agencyId: string | null;
  status: EpisodeStatus;
  missingSince: Date;
  discoveredAt: Date;
  lastSeenLocation: string | null;
  circumstances: string | null;
  clothingDescription: string | null;
  companions: string[];
  childPhone: string | null;
  socialMedia: string[];
  orderId: string | null;
  terms: OrderTerms;
  recoveredAt: Date | null;
  recoveryLocation: string | null;
  recoveryCircumstances: string | null;
  createdAt: Date;
  obligations: ObligationView[];
  hearingRequests: HearingRequestView[];
}

export const OBLIGATION_COLUMNS = `o.id, o.episode_id, o.child_id, o.court_id, o.agency_id, o.type, o.sequence, o.status, o.due_at, o.order_id,
  o.performed_at, o.on_time, o.submitted_at, o.overdue_at, o.waived_at, o.waiver_reason, o.terms`;

/** The same without the terms, for an episode's answer (they are the episode's terms). */
export const EMBEDDED_OBLIGATION_COLUMNS = OBLIGATION_COLUMNS.replace(', o.terms', '');

export interface ObligationRow {
  id: string;
  episode_id: string;
  child_id: string;
  court_id: string;
  agency_id: string | null;
  type: ObligationType;
  sequence: number;
  status: ObligationStatus;
  due_at: Date;
  order_id: string | null;
  performed_at: Date | null;
  on_time: boolean | null;
  submitted_at: Date | null;
  overdue_at: Date | null;
  waived_at: Date | null;
  waiver_reason: string | null;
  terms?: OrderTerms;
}

export function toObligationView(r: ObligationRow): ObligationView {
  return {
    id: r.id,
    episodeId: r.episode_id,
    childId: r.child_id,
    courtId: r.court_id,
    agencyId: r.agency_id,
    type: r.type,
    sequence: r.sequence,
    status: r.status,
    dueAt: r.due_at,
    orderId: r.order_id,
    performedAt: r.performed_at,
    onTime: r.on_time,
    submittedAt: r.submitted_at,
    overdueAt: r.overdue_at,
    waivedAt: r.waived_at,
    waiverReason: r.waiver_reason,
    ...(r.terms ? { terms: r.terms } : {}),
  };
}

export const EPISODE_COLUMNS = `e.id, e.child_id, e.case_id, e.court_id, e.agency_id, e.status, e.missing_since, e.discovered_at, e.last_seen_location,
  e.circumstances, e.clothing_description, e.companions, e.child_phone, e.social_media, e.order_id, e.terms, e.recovered_at,
  e.recovery_location, e.recovery_circumstances, e.created_at`;

export interface EpisodeRow {
  id: string;
  child_id: string;
  case_id: string;
  court_id: string;
  agency_id: string | null;
  status: EpisodeStatus;
  missing_since: Date;
  discovered_at: Date;
  last_seen_location: string | null;
  circumstances: string | null;
  clothing_description: string | null;
  companions: string[];
  child_phone: string | null;
  social_media: string[];
  order_id: string | null;
  terms: OrderTerms;
  recovered_at: Date | null;
  recovery_location: string | null;
  recovery_circumstances: string | null;
  created_at: Date;
}

export function toEpisodeView(r: EpisodeRow, obligations: ObligationView[], hearingRequests: HearingRequestView[]): EpisodeView {
  return {
    id: r.id,
    childId: r.child_id,
    caseId: r.case_id,
    courtId: r.court_id,
    agencyId: r.agency_id,
    status: r.status,
    missingSince: r.missing_since,
    discoveredAt: r.discovered_at,
    lastSeenLocation: r.last_seen_location,
    circumstances: r.circumstances,
    clothingDescription: r.clothing_description,
    companions: r.companions,
    childPhone: r.child_phone,
    socialMedia: r.social_media,
    orderId: r.order_id,
    terms: r.terms,
    recoveredAt: r.recovered_at,
    recoveryLocation: r.recovery_location,
    recoveryCircumstances: r.recovery_circumstances,
    createdAt: r.created_at,
    obligations,
    hearingRequests,
  };
}
