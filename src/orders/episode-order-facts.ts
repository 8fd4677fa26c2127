import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal.js';
import type { EpisodeOrderFacts } from './episode-order-findings.js';

/** Reads an episode for an order drafted from it; null when the principal may not see it. */
export interface EpisodeOrderFactsSource {
  facts(principal: Principal, episodeId: string): Promise<EpisodeOrderFacts | null>;
}

/**
 * Where the orders feature asks about an episode. The episodes feature (which
 * depends on orders for the order that applies) registers its source here at
 * start, so neither module imports the other both ways.
 */
@Injectable()
export class EpisodeOrderFactsRegistry {
  private source: EpisodeOrderFactsSource | null = null;

  provide(source: EpisodeOrderFactsSource): void {
    this.source = source;
  }

  facts(principal: Principal, episodeId: string): Promise<EpisodeOrderFacts | null> {
    if (!this.source) throw new Error('no source of episode facts is registered (the episodes module is not loaded)');
    return this.source.facts(principal, episodeId);
  }
}
