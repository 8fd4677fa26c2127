import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { CourtCase } from './entities/case.entity.js';

/** A case as documents name it: the docket number and the child (documents print the initials only). */
export interface CaseCaption {
  caseId: string;
  docketNumber: string;
  child: { firstName: string; lastName: string };
}

/** The cases and children tables. */
@Injectable()
export class CasesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async existsInCourt(caseId: string, courtId: string): Promise<boolean> {
    return this.dataSource.getRepository(CourtCase).existsBy({ id: caseId, courtId });
  }

  async docketNumber(caseId: string, manager: EntityManager = this.dataSource.manager): Promise<string | null> {
    const found = await manager.getRepository(CourtCase).findOne({ where: { id: caseId }, select: { docketNumber: true } });
    return found?.docketNumber ?? null;
  }

  async caption(caseId: string, manager: EntityManager = this.dataSource.manager): Promise<CaseCaption | null> {
    const [row] = (await manager.query(
      `SELECT k.id, k.docket_number, c.first_name, c.last_name FROM cases k JOIN children c ON c.case_id = k.id WHERE k.id = $1`,
      [caseId],
    )) as Array<{ id: string; docket_number: string; first_name: string; last_name: string }>;
    return row ? { caseId: row.id, docketNumber: row.docket_number, child: { firstName: row.first_name, lastName: row.last_name } } : null;
  }
}
