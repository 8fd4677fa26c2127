import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import type { PlacementView } from './child-view.js';
import { Placement } from './entities/placement.entity.js';
import { columns, SqlParams } from '../common/database/sql.js';
import { toPage, type CursorPosition, type Page } from '../common/pagination/pagination.js';

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

interface PlacementRow {
  id: string;
  case_id: string;
  child_id: string;
  agency_id: string;
  placement_type: PlacementView['placementType'];
  started_at: Date;
  ended_at: Date | null;
  caseworker_name: string | null;
  caseworker_email: string | null;
}

const PLACEMENT_COLUMNS = columns('p', [
  'id',
  'case_id',
  'child_id',
  'agency_id',
  'placement_type',
  'started_at',
  'ended_at',
  'caseworker_name',
  'caseworker_email',
]);

const fromRow = (r: PlacementRow): PlacementView => ({
  id: r.id,
  caseId: r.case_id,
  childId: r.child_id,
  agencyId: r.agency_id,
  placementType: r.placement_type,
  startedAt: r.started_at,
  endedAt: r.ended_at,
  caseworkerName: r.caseworker_name,
  caseworkerEmail: r.caseworker_email,
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

  /** A page of the case's placements, newest first. */
  async forCase(caseId: string, limit: number, after: CursorPosition | null): Promise<Page<PlacementView>> {
    const params = new SqlParams();
    const where = [`p.case_id = ${params.add(caseId)}`];
    if (after) {
      const at = params.add(after.key);
      where.push(`(p.started_at < ${at}::timestamptz OR (p.started_at = ${at}::timestamptz AND p.id > ${params.add(after.id)}::uuid))`);
    }
    const rows = (await this.dataSource.query(
      `SELECT ${PLACEMENT_COLUMNS}, p.started_at::text AS cursor_key FROM placements p
        WHERE ${where.join(' AND ')} ORDER BY p.started_at DESC, p.id LIMIT ${params.add(limit + 1)}`,
      params.values,
    )) as Array<PlacementRow & { cursor_key: string }>;
    return toPage(rows, limit, fromRow);
  }
}
