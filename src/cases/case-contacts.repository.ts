import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CourtsService } from '../directory/courts.service.js';
import type { ParticipantRole } from './entities/case-participant.entity.js';
import { ParticipantsRepository } from './participants.repository.js';

/** Someone to tell about a case: a participant, or the caseworker named on the child's current placement. */
export interface CaseContact {
  kind: 'PARTICIPANT' | 'CASEWORKER';
  participantId: string | null;
  role: ParticipantRole;
  name: string;
  email: string;
}

/** What a message or a certificate says about a case: never more of the child than the initials' letters. */
export interface CaseCaption {
  caseId: string;
  courtId: string;
  docketNumber: string;
  judgeId: string;
  court: { name: string; county: string; state: string; timezone: string };
  child: { firstName: string; lastName: string };
}

/** Read-only: who is on a case, for the notifications feature. */
@Injectable()
export class CaseContactsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ParticipantsRepository) private readonly participants: ParticipantsRepository,
    @Inject(CourtsService) private readonly courts: CourtsService,
  ) {}

  /** The case and its child from this feature's tables, its court from the directory's. */
  async caption(caseId: string): Promise<CaseCaption | null> {
    const [row] = (await this.dataSource.query(
      `SELECT k.id, k.court_id, k.docket_number, k.judge_id, c.first_name, c.last_name
         FROM cases k JOIN children c ON c.case_id = k.id
        WHERE k.id = $1`,
      [caseId],
    )) as Array<{ id: string; court_id: string; docket_number: string; judge_id: string; first_name: string; last_name: string }>;
    if (!row) return null;
    const court = await this.courts.require(row.court_id);
    return {
      caseId: row.id,
      courtId: row.court_id,
      docketNumber: row.docket_number,
      judgeId: row.judge_id,
      court: { name: court.name, county: court.county, state: court.state.trim(), timezone: court.timezone },
      child: { firstName: row.first_name, lastName: row.last_name },
    };
  }

  /** The case's current participants and, if any, the caseworker of the child's current placement. */
  async contacts(caseId: string, options: { caseworker: boolean }): Promise<CaseContact[]> {
    const participants = await this.participants.current(caseId);
    const contacts: CaseContact[] = participants.map((p) => ({
      kind: 'PARTICIPANT',
      participantId: p.id,
      role: p.role,
      name: p.name,
      email: p.email,
    }));
    if (options.caseworker) {
      const [caseworker] = (await this.dataSource.query(
        `SELECT caseworker_name, caseworker_email FROM placements WHERE case_id = $1 AND ended_at IS NULL AND caseworker_email IS NOT NULL`,
        [caseId],
      )) as Array<{ caseworker_name: string | null; caseworker_email: string }>;
      if (caseworker) {
        contacts.push({
          kind: 'CASEWORKER',
          participantId: null,
          role: 'CASEWORKER',
          name: caseworker.caseworker_name ?? 'Caseworker',
          email: caseworker.caseworker_email,
        });
      }
    }
    return contacts;
  }
}
