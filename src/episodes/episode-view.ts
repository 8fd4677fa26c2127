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

/** An episode as lists show it. */
export interface EpisodeSummary {
  id: string;
  childId: string;
  caseId: string;
  courtId: string;
  agencyId: string | null;
  status: EpisodeStatus;
  missingSince: Date;
  discoveredAt: Date;
  lastSeenLocation: string | null;
  lastSeenCity: string | null;
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
}

/** An episode as its own answer shows it: with its obligations and hearing requests. */
export interface EpisodeView extends EpisodeSummary {
  obligations: ObligationView[];
  hearingRequests: HearingRequestView[];
}
