import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { applicableOrder, type ApplicableOrderQuery, type OrderCandidate } from './applicable-order.js';
import type { OrderTerms } from './order-terms.js';
import { OrdersRepository } from './orders.repository.js';

/**
 * Which order governs an episode (DESIGN.md §3), for the episodes module:
 * call it in the transaction that opens the episode with `at` = the moment
 * it opens. Loads the candidates (the case's individual orders and the
 * court's standing orders already in effect) and lets the pure
 * `applicableOrder` choose. null: no order applies; use DEFAULT_TERMS and
 * flag the episode.
 */
@Injectable()
export class ApplicableOrderService {
  constructor(@Inject(OrdersRepository) private readonly orders: OrdersRepository) {}

  async find(manager: EntityManager, q: ApplicableOrderQuery): Promise<{ orderId: string; terms: OrderTerms } | null> {
    const chosen = applicableOrder(await this.orders.candidatesInEffect(q.courtId, q.at, q.caseId, manager), q);
    return chosen ? { orderId: chosen.id, terms: chosen.terms } : null;
  }

  /** The order that applies now to each of many children of one court (one query for all). */
  async forMany(
    courtId: string,
    children: Array<{ caseId: string; agencyId: string | null }>,
    at: Date,
  ): Promise<Array<OrderCandidate | null>> {
    const candidates = await this.orders.candidatesInEffect(courtId, at, null);
    return children.map((child) => applicableOrder(candidates, { courtId, caseId: child.caseId, agencyId: child.agencyId, at }));
  }
}
