import type { OrderKind, OrderStatus } from './applicable-order.js';
import type { EpisodeOrderFindings } from './episode-order-findings.js';
import type { OrderTerms } from './order-terms.js';

export interface OrderView {
  id: string;
  kind: OrderKind;
  status: OrderStatus;
  courtId: string;
  caseId: string | null;
  /** STANDING orders: the agencies bound; null binds every agency. */
  agencyIds: string[] | null;
  /** SHOW_CAUSE and CONTINUING_JURISDICTION orders: the episode they were drafted from, else null. */
  episodeId: string | null;
  /** SHOW_CAUSE and CONTINUING_JURISDICTION orders: the findings drafted from the episode (what the order prints), else null. */
  findings: EpisodeOrderFindings | null;
  /** Defaults to `signedAt` when the order is signed. */
  effectiveAt: Date | null;
  terms: OrderTerms;
  template: {
    id: string;
    key: string;
    version: number;
    courtId: string | null;
  };
  orderNumber: string | null;
  verificationCode: string | null;
  sha256: string | null;
  signedAt: Date | null;
  signedBy: string | null;
  signedByName: string | null;
  supersededAt: Date | null;
  supersededBy: string | null;
  vacatedAt: Date | null;
  vacatedBy: string | null;
  vacateReason: string | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}
