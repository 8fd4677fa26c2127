import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/principal.js';
import { actsForCourt, caseScope, SqlParams } from '../auth/scope.js';
import { Conflict, NotFound, ValidationFailed } from '../common/errors/domain-error.js';
import { decodeCursor, toPage, type Page } from '../common/pagination/pagination.js';
import { todayIn } from '../common/time/clock.js';
import { CHILD_SELECT, toChildView, type ChildRow, type ChildView } from './child-view.js';
import type { CreateCaseDto, ListCasesQuery } from './dto/cases.dto.js';
import type { CaseType } from './entities/case.entity.js';

export interface CaseView {
  id: string;
  courtId: string;
  docketNumber: string;
  caseType: CaseType;
  judgeId: string;
  createdAt: Date;
  child: ChildView;
}

interface CaseRow extends ChildRow {
  k_id: string;
  k_court_id: string;
  k_docket_number: string;
  k_case_type: CaseType;
  k_judge_id: string;
  k_created_at: Date;
  cursor_key: string;
}

const CASE_SELECT = CHILD_SELECT.replace(
  'SELECT c.id,',
  `SELECT k.id AS k_id, k.court_id AS k_court_id, k.docket_number AS k_docket_number, k.case_type AS k_case_type,
          k.judge_id AS k_judge_id, k.created_at AS k_created_at, k.created_at::text AS cursor_key, c.id,`,
).replace('FROM children c', 'FROM cases k JOIN children c ON c.case_id = k.id');

function toCaseView(row: CaseRow): CaseView {
  return {
    id: row.k_id,
    courtId: row.k_court_id,
    docketNumber: row.k_docket_number,
    caseType: row.k_case_type,
    judgeId: row.k_judge_id,
    createdAt: row.k_created_at,
    child: toChildView(row),
  };
}

@Injectable()
export class CasesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, dto: CreateCaseDto): Promise<CaseView> {
    const [court] = (await this.dataSource.query(`SELECT id, timezone FROM courts WHERE id = $1`, [dto.courtId])) as Array<{
      id: string;
      timezone: string;
    }>;
    if (!court || !actsForCourt(actor, court.id)) throw new NotFound('court');
    if (dto.child.dateOfBirth > todayIn(court.timezone)) throw ValidationFailed.field('child.dateOfBirth', 'must not be in the future');
    const judges = (await this.dataSource.query(`SELECT 1 FROM users WHERE id = $1 AND role = 'JUDGE' AND court_id = $2`, [
      dto.judgeId,
      court.id,
    ])) as unknown[];
    if (judges.length === 0) throw ValidationFailed.field('judgeId', 'must be a judge of this court');

    const caseId = randomUUID();
    const childId = randomUUID();
    const c = dto.child;
    await this.dataSource.transaction(async (manager) => {
      const inserted = (await manager.query(
        `INSERT INTO cases (id, court_id, docket_number, case_type, judge_id) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (court_id, docket_number) DO NOTHING RETURNING id`,
        [caseId, court.id, dto.docketNumber, dto.caseType, dto.judgeId],
      )) as unknown[];
      if (inserted.length === 0) {
        throw new Conflict('DuplicateDocketNumber', `Docket number ${dto.docketNumber} is already used in this court.`, [
          { field: 'docketNumber', message: 'is already used in this court' },
        ]);
      }
      await manager.query(
        `INSERT INTO children (id, case_id, court_id, first_name, middle_name, last_name, date_of_birth, sex, height_inches,
           weight_pounds, hair_color, eye_color, identifying_marks, wears_glasses, has_braces, risk_factors)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
        [
          childId,
          caseId,
          court.id,
          c.firstName,
          c.middleName ?? null,
          c.lastName,
          c.dateOfBirth,
          c.sex ?? null,
          c.heightInches ?? null,
          c.weightPounds ?? null,
          c.hairColor ?? null,
          c.eyeColor ?? null,
          c.identifyingMarks ?? [],
          c.wearsGlasses ?? null,
          c.hasBraces ?? null,
          c.riskFactors ?? [],
        ],
      );
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

  async get(actor: Actor, id: string): Promise<CaseView> {
    const view = await this.load(actor, id).catch(async (error: unknown) => {
      if (error instanceof NotFound)
        await this.audit.recordNow(actor, { action: 'read', outcome: 'not_found', entityType: 'case', entityId: id });
      throw error;
    });
    await this.audit.recordNow(actor, { action: 'read', entityType: 'case', entityId: id, courtId: view.courtId });
    return view;
  }

  async list(actor: Actor, query: ListCasesQuery): Promise<Page<CaseView>> {
    const params = new SqlParams();
    const where = [caseScope(actor, 'k', params)];
    if (query.courtId) where.push(`k.court_id = ${params.add(query.courtId)}`);
    const after = decodeCursor(query.cursor);
    if (after) where.push(`(k.created_at, k.id) > (${params.add(after.key)}::timestamptz, ${params.add(after.id)}::uuid)`);
    const rows = (await this.dataSource.query(
      `${CASE_SELECT} WHERE ${where.join(' AND ')} ORDER BY k.created_at, k.id LIMIT ${params.add(query.limit + 1)}`,
      params.values,
    )) as CaseRow[];
    const page = toPage(rows, query.limit, toCaseView);
    await this.audit.recordNow(actor, {
      action: 'list',
      entityType: 'case',
      courtId: query.courtId ?? actor.courtId,
      details: { ids: page.items.map((item) => item.id) },
    });
    return page;
  }

  private async load(actor: Actor, id: string): Promise<CaseView> {
    const params = new SqlParams();
    const rows = (await this.dataSource.query(
      `${CASE_SELECT} WHERE k.id = ${params.add(id)} AND ${caseScope(actor, 'k', params)}`,
      params.values,
    )) as CaseRow[];
    if (!rows[0]) throw new NotFound('case');
    return toCaseView(rows[0]);
  }
}
