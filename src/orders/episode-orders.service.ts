import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../auth/principal.js';
import { Conflict, ValidationFailed } from '../common/errors/domain-error.js';
import type { EpisodeOrderKind } from './applicable-order.js';
import type { CreateOrderDto, UpdateOrderDto } from './dto/orders.dto.js';
import { EpisodeOrderFactsRegistry } from './episode-order-facts.js';
import { continuingJurisdictionFindings, showCauseFindings, type EpisodeOrderFindings } from './episode-order-findings.js';
import { OrdersRepository } from './orders.repository.js';

/** What a draft drafted from an episode binds and says. */
export interface EpisodeOrderDraft {
  caseId: string;
  episodeId: string;
  findings: EpisodeOrderFindings;
}

/**
 * Drafting an order to show cause or continuing jurisdiction from an episode
 * (API.md, "Orders, additions"): the episode must be of the order's court; an
 * order to show cause needs overdue duties, one continuing jurisdiction a
 * child still missing. The findings are taken from the episode now and kept.
 */
@Injectable()
export class EpisodeOrdersService {
  constructor(
    @Inject(EpisodeOrderFactsRegistry) private readonly episodes: EpisodeOrderFactsRegistry,
    @Inject(OrdersRepository) private readonly orders: OrdersRepository,
  ) {}

  async prepare(
    actor: Actor,
    kind: EpisodeOrderKind,
    dto: CreateOrderDto,
    court: { id: string; timezone: string },
  ): Promise<EpisodeOrderDraft> {
    this.refuseOrderFields(kind, dto);
    if (!dto.episodeId) throw ValidationFailed.field('episodeId', `is required for a ${kind} order`);
    const facts = await this.episodes.facts(actor, dto.episodeId);
    if (!facts || facts.courtId !== court.id) throw ValidationFailed.field('episodeId', 'is not an episode of this court');
    if (kind === 'SHOW_CAUSE') {
      if (facts.overdue.length === 0) {
        throw new Conflict('NoOverdueDuties', 'The episode has no overdue duty: there is nothing for the agency to show cause for.', [
          { field: 'episodeId', message: 'has no overdue duty' },
        ]);
      }
      const governing = facts.governingOrderId ? await this.orders.signedSummary(facts.governingOrderId) : null;
      return {
        caseId: facts.caseId,
        episodeId: facts.episodeId,
        findings: showCauseFindings(facts, governing?.orderNumber ?? null, court.timezone),
      };
    }
    if (facts.status !== 'MISSING') {
      throw new Conflict('ChildRecovered', 'The child has been recovered: jurisdiction is continued while a child is missing.', [
        { field: 'episodeId', message: 'is no longer a missing episode' },
      ]);
    }
    return {
      caseId: facts.caseId,
      episodeId: facts.episodeId,
      findings: continuingJurisdictionFindings(facts, court.timezone, new Date()),
    };
  }

  /** A draft from an episode changes only its effective time: its case and findings are the episode's, its terms set nothing. */
  refuseOrderFields(kind: EpisodeOrderKind, dto: CreateOrderDto | UpdateOrderDto): void {
    for (const field of ['caseId', 'agencyIds', 'terms'] as const) {
      if (dto[field] !== undefined && dto[field] !== null) {
        throw ValidationFailed.field(field, `does not apply to a ${kind} order: it is drafted from its episode and sets no deadlines`);
      }
    }
  }
}
