import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { applicableOrder, type OrderCandidate, type OrderKind, type OrderStatus } from './applicable-order.js';
import { withDefaults, type OrderTerms } from './order-terms.js';

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
  async find(
    manager: EntityManager,
    q: { courtId: string; caseId: string; agencyId: string | null; at: Date },
  ): Promise<{ orderId: string; terms: OrderTerms } | null> {
    const rows = (await manager.query(
      `SELECT id, kind, status, court_id, case_id, agency_ids, effective_at, signed_at, terms
         FROM orders
        WHERE court_id = $1 AND status IN ('SIGNED', 'SUPERSEDED') AND effective_at <= $3
          AND ((kind = 'INDIVIDUAL' AND case_id = $2) OR kind = 'STANDING')`,
      [q.courtId, q.caseId, q.at],
    )) as Array<{
      id: string;
      kind: OrderKind;
      status: OrderStatus;
      court_id: string;
      case_id: string | null;
      agency_ids: string[] | null;
      effective_at: Date;
      signed_at: Date;
      terms: Partial<OrderTerms>;
    }>;
    const candidates: OrderCandidate[] = rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      status: r.status,
      courtId: r.court_id,
      caseId: r.case_id,
      agencyIds: r.agency_ids,
      effectiveAt: r.effective_at,
      signedAt: r.signed_at,
      terms: withDefaults(r.terms),
    }));
    const chosen = applicableOrder(candidates, q);
    return chosen ? { orderId: chosen.id, terms: chosen.terms } : null;
  }
}
