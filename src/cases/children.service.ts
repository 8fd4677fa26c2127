import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { auditedRead } from '../audit/audited-read.js';
import type { Actor } from '../auth/principal.js';
import { NotFound, ValidationFailed } from '../common/errors/domain-error.js';
import { todayIn } from '../common/time/clock.js';
import { CourtsService } from '../directory/courts.service.js';
import type { ChildView } from './child-view.js';
import { ChildrenRepository, type ChildChanges } from './children.repository.js';
import type { UpdateChildDto } from './dto/cases.dto.js';

/** Fields a child always has: they may be changed, never removed. */
const REQUIRED = new Set<keyof UpdateChildDto>(['firstName', 'lastName', 'dateOfBirth', 'identifyingMarks', 'riskFactors']);

@Injectable()
export class ChildrenService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(ChildrenRepository) private readonly children: ChildrenRepository,
    @Inject(CourtsService) private readonly courts: CourtsService,
  ) {}

  /** A child the caller may see, with the read audited (a miss is audited too). */
  get(actor: Actor, id: string): Promise<ChildView> {
    return auditedRead(
      this.audit,
      actor,
      { entityType: 'child', entityId: id, notFound: 'child' },
      () => this.children.findScoped(actor, id),
      (child) => ({ courtId: child.courtId }),
    );
  }

  /** Without auditing, for services that audit their own action on the child. */
  find(actor: Actor, id: string): Promise<ChildView | null> {
    return this.children.findScoped(actor, id);
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
      const court = await this.courts.require(child.courtId);
      if (dto.dateOfBirth > todayIn(court.timezone)) throw ValidationFailed.field('dateOfBirth', 'must not be in the future');
    }
    const changes = Object.fromEntries(fields.map((key) => [key, dto[key]])) as ChildChanges;
    await this.dataSource.transaction(async (manager) => {
      await this.children.update(manager, id, changes);
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
