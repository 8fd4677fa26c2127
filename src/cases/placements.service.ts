import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/principal.js';
import { NotFound, ValidationFailed } from '../common/errors/domain-error.js';
import { isInFuture, startOfDayIn } from '../common/time/clock.js';
import { AgenciesService } from '../directory/agencies.service.js';
import { CourtsService } from '../directory/courts.service.js';
import { CasesRepository } from './cases.repository.js';
import type { PlacementView } from './child-view.js';
import { ChildrenRepository } from './children.repository.js';
import type { CreatePlacementDto } from './dto/cases.dto.js';
import { PlacementsRepository } from './placements.repository.js';
import { decodeCursor, type Page, type PageQuery } from '../common/pagination/pagination.js';

@Injectable()
export class PlacementsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(PlacementsRepository) private readonly placements: PlacementsRepository,
    @Inject(CasesRepository) private readonly cases: CasesRepository,
    @Inject(ChildrenRepository) private readonly children: ChildrenRepository,
    @Inject(CourtsService) private readonly courts: CourtsService,
    @Inject(AgenciesService) private readonly agencies: AgenciesService,
  ) {}

  /** Places the case's child with an agency, ending the current placement at the moment the new one starts. */
  async create(actor: Actor, caseId: string, dto: CreatePlacementDto): Promise<PlacementView> {
    const theCase = await this.findCase(actor, caseId);
    const court = await this.courts.require(theCase.courtId);
    const startedAt = new Date(dto.startedAt);
    if (isInFuture(startedAt)) throw ValidationFailed.field('startedAt', 'must not be in the future');
    if (startedAt < startOfDayIn(theCase.dateOfBirth, court.timezone))
      throw ValidationFailed.field('startedAt', "must not be before the child's birth");
    if ((await this.agencies.missing([dto.agencyId])).length > 0) throw ValidationFailed.field('agencyId', 'no such agency');

    return this.dataSource.transaction(async (manager) => {
      await this.children.lock(manager, theCase.childId);
      const current = await this.placements.current(manager, theCase.childId);
      if (current && current.startedAt > startedAt) {
        throw ValidationFailed.field('startedAt', 'must not be before the current placement began');
      }
      if (current) await this.placements.end(manager, current.id, startedAt);
      const placement = await this.placements.insert(manager, {
        id: randomUUID(),
        caseId,
        childId: theCase.childId,
        agencyId: dto.agencyId,
        placementType: dto.placementType,
        startedAt,
        caseworkerName: dto.caseworkerName ?? null,
        caseworkerEmail: dto.caseworkerEmail ?? null,
      });
      await this.audit.record(manager, actor, {
        action: 'create',
        entityType: 'placement',
        entityId: placement.id,
        courtId: theCase.courtId,
        details: { caseId, childId: theCase.childId, agencyId: dto.agencyId, endedPlacementId: current?.id ?? null },
      });
      return placement;
    });
  }

  async list(actor: Actor, caseId: string, page: PageQuery): Promise<Page<PlacementView>> {
    const theCase = await this.findCase(actor, caseId);
    const placements = await this.placements.forCase(caseId, page.limit, decodeCursor(page.cursor));
    await this.audit.recordNow(actor, {
      action: 'list',
      entityType: 'placement',
      courtId: theCase.courtId,
      details: { caseId, ids: placements.items.map((p) => p.id) },
    });
    return placements;
  }

  private async findCase(actor: Actor, caseId: string) {
    const theCase = await this.cases.forPlacement(actor, caseId);
    if (!theCase) throw new NotFound('case');
    return theCase;
  }
}
