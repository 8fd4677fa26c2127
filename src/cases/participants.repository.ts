import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { caseScope, SqlParams } from '../auth/scope.js';
import { CaseParticipant, type ParticipantRole } from './entities/case-participant.entity.js';

export interface ParticipantView {
  id: string;
  caseId: string;
  courtId: string;
  role: ParticipantRole;
  name: string;
  email: string;
  createdAt: Date;
}

export const toParticipantView = (p: CaseParticipant): ParticipantView => ({
  id: p.id,
  caseId: p.caseId,
  courtId: p.courtId,
  role: p.role,
  name: p.name,
  email: p.email,
  createdAt: p.createdAt,
});

/** The case participants table; reads are scoped through the case they belong to. */
@Injectable()
export class ParticipantsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The case's court, if the caller may see the case (case scope, inside the query); else null. */
  async caseInScope(
    principal: Principal,
    caseId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ courtId: string } | null> {
    const params = new SqlParams();
    const rows = (await manager.query(
      `SELECT k.court_id FROM cases k WHERE k.id = ${params.add(caseId)} AND ${caseScope(principal, 'k', params)}`,
      params.values,
    )) as Array<{ court_id: string }>;
    return rows[0] ? { courtId: rows[0].court_id } : null;
  }

  /** Returns null when the same person already has that role on the case. */
  async add(
    manager: EntityManager,
    input: { caseId: string; courtId: string; role: ParticipantRole; name: string; email: string; createdBy: string },
  ): Promise<CaseParticipant | null> {
    const id = randomUUID();
    const inserted = (await manager
      .createQueryBuilder()
      .insert()
      .into(CaseParticipant)
      .values({ id, ...input })
      .orIgnore()
      .returning('*')
      .execute()) as { raw: unknown[] };
    if (inserted.raw.length === 0) return null;
    return manager.findOneByOrFail(CaseParticipant, { id });
  }

  /** The current participants of a case, oldest first. */
  current(caseId: string, manager: EntityManager = this.dataSource.manager): Promise<CaseParticipant[]> {
    return manager.find(CaseParticipant, { where: { caseId, removedAt: IsNull() }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Marks a current participant removed; false when there is none with that id on the case. */
  async remove(manager: EntityManager, caseId: string, id: string, by: string): Promise<boolean> {
    const result = await manager.update(CaseParticipant, { id, caseId, removedAt: IsNull() }, { removedAt: () => 'now()', removedBy: by });
    return (result.affected ?? 0) > 0;
  }
}
