import { createHash } from 'node:crypto';
import { canonicalJson } from '../common/canonical-json.js';
import { PreconditionFailed } from '../common/errors/domain-error.js';
import type { OrderView } from './order-view.js';

/** The fields that decide what an order says and whether it may still change. */
export type OrderVersion = Pick<
  OrderView,
  'id' | 'status' | 'kind' | 'caseId' | 'agencyIds' | 'effectiveAt' | 'terms' | 'findings' | 'orderNumber' | 'updatedAt'
> & { templateId: string };

/**
 * The order's entity tag (RFC 9110 §8.8.3), a strong validator: it changes
 * with every write to the order (`updatedAt`) and with any change of what it
 * says, so the ETag the judge previewed identifies the text that is signed.
 */
export function orderEtag(order: OrderVersion): string {
  const version = canonicalJson({
    id: order.id,
    status: order.status,
    kind: order.kind,
    caseId: order.caseId,
    agencyIds: order.agencyIds,
    effectiveAt: order.effectiveAt,
    terms: order.terms,
    findings: order.findings,
    orderNumber: order.orderNumber,
    templateId: order.templateId,
    updatedAt: order.updatedAt,
  });
  return `"${createHash('sha256').update(version).digest('base64url')}"`;
}

export function viewVersion(view: OrderView): OrderVersion {
  return { ...view, templateId: view.template.id };
}

/**
 * Whether an `If-Match` header value admits the current entity tag, by the
 * strong comparison RFC 9110 §13.1.1 requires: `*` matches any current
 * version; a weak tag (`W/"…"`) never matches. No header: no condition.
 */
export function ifMatchHolds(ifMatch: string | undefined, currentEtag: string): boolean {
  if (ifMatch === undefined) return true;
  const value = ifMatch.trim();
  if (value === '*') return true;
  return splitEntityTags(value).some((tag) => tag === currentEtag);
}

/** `"a", W/"b" ,"c"` → each entity tag as written (an etag may itself contain commas, so split on the quotes, not on commas). */
function splitEntityTags(value: string): string[] {
  return (value.match(/(?:W\/)?"[^"]*"/g) ?? []).map((tag) => tag.trim());
}

/**
 * 412 when `If-Match` names another version than the current (locked) one.
 * Callers check the status first, so signing twice still says the order is already signed.
 */
export function refuseChanged(order: OrderVersion, ifMatch: string | undefined): void {
  if (ifMatchHolds(ifMatch, orderEtag(order))) return;
  throw new PreconditionFailed(
    'OrderChanged',
    'The draft changed since that version was read (If-Match does not match its ETag): review the new preview.',
  );
}
