import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/principal.js';
import { actsForCourt } from '../auth/scope.js';
import { Conflict, NotFound } from '../common/errors/domain-error.js';
import type { AddParticipantDto } from './dto/participants.dto.js';
import { ParticipantsRepository, toParticipantView, type ParticipantView } from './participants.repository.js';

/** Who is on a case besides the agency: added and removed by the court's clerks, seen by whoever sees the case. */
@Injectable()
export class ParticipantsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ParticipantsRepository) private readonly participants: ParticipantsRepository,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async add(actor: Actor, caseId: string, dto: AddParticipantDto): Promise<ParticipantView> {
    return this.dataSource.transaction(async (manager) => {
      const kase = await this.participants.caseInScope(actor, caseId, manager);
      if (!kase || !actsForCourt(actor, kase.courtId)) throw new NotFound('case');
      const added = await this.participants.add(manager, { caseId, courtId: kase.courtId, ...dto, createdBy: actor.id });
      if (!added) {
        throw new Conflict('ParticipantExists', `This person is already on the case as ${dto.role}.`, [
          { field: 'email', message: `is already on the case as ${dto.role}` },
        ]);
      }
      await this.audit.record(manager, actor, {
        action: 'create',
        entityType: 'case_participant',
        entityId: added.id,
        courtId: kase.courtId,
        details: { caseId, role: dto.role },
      });
      return toParticipantView(added);
    });
  }

  async list(actor: Actor, caseId: string): Promise<{ items: ParticipantView[] }> {
    const kase = await this.participants.caseInScope(actor, caseId);
    if (!kase) {
      await this.audit.recordNow(actor, { action: 'list', outcome: 'not_found', entityType: 'case_participant', details: { caseId } });
      throw new NotFound('case');
    }
    const items = (await this.participants.current(caseId)).map(toParticipantView);
    await this.audit.recordNow(actor, {
      action: 'list',
      entityType: 'case_participant',
      courtId: kase.courtId,
      details: { caseId, ids: items.map((p) => p.id) },
    });
    return { items };
  }

  async remove(actor: Actor, caseId: string, participantId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const kase = await this.participants.caseInScope(actor, caseId, manager);
      if (!kase || !actsForCourt(actor, kase.courtId)) throw new NotFound('case');
      if (!(await this.participants.remove(manager, caseId, participantId, actor.id))) throw new NotFound('participant');
      await this.audit.record(manager, actor, {
        action: 'delete',
        entityType: 'case_participant',
        entityId: participantId,
        courtId: kase.courtId,
        details: { caseId },
      });
    });
  }
}
