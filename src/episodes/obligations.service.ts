import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { auditedRead } from '../audit/audited-read.js';
import type { Actor } from '../auth/principal.js';
import { Conflict, NotFound } from '../common/errors/domain-error.js';
import { decodeCursor, type Page } from '../common/pagination/pagination.js';
import type { ListObligationsQuery } from './dto/episodes.dto.js';
import type { ObligationView } from './episode-view.js';
import { ObligationsRepository } from './obligations.repository.js';

@Injectable()
export class ObligationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(ObligationsRepository) private readonly obligations: ObligationsRepository,
  ) {}

  async get(actor: Actor, id: string): Promise<ObligationView> {
    const found = await auditedRead(
      this.audit,
      actor,
      { entityType: 'obligation', entityId: id, notFound: 'obligation' },
      () => this.obligations.findScoped(this.dataSource.manager, actor, id),
      (obligation) => ({ courtId: obligation.courtId }),
    );
    const { episodeStatus: _s, missingSince: _m, recoveredAt: _r, caseId: _c, episodeAgencyId: _e, currentAgencyId: _a, ...view } = found;
    return view;
  }

  /** Obligations in scope, soonest due first. */
  async list(actor: Actor, query: ListObligationsQuery): Promise<Page<ObligationView>> {
    const page = await this.obligations.listScoped(
      actor,
      {
        status: query.status,
        type: query.type,
        courtId: query.courtId,
        agencyId: query.agencyId,
        episodeId: query.episodeId,
        dueBefore: query.dueBefore ? new Date(query.dueBefore) : undefined,
      },
      query.limit,
      decodeCursor(query.cursor),
    );
    await this.audit.recordList(actor, { action: 'list', entityType: 'obligation' }, page.items);
    return page;
  }

  /** A judge excuses a duty, with a reason. A proof waiting for review must be reviewed first. */
  async waive(actor: Actor, id: string, reason: string): Promise<ObligationView> {
    return this.dataSource.transaction(async (manager) => {
      const obligation = await this.obligations.findScoped(manager, actor, id, { lock: true });
      if (!obligation) throw new NotFound('obligation');
      if (obligation.status === 'SUBMITTED')
        throw new Conflict('ProofAwaitingReview', 'A proof of this obligation awaits review; accept or reject it first.');
      if (obligation.status === 'SATISFIED' || obligation.status === 'WAIVED') {
        throw new Conflict(
          obligation.status === 'SATISFIED' ? 'ObligationSatisfied' : 'ObligationWaived',
          `This obligation is already ${obligation.status.toLowerCase()}.`,
        );
      }
      const waived = await this.obligations.markWaived(manager, id, actor.id, reason);
      await this.audit.record(manager, actor, {
        action: 'waive',
        entityType: 'obligation',
        entityId: id,
        courtId: obligation.courtId,
        details: { type: obligation.type },
      });
      return waived;
    });
  }
}
