import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import type { PlacementView } from './child-view.js';
import { Placement } from './entities/placement.entity.js';

const toView = (p: Placement): PlacementView => ({
  id: p.id,
  caseId: p.caseId,
  childId: p.childId,
  agencyId: p.agencyId,
  placementType: p.placementType,
  startedAt: p.startedAt,
  endedAt: p.endedAt,
  caseworkerName: p.caseworkerName,
  caseworkerEmail: p.caseworkerEmail,
});

/**
 * For other repositories' queries (the episodes module's checks on who may act
 * on a duty): the agency of the child's current placement, as a scalar
 * subquery. `childId` is the SQL expression of the child's id.
 */
export function currentPlacementAgency(childId: string): string {
  return `(SELECT cp.agency_id FROM placements cp WHERE cp.child_id = ${childId} AND cp.ended_at IS NULL)`;
}

/** The placements table. A child has at most one current placement (ended_at null). */
@Injectable()
export class PlacementsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async current(manager: EntityManager, childId: string): Promise<PlacementView | null> {
    const placement = await manager.getRepository(Placement).findOneBy({ childId, endedAt: IsNull() });
    return placement ? toView(placement) : null;
  }

  async end(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.getRepository(Placement).update(id, { endedAt: at });
  }

  async insert(manager: EntityManager, placement: Omit<PlacementView, 'endedAt'>): Promise<PlacementView> {
    await manager.getRepository(Placement).insert({ ...placement, endedAt: null });
    return { ...placement, endedAt: null };
  }

  /** Newest first. */
  async forCase(caseId: string): Promise<PlacementView[]> {
    const placements = await this.dataSource.getRepository(Placement).find({ where: { caseId }, order: { startedAt: 'DESC', id: 'ASC' } });
    return placements.map(toView);
  }
}
