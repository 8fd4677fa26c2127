import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { FastQuery } from '../common/database/fast-query.js';
import type { Actor } from '../auth/principal.js';
import { childScope, SqlParams } from '../auth/scope.js';
import { NotFound, ValidationFailed } from '../common/errors/domain-error.js';
import { todayIn } from '../common/time/clock.js';
import { CHILD_SELECT, toChildView, type ChildRow, type ChildView } from './child-view.js';
import type { UpdateChildDto } from './dto/cases.dto.js';

const COLUMN_OF: Record<keyof UpdateChildDto, string> = {
  firstName: 'first_name',
  middleName: 'middle_name',
  lastName: 'last_name',
  dateOfBirth: 'date_of_birth',
  sex: 'sex',
  heightInches: 'height_inches',
  weightPounds: 'weight_pounds',
  hairColor: 'hair_color',
  eyeColor: 'eye_color',
  identifyingMarks: 'identifying_marks',
  wearsGlasses: 'wears_glasses',
  hasBraces: 'has_braces',
  riskFactors: 'risk_factors',
};

const REQUIRED = new Set<keyof UpdateChildDto>(['firstName', 'lastName', 'dateOfBirth', 'identifyingMarks', 'riskFactors']);

@Injectable()
export class ChildrenService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(FastQuery) private readonly fast: FastQuery,
  ) {}

  /** A child the caller may see, with the read audited (a miss is audited too). */
  async get(actor: Actor, id: string): Promise<ChildView> {
    const child = await this.find(actor, id);
    if (!child) {
      await this.audit.recordNow(actor, { action: 'read', outcome: 'not_found', entityType: 'child', entityId: id });
      throw new NotFound('child');
    }
    await this.audit.recordNow(actor, { action: 'read', entityType: 'child', entityId: id, courtId: child.courtId });
    return child;
  }

  /** Without auditing, for services that audit their own action on the child. */
  async find(actor: Actor, id: string): Promise<ChildView | null> {
    const params = new SqlParams();
    const rows = await this.fast.rows<ChildRow>(
      `${CHILD_SELECT} WHERE c.id = ${params.add(id)} AND ${childScope(actor, 'c', params)}`,
      params.values,
    );
    return rows[0] ? toChildView(rows[0]) : null;
  }

  async update(actor: Actor, id: string, dto: UpdateChildDto): Promise<ChildView> {
    const child = await this.find(actor, id);
    // An agency may update only a child placed with it now; a former placement gives read access only.
    if (!child || (actor.role === 'AGENCY' && child.currentPlacement?.agencyId !== actor.agencyId)) throw new NotFound('child');
    const fields = (Object.keys(dto) as Array<keyof UpdateChildDto>).filter((key) => dto[key] !== undefined);
    if (fields.length === 0) throw ValidationFailed.field('body', 'names no field to change');
    const cleared = fields.filter((key) => dto[key] === null && REQUIRED.has(key));
    if (cleared.length) throw new ValidationFailed(cleared.map((field) => ({ field, message: 'cannot be removed' })));
    if (dto.dateOfBirth) {
      const [court] = (await this.dataSource.query(`SELECT timezone FROM courts WHERE id = $1`, [child.courtId])) as Array<{
        timezone: string;
      }>;
      if (dto.dateOfBirth > todayIn(court.timezone)) throw ValidationFailed.field('dateOfBirth', 'must not be in the future');
    }
    const params = new SqlParams();
    const sets = fields.map((key) => `${COLUMN_OF[key]} = ${params.add(dto[key])}`);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE children SET ${sets.join(', ')}, updated_at = now() WHERE id = ${params.add(id)}`, params.values);
      await this.audit.record(manager, actor, {
        action: 'update',
        entityType: 'child',
        entityId: id,
        courtId: child.courtId,
        details: { fields },
      });
    });
    return (await this.find(actor, id)) as ChildView;
  }
}
