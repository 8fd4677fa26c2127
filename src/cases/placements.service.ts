import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/principal.js';
import { caseScope, SqlParams } from '../auth/scope.js';
import { NotFound, ValidationFailed } from '../common/errors/domain-error.js';
import { isInFuture, startOfDayIn } from '../common/time/clock.js';
import type { PlacementView } from './child-view.js';
import type { CreatePlacementDto } from './dto/cases.dto.js';
import type { PlacementType } from './entities/placement.entity.js';

interface PlacementRow {
  id: string;
  case_id: string;
  child_id: string;
  agency_id: string;
  placement_type: PlacementType;
  started_at: Date;
  ended_at: Date | null;
  caseworker_name: string | null;
  caseworker_email: string | null;
}

const toView = (r: PlacementRow): PlacementView => ({
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

@Injectable()
export class PlacementsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  /** Places the case's child with an agency, ending the current placement at the moment the new one starts. */
  async create(actor: Actor, caseId: string, dto: CreatePlacementDto): Promise<PlacementView> {
    const theCase = await this.findCase(actor, caseId);
    const startedAt = new Date(dto.startedAt);
    if (isInFuture(startedAt)) throw ValidationFailed.field('startedAt', 'must not be in the future');
    if (startedAt < startOfDayIn(theCase.date_of_birth, theCase.timezone))
      throw ValidationFailed.field('startedAt', "must not be before the child's birth");
    const agencies = (await this.dataSource.query(`SELECT 1 FROM agencies WHERE id = $1`, [dto.agencyId])) as unknown[];
    if (agencies.length === 0) throw ValidationFailed.field('agencyId', 'no such agency');

    const id = randomUUID();
    return this.dataSource.transaction(async (manager) => {
      // One placement change per child at a time.
      await manager.query(`SELECT 1 FROM children WHERE id = $1 FOR UPDATE`, [theCase.child_id]);
      const [current] = (await manager.query(`SELECT id, started_at FROM placements WHERE child_id = $1 AND ended_at IS NULL`, [
        theCase.child_id,
      ])) as Array<{ id: string; started_at: Date }>;
      if (current && current.started_at > startedAt) {
        throw ValidationFailed.field('startedAt', 'must not be before the current placement began');
      }
      if (current) await manager.query(`UPDATE placements SET ended_at = $2 WHERE id = $1`, [current.id, startedAt]);
      const [row] = (await manager.query(
        `INSERT INTO placements (id, case_id, child_id, agency_id, placement_type, started_at, caseworker_name, caseworker_email)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
        [id, caseId, theCase.child_id, dto.agencyId, dto.placementType, startedAt, dto.caseworkerName ?? null, dto.caseworkerEmail ?? null],
      )) as PlacementRow[];
      await this.audit.record(manager, actor, {
        action: 'create',
        entityType: 'placement',
        entityId: id,
        courtId: theCase.court_id,
        details: { caseId, childId: theCase.child_id, agencyId: dto.agencyId, endedPlacementId: current?.id ?? null },
      });
      return toView(row);
    });
  }

  async list(actor: Actor, caseId: string): Promise<PlacementView[]> {
    const theCase = await this.findCase(actor, caseId);
    const rows = (await this.dataSource.query(`SELECT * FROM placements WHERE case_id = $1 ORDER BY started_at DESC, id`, [
      caseId,
    ])) as PlacementRow[];
    await this.audit.recordNow(actor, { action: 'list', entityType: 'placement', courtId: theCase.court_id, details: { caseId } });
    return rows.map(toView);
  }

  private async findCase(actor: Actor, caseId: string) {
    const params = new SqlParams();
    const rows = (await this.dataSource.query(
      `SELECT k.id, k.court_id, c.id AS child_id, c.date_of_birth, co.timezone
         FROM cases k JOIN children c ON c.case_id = k.id JOIN courts co ON co.id = k.court_id
        WHERE k.id = ${params.add(caseId)} AND ${caseScope(actor, 'k', params)}`,
      params.values,
    )) as Array<{ id: string; court_id: string; child_id: string; date_of_birth: string; timezone: string }>;
    if (!rows[0]) throw new NotFound('case');
    return rows[0];
  }
}
