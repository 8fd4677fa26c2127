import type { OrderTerms } from './order-terms.js';

export const ORDER_KINDS = ['INDIVIDUAL', 'STANDING', 'SHOW_CAUSE', 'CONTINUING_JURISDICTION'] as const;
export type OrderKind = (typeof ORDER_KINDS)[number];

/** Orders drafted from an episode (to show cause, continuing jurisdiction): in a case, and never the order that sets deadlines. */
export const EPISODE_ORDER_KINDS = ['SHOW_CAUSE', 'CONTINUING_JURISDICTION'] as const;
export type EpisodeOrderKind = (typeof EPISODE_ORDER_KINDS)[number];
export const isEpisodeOrderKind = (kind: string): kind is EpisodeOrderKind => (EPISODE_ORDER_KINDS as readonly string[]).includes(kind);

export const ORDER_STATUSES = ['DRAFT', 'SIGNED', 'SUPERSEDED', 'VACATED'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** What the choice needs to know of an order. */
export interface OrderCandidate {
  id: string;
  kind: OrderKind;
  status: OrderStatus;
  courtId: string;
  /** INDIVIDUAL orders: the case they were made in. */
  caseId: string | null;
  /** STANDING orders: the agencies bound; null or empty binds every agency. */
  agencyIds: string[] | null;
  effectiveAt: Date | null;
  signedAt: Date | null;
  terms: OrderTerms;
}

export interface ApplicableOrderQuery {
  courtId: string;
  caseId: string;
  /** The child's placement agency when the episode opens; null when the child has no current placement. */
  agencyId: string | null;
  at: Date;
}

/**
 * Which order governs an episode opened at `q.at` (DESIGN.md §3):
 *
 * 1. the case's newest (by effectiveAt) signed, not vacated INDIVIDUAL order
 *    already in effect;
 * 2. else the court's STANDING order in force at that instant, if it binds the
 *    child's placement agency. A standing order stays in force until a later
 *    one takes effect, so one marked SUPERSEDED by an order that starts in the
 *    future still governs until then. Among standing orders already in
 *    effect, the one signed last is in force (a court replaces its standing
 *    order by signing a new one); a vacated one never is;
 * 3. else none: federal deadlines (DEFAULT_TERMS) apply and the episode is flagged.
 */
export function applicableOrder(candidates: readonly OrderCandidate[], q: ApplicableOrderQuery): OrderCandidate | null {
  const inEffect = candidates.filter(
    (o) =>
      o.courtId === q.courtId &&
      (o.status === 'SIGNED' || o.status === 'SUPERSEDED') &&
      o.effectiveAt !== null &&
      o.effectiveAt.getTime() <= q.at.getTime(),
  );

  const individual = newest(
    inEffect.filter((o) => o.kind === 'INDIVIDUAL' && o.caseId === q.caseId),
    (o) => [time(o.effectiveAt), time(o.signedAt)],
  );
  if (individual) return individual;

  const standing = newest(
    inEffect.filter((o) => o.kind === 'STANDING'),
    (o) => [time(o.signedAt), time(o.effectiveAt)],
  );
  if (standing && binds(standing, q.agencyId)) return standing;
  return null;
}

/** Whether a standing order binds an agency: no list binds every agency. */
export function binds(order: Pick<OrderCandidate, 'agencyIds'>, agencyId: string | null): boolean {
  if (!order.agencyIds || order.agencyIds.length === 0) return true;
  return agencyId !== null && order.agencyIds.includes(agencyId);
}

function newest<T extends { id: string }>(orders: T[], key: (o: T) => number[]): T | null {
  let best: T | null = null;
  let bestKey: number[] = [];
  for (const order of orders) {
    const k = key(order);
    if (!best || compare(k, bestKey) > 0 || (compare(k, bestKey) === 0 && order.id > best.id)) {
      best = order;
      bestKey = k;
    }
  }
  return best;
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

const time = (d: Date | null): number => (d ? d.getTime() : Number.NEGATIVE_INFINITY);
