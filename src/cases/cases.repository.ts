import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { caseScope } from '../auth/scope.js';
import { insertRows, SqlParams } from '../common/database/sql.js';
import { toPage, type CursorPosition, type Page } from '../common/pagination/pagination.js';
import type { ChildView } from './child-view.js';
import { CHILD_COLUMNS, CHILD_JOINS, toChildView, type ChildRow } from './children.repository.js';
import { CourtCase, type CaseType } from './entities/case.entity.js';

export interface CaseView {
  id: string;
  courtId: string;
  docketNumber: string;
  caseType: CaseType;
  judgeId: string;
  createdAt: Date;
  child: ChildView;
}

/** A case as documents name it: the docket number and the child (documents print the initials only). */
export interface CaseCaption {
  caseId: string;
  docketNumber: string;
  child: { firstName: string; lastName: string };
}

/** A child in a current placement, with the date of its newest photo (the photo-gap report). */
export interface PlacedChild {
  /** Where the child is in the list (its case's creation, then its id): a cursor names it. */
  position: CursorPosition;
  childId: string;
  caseId: string;
  docketNumber: string;
  agencyId: string;
  latestPhotoTakenAt: Date | null;
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

const CASE_COLUMNS = `k.id AS k_id, k.court_id AS k_court_id, k.docket_number AS k_docket_number, k.case_type AS k_case_type,
       k.judge_id AS k_judge_id, k.created_at AS k_created_at, k.created_at::text AS cursor_key`;
const CASE_SELECT = `SELECT ${CASE_COLUMNS}, ${CHILD_COLUMNS} FROM cases k JOIN children c ON c.case_id = k.id ${CHILD_JOINS}`;

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

/** The cases table (a case is read with its child: see ChildrenRepository). */
@Injectable()
export class CasesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** false when the docket number is already used in the court. */
  async insert(manager: EntityManager, theCase: Omit<CourtCase, 'createdAt'>): Promise<boolean> {
    return (await insertRows(manager, CourtCase, [theCase], { ignoreConflicts: true })).length > 0;
  }

  async findScoped(principal: Principal, id: string): Promise<CaseView | null> {
    const params = new SqlParams();
    const rows = (await this.dataSource.query(
      `${CASE_SELECT} WHERE k.id = ${params.add(id)} AND ${caseScope(principal, 'k', params)}`,
      params.values,
    )) as CaseRow[];
    return rows[0] ? toCaseView(rows[0]) : null;
  }

  async listScoped(
    principal: Principal,
    courtId: string | undefined,
    limit: number,
    after: CursorPosition | null,
  ): Promise<Page<CaseView>> {
    const params = new SqlParams();
    const where = [caseScope(principal, 'k', params)];
    if (courtId) where.push(`k.court_id = ${params.add(courtId)}`);
    if (after) where.push(`(k.created_at, k.id) > (${params.add(after.key)}::timestamptz, ${params.add(after.id)}::uuid)`);
    const rows = (await this.dataSource.query(
      `${CASE_SELECT} WHERE ${where.join(' AND ')} ORDER BY k.created_at, k.id LIMIT ${params.add(limit + 1)}`,
      params.values,
    )) as CaseRow[];
    return toPage(rows, limit, toCaseView);
  }

  /** A case the principal may see, with what a placement needs: its child's id and birth date. */
  async forPlacement(principal: Principal, id: string): Promise<{ courtId: string; childId: string; dateOfBirth: string } | null> {
    const params = new SqlParams();
    const [row] = (await this.dataSource.query(
      `SELECT k.court_id, c.id AS child_id, c.date_of_birth FROM cases k JOIN children c ON c.case_id = k.id
        WHERE k.id = ${params.add(id)} AND ${caseScope(principal, 'k', params)}`,
      params.values,
    )) as Array<{ court_id: string; child_id: string; date_of_birth: string }>;
    return row ? { courtId: row.court_id, childId: row.child_id, dateOfBirth: row.date_of_birth } : null;
  }

  async existsInCourt(caseId: string, courtId: string): Promise<boolean> {
    return this.dataSource.getRepository(CourtCase).existsBy({ id: caseId, courtId });
  }

  async docketNumber(caseId: string, manager: EntityManager = this.dataSource.manager): Promise<string | null> {
    const found = await manager.getRepository(CourtCase).findOne({ where: { id: caseId }, select: { id: true, docketNumber: true } });
    return found?.docketNumber ?? null;
  }

  /** The docket numbers of cases, by case id. */
  async docketNumbers(caseIds: string[]): Promise<Map<string, string>> {
    if (caseIds.length === 0) return new Map();
    const cases = await this.dataSource
      .getRepository(CourtCase)
      .find({ where: { id: In(caseIds) }, select: { id: true, docketNumber: true } });
    return new Map(cases.map((k) => [k.id, k.docketNumber]));
  }

  async caption(caseId: string, manager: EntityManager = this.dataSource.manager): Promise<CaseCaption | null> {
    const [row] = (await manager.query(
      `SELECT k.id, k.docket_number, c.first_name, c.last_name FROM cases k JOIN children c ON c.case_id = k.id WHERE k.id = $1`,
      [caseId],
    )) as Array<{ id: string; docket_number: string; first_name: string; last_name: string }>;
    return row ? { caseId: row.id, docketNumber: row.docket_number, child: { firstName: row.first_name, lastName: row.last_name } } : null;
  }

  /** The children of a court in current placements, by docket number, with their newest photo's date. */
  /** The children in current placements in the court, `limit` at a time after `after`, in the order of their cases' creation. */
  async placedChildren(courtId: string, limit: number, after: CursorPosition | null): Promise<PlacedChild[]> {
    const params = new SqlParams();
    const where = [`c.court_id = ${params.add(courtId)}`];
    if (after) where.push(`(k.created_at, c.id) > (${params.add(after.key)}::timestamptz, ${params.add(after.id)}::uuid)`);
    const rows = (await this.dataSource.query(
      `SELECT c.id AS child_id, k.id AS case_id, k.docket_number, p.agency_id, k.created_at::text AS cursor_key,
              (SELECT max(ph.taken_at) FROM photos ph WHERE ph.child_id = c.id) AS latest
         FROM children c JOIN cases k ON k.id = c.case_id JOIN placements p ON p.child_id = c.id AND p.ended_at IS NULL
        WHERE ${where.join(' AND ')}
        ORDER BY k.created_at, c.id LIMIT ${params.add(limit)}`,
      params.values,
    )) as Array<{ child_id: string; case_id: string; docket_number: string; agency_id: string; cursor_key: string; latest: Date | null }>;
    return rows.map((r) => ({
      position: { key: r.cursor_key, id: r.child_id },
      childId: r.child_id,
      caseId: r.case_id,
      docketNumber: r.docket_number,
      agencyId: r.agency_id,
      latestPhotoTakenAt: r.latest,
    }));
  }
}
