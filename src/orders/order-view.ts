import type { OrderKind, OrderStatus } from './applicable-order.js';
import { withDefaults, type OrderTerms } from './order-terms.js';

export interface OrderView {
  id: string;
  kind: OrderKind;
  status: OrderStatus;
  courtId: string;
  caseId: string | null;
  /** STANDING orders: the agencies bound; null binds every agency. */
  agencyIds: string[] | null;
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

export interface OrderRow {
  id: string;
  kind: OrderKind;
  status: OrderStatus;
  court_id: string;
  case_id: string | null;
  agency_ids: string[] | null;
  effective_at: Date | null;
  terms: Partial<OrderTerms>;
  template_id: string;
  template_key: string;
  template_version: number;
  template_court_id: string | null;
  order_number: string | null;
  verification_code: string | null;
  sha256: string | null;
  signed_at: Date | null;
  signed_by: string | null;
  signed_by_name: string | null;
  superseded_at: Date | null;
  superseded_by: string | null;
  vacated_at: Date | null;
  vacated_by: string | null;
  vacate_reason: string | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
  cursor_key: string;
}

/** `o` is the orders alias the caller's WHERE uses. Never selects the PDF bytes or the rendering snapshot. */
export const ORDER_SELECT = `
  SELECT o.id, o.kind, o.status, o.court_id, o.case_id, o.agency_ids, o.effective_at, o.terms, o.template_id,
         t.key AS template_key, t.version AS template_version, t.court_id AS template_court_id,
         o.order_number, o.verification_code, o.sha256, o.signed_at, o.signed_by, o.signed_by_name,
         o.superseded_at, o.superseded_by, o.vacated_at, o.vacated_by, o.vacate_reason,
         o.created_by, o.created_at, o.updated_at, o.created_at::text AS cursor_key
    FROM orders o JOIN order_templates t ON t.id = o.template_id`;

export function toOrderView(row: OrderRow): OrderView {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    courtId: row.court_id,
    caseId: row.case_id,
    agencyIds: row.agency_ids && row.agency_ids.length > 0 ? row.agency_ids : null,
    effectiveAt: row.effective_at,
    terms: withDefaults(row.terms),
    template: {
      id: row.template_id,
      key: row.template_key,
      version: row.template_version,
      courtId: row.template_court_id,
    },
    orderNumber: row.order_number,
    verificationCode: row.verification_code,
    sha256: row.sha256 ? row.sha256.trim() : null,
    signedAt: row.signed_at,
    signedBy: row.signed_by,
    signedByName: row.signed_by_name,
    supersededAt: row.superseded_at,
    supersededBy: row.superseded_by,
    vacatedAt: row.vacated_at,
    vacatedBy: row.vacated_by,
    vacateReason: row.vacate_reason,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
