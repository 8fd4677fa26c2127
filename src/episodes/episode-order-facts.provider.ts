import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Principal } from '../auth/principal.js';
import { ChildrenRepository } from '../cases/children.repository.js';
import { AgenciesService } from '../directory/agencies.service.js';
import { EpisodeOrderFactsRegistry, type EpisodeOrderFactsSource } from '../orders/episode-order-facts.js';
import type { EpisodeOrderFacts } from '../orders/episode-order-findings.js';
import { dutyLabel } from './duty-labels.js';
import { EpisodesRepository } from './episodes.repository.js';

/** The compliance hearing is the one an agency shows cause at; else whichever hearing of the episode is set. */
const HEARING_PREFERENCE = ['NON_COMPLIANCE', 'CHILD_MISSING', 'PRE_MAJORITY', 'CHILD_RECOVERED'];

/** Tells the orders feature what an episode says, for the orders drafted from it (registered at start). */
@Injectable()
export class EpisodeOrderFactsProvider implements EpisodeOrderFactsSource, OnModuleInit {
  constructor(
    @Inject(EpisodeOrderFactsRegistry) private readonly registry: EpisodeOrderFactsRegistry,
    @Inject(EpisodesRepository) private readonly episodes: EpisodesRepository,
    @Inject(ChildrenRepository) private readonly children: ChildrenRepository,
    @Inject(AgenciesService) private readonly agencies: AgenciesService,
  ) {}

  onModuleInit(): void {
    this.registry.provide(this);
  }

  async facts(principal: Principal, episodeId: string): Promise<EpisodeOrderFacts | null> {
    const episode = await this.episodes.read(principal, episodeId);
    const child = episode ? await this.children.findScoped(principal, episode.childId) : null;
    if (!episode || !child) return null;
    const [agency] = episode.agencyId ? await this.agencies.byIds([episode.agencyId]) : [];
    const hearing = episode.hearingRequests
      .filter((h) => h.status === 'SCHEDULED' && h.scheduledFor && h.courtroom)
      .sort((a, b) => HEARING_PREFERENCE.indexOf(a.reason) - HEARING_PREFERENCE.indexOf(b.reason))[0];
    return {
      episodeId: episode.id,
      status: episode.status,
      courtId: episode.courtId,
      caseId: episode.caseId,
      agencyName: agency?.name ?? null,
      missingSince: episode.missingSince,
      dateOfBirth: child.dateOfBirth,
      governingOrderId: episode.orderId,
      overdue: episode.obligations
        .filter((o) => o.status === 'OVERDUE')
        .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())
        .map((o) => ({ duty: dutyLabel(o.type), dueAt: o.dueAt })),
      hearing: hearing ? { scheduledFor: hearing.scheduledFor as Date, courtroom: hearing.courtroom as string } : null,
    };
  }
}
