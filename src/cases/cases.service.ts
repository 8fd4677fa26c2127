import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { auditedRead } from '../audit/audited-read.js';
import type { Actor } from '../auth/principal.js';
import { actsForCourt } from '../auth/scope.js';
import { Conflict, NotFound, ValidationFailed } from '../common/errors/domain-error.js';
import { decodeCursor, type Page } from '../common/pagination/pagination.js';
import { todayIn } from '../common/time/clock.js';
import { CourtsService } from '../directory/courts.service.js';
import { UsersService } from '../directory/users.service.js';
import { CasesRepository, type CaseView } from './cases.repository.js';
import { ChildrenRepository } from './children.repository.js';
import type { CreateCaseDto, ListCasesQuery } from './dto/cases.dto.js';

export type { CaseView } from './cases.repository.js';

@Injectable()
export class CasesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(CasesRepository) private readonly cases: CasesRepository,
    @Inject(ChildrenRepository) private readonly children: ChildrenRepository,
    @Inject(CourtsService) private readonly courts: CourtsService,
    @Inject(UsersService) private readonly users: UsersService,
  ) {}

  async create(actor: Actor, dto: CreateCaseDto): Promise<CaseView> {
    const court = await this.courts.byId(dto.courtId);
    if (!court || !actsForCourt(actor, court.id)) throw new NotFound('court');
    if (dto.child.dateOfBirth > todayIn(court.timezone)) throw ValidationFailed.field('child.dateOfBirth', 'must not be in the future');
    if (!(await this.users.isJudgeOf(dto.judgeId, court.id))) throw ValidationFailed.field('judgeId', 'must be a judge of this court');

    const caseId = randomUUID();
    const childId = randomUUID();
    const c = dto.child;
    await this.dataSource.transaction(async (manager) => {
      const inserted = await this.cases.insert(manager, {
        id: caseId,
        courtId: court.id,
        docketNumber: dto.docketNumber,
        caseType: dto.caseType,
        judgeId: dto.judgeId,
      });
      if (!inserted) {
        throw new Conflict('DuplicateDocketNumber', `Docket number ${dto.docketNumber} is already used in this court.`, [
          { field: 'docketNumber', message: 'is already used in this court' },
        ]);
      }
      await this.children.insert(manager, {
        id: childId,
        caseId,
        courtId: court.id,
        firstName: c.firstName,
        middleName: c.middleName ?? null,
        lastName: c.lastName,
        dateOfBirth: c.dateOfBirth,
        sex: c.sex ?? null,
        heightInches: c.heightInches ?? null,
        weightPounds: c.weightPounds ?? null,
        hairColor: c.hairColor ?? null,
        eyeColor: c.eyeColor ?? null,
        identifyingMarks: c.identifyingMarks ?? [],
        wearsGlasses: c.wearsGlasses ?? null,
        hasBraces: c.hasBraces ?? null,
        riskFactors: c.riskFactors ?? [],
      });
      await this.audit.record(manager, actor, {
        action: 'create',
        entityType: 'case',
        entityId: caseId,
        courtId: court.id,
        details: { caseType: dto.caseType, childId },
      });
    });
    return this.load(actor, caseId);
  }

  get(actor: Actor, id: string): Promise<CaseView> {
    return auditedRead(
      this.audit,
      actor,
      { entityType: 'case', entityId: id, notFound: 'case' },
      () => this.cases.findScoped(actor, id),
      (found) => ({ courtId: found.courtId }),
    );
  }

  async list(actor: Actor, query: ListCasesQuery): Promise<Page<CaseView>> {
    const page = await this.cases.listScoped(actor, query.courtId, query.limit, decodeCursor(query.cursor));
    await this.audit.recordList(actor, { action: 'list', entityType: 'case' }, page.items);
    return page;
  }

  private async load(actor: Actor, id: string): Promise<CaseView> {
    const found = await this.cases.findScoped(actor, id);
    if (!found) throw new NotFound('case');
    return found;
  }
}
