import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/principal.js';
import { childRecordScope, SqlParams } from '../auth/scope.js';
import { Conflict, NotFound, ValidationFailed, type FieldError } from '../common/errors/domain-error.js';
import { isInFuture } from '../common/time/clock.js';
import { PhotosService } from '../cases/photos.service.js';
import { notificationJob } from '../notifications/notification-events.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { acceptUpload, type AcceptedFile } from '../storage/accept-upload.js';
import { FileStorage } from '../storage/file-storage.js';
import type { OrderTerms } from '../orders/order-terms.js';
import { DeadlinesService } from './deadlines.service.js';
import type { EvidenceDto, ReviewDto } from './dto/episodes.dto.js';
import { agencyActsFor, loadObligation } from './episode-queries.js';
import { EVIDENCE_COLUMNS, toEvidenceView, type EvidenceRow, type EvidenceView } from './evidence-view.js';
import { ncicEntryDue } from './obligation-deadlines.js';
import { PHOTO_TYPES, RECOVERY_TYPES, type ObligationType } from './obligation-types.js';
import { checkProof, PROOF_RULES } from './proof-fields.js';

@Injectable()
export class EvidenceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(FileStorage) private readonly storage: FileStorage,
    @Inject(PhotosService) private readonly photos: PhotosService,
    @Inject(DeadlinesService) private readonly deadlines: DeadlinesService,
    @Inject(OutboxService) private readonly outbox: OutboxService,
  ) {}

  /** An agency (or a clerk) gives proof that a duty was performed; the obligation waits for review. */
  async submit(actor: Actor, obligationId: string, dto: EvidenceDto, file: { buffer?: Buffer } | undefined): Promise<EvidenceView> {
    const obligation = await loadObligation(this.dataSource.manager, actor, obligationId);
    if (!obligation || !agencyActsFor(actor, obligation.episode_agency_id, obligation.current_agency_id)) throw new NotFound('obligation');
    assertOpenForProof(obligation.status);
    const { file: _file, ...input } = dto;
    const proof = checkProof(obligation.type, input, Boolean(file?.buffer?.length));
    this.checkTimes(obligation.type, dto, obligation.missing_since, obligation.recovered_at);
    const stored: AcceptedFile | null = file?.buffer?.length
      ? await acceptUpload(file, 'file', PROOF_RULES[obligation.type].fileTypes)
      : null;
    const id = randomUUID();
    return this.dataSource.transaction(async (manager) => {
      const locked = await loadObligation(manager, actor, obligationId, true);
      if (!locked) throw new NotFound('obligation');
      assertOpenForProof(locked.status);
      let photoId: string | null = null;
      if (stored && PHOTO_TYPES.has(obligation.type)) {
        photoId = (await this.photos.insert(manager, actor, obligation.child_id, stored, proof.performedAt)).id;
      }
      const [row] = (await manager.query(
        `INSERT INTO evidence AS ev (id, obligation_id, episode_id, court_id, child_id, status, performed_at, fields, file_sha256, file_content_type,
                                     file_byte_size, photo_id, submitted_by, submitted_by_role)
         VALUES ($1, $2, $3, $4, $5, 'SUBMITTED', $6, $7, $8, $9, $10, $11, $12, $13)
         RETURNING ${EVIDENCE_COLUMNS}`,
        [
          id,
          obligationId,
          obligation.episode_id,
          obligation.court_id,
          obligation.child_id,
          proof.performedAt,
          JSON.stringify(proof.fields),
          stored?.sha256 ?? null,
          stored?.contentType ?? null,
          stored?.byteSize ?? null,
          photoId,
          actor.id,
          actor.kind === 'api_key' ? 'AGENCY:API_KEY' : actor.role,
        ],
      )) as EvidenceRow[];
      await manager.query(`UPDATE obligations SET status = 'SUBMITTED', submitted_at = now(), updated_at = now() WHERE id = $1`, [
        obligationId,
      ]);
      // Stored once the rows are in, so a refused proof leaves no file behind.
      if (stored) await this.storage.put(stored.sha256, stored.bytes);
      await this.audit.record(manager, actor, {
        action: 'create',
        entityType: 'evidence',
        entityId: id,
        courtId: obligation.court_id,
        details: {
          obligationId,
          type: obligation.type,
          file: stored ? stored.sha256 : null,
        },
      });
      return toEvidenceView(row, obligation.type);
    });
  }

  /**
   * A clerk or judge accepts or rejects a proof. Accepted: the obligation is
   * satisfied, on time if performed by its due time, and an accepted LE report
   * re-dates the NCIC entry. Rejected: the obligation is open again, or
   * overdue if its time has passed.
   */
  async review(actor: Actor, evidenceId: string, dto: ReviewDto): Promise<EvidenceView> {
    if (dto.decision === 'REJECTED' && !dto.reason) throw ValidationFailed.field('reason', 'is required to reject a proof');
    return this.dataSource.transaction(async (manager) => {
      const evidence = await this.findEvidence(actor, evidenceId, true, manager);
      if (!evidence) throw new NotFound('evidence');
      if (evidence.status !== 'SUBMITTED')
        throw new Conflict('EvidenceAlreadyReviewed', `This proof was already ${evidence.status.toLowerCase()}.`);
      const [reviewed] = (await manager.query(
        `UPDATE evidence ev SET status = $2, reviewed_by = $3, reviewed_at = now(), review_reason = $4 WHERE ev.id = $1 RETURNING ${EVIDENCE_COLUMNS}`,
        [evidenceId, dto.decision, actor.id, dto.reason ?? null],
      )) as [EvidenceRow[], number];
      if (dto.decision === 'ACCEPTED') {
        await manager.query(
          `UPDATE obligations SET status = 'SATISFIED', performed_at = $2, on_time = ($2 <= due_at), satisfied_at = now(), overdue_at = NULL,
                                  updated_at = now()
            WHERE id = $1`,
          [evidence.obligation_id, evidence.performed_at],
        );
        if (evidence.type === 'LAW_ENFORCEMENT_REPORT') await this.redateNcic(manager, evidence.episode_id, evidence.performed_at);
      } else {
        const [[reopened]] = (await manager.query(
          `UPDATE obligations SET status = 'OPEN', deadline_version = deadline_version + 1, updated_at = now() WHERE id = $1
           RETURNING due_at, deadline_version, (SELECT case_id FROM episodes WHERE id = episode_id) AS case_id`,
          [evidence.obligation_id],
        )) as [Array<{ due_at: Date; deadline_version: number; case_id: string }>, number];
        await this.outbox.enqueue(
          manager,
          notificationJob({
            type: 'evidence.rejected',
            evidenceId,
            obligationType: evidence.type,
            episodeId: evidence.episode_id,
            caseId: reopened.case_id,
            courtId: evidence.court_id,
            submittedBy: evidence.submitted_by,
          }),
        );
        if (reopened.due_at.getTime() > Date.now()) {
          await this.deadlines.arm(manager, [
            {
              id: evidence.obligation_id,
              dueAt: reopened.due_at,
              version: reopened.deadline_version,
            },
          ]);
        } else {
          await this.deadlines.markOverdue(manager, [evidence.obligation_id]);
        }
      }
      await this.audit.record(manager, actor, {
        action: 'review',
        entityType: 'evidence',
        entityId: evidenceId,
        courtId: evidence.court_id,
        details: {
          decision: dto.decision,
          obligationId: evidence.obligation_id,
          type: evidence.type,
        },
      });
      return toEvidenceView(reviewed[0], evidence.type);
    });
  }

  async get(actor: Actor, id: string): Promise<EvidenceView> {
    const evidence = await this.findEvidence(actor, id, false);
    if (!evidence) {
      await this.audit.recordNow(actor, {
        action: 'read',
        outcome: 'not_found',
        entityType: 'evidence',
        entityId: id,
      });
      throw new NotFound('evidence');
    }
    await this.audit.recordNow(actor, {
      action: 'read',
      entityType: 'evidence',
      entityId: id,
      courtId: evidence.court_id,
    });
    return toEvidenceView(evidence, evidence.type);
  }

  async listForObligation(actor: Actor, obligationId: string): Promise<EvidenceView[]> {
    const obligation = await loadObligation(this.dataSource.manager, actor, obligationId);
    if (!obligation) throw new NotFound('obligation');
    const rows = (await this.dataSource.query(
      `SELECT ${EVIDENCE_COLUMNS} FROM evidence ev WHERE ev.obligation_id = $1 ORDER BY ev.submitted_at, ev.id`,
      [obligationId],
    )) as EvidenceRow[];
    await this.audit.recordNow(actor, {
      action: 'list',
      entityType: 'evidence',
      courtId: obligation.court_id,
      details: { obligationId },
    });
    return rows.map((row) => toEvidenceView(row, obligation.type));
  }

  /** The uploaded file of a proof (a scanned report, an assessment, a photo). */
  async file(actor: Actor, id: string): Promise<{ bytes: Buffer; contentType: string; sha256: string }> {
    const evidence = await this.findEvidence(actor, id, false);
    if (!evidence || !evidence.file_sha256) {
      await this.audit.recordNow(actor, {
        action: 'read',
        outcome: 'not_found',
        entityType: 'evidence',
        entityId: id,
        details: { file: true },
      });
      throw new NotFound('evidence file');
    }
    const bytes = await this.storage.get(evidence.file_sha256);
    await this.audit.recordNow(actor, {
      action: 'read',
      entityType: 'evidence',
      entityId: id,
      courtId: evidence.court_id,
      details: { file: true },
    });
    return {
      bytes,
      contentType: evidence.file_content_type as string,
      sha256: evidence.file_sha256,
    };
  }

  /** NCIC entry is due `ncicEntryHours` after the LE report was actually made, once that report's proof is accepted. */
  private async redateNcic(manager: EntityManager, episodeId: string, reportPerformedAt: Date): Promise<void> {
    const [ncic] = (await manager.query(
      `SELECT id, status, terms FROM obligations WHERE episode_id = $1 AND type = 'NCIC_ENTRY' AND status <> 'WAIVED' FOR UPDATE`,
      [episodeId],
    )) as Array<{ id: string; status: string; terms: OrderTerms }>;
    if (!ncic) return;
    const due = ncicEntryDue(reportPerformedAt, ncic.terms);
    if (ncic.status === 'SATISFIED') {
      await manager.query(`UPDATE obligations SET due_at = $2, on_time = (performed_at <= $2), updated_at = now() WHERE id = $1`, [
        ncic.id,
        due,
      ]);
      return;
    }
    const [[moved]] = (await manager.query(
      `UPDATE obligations
          SET due_at = $2, deadline_version = deadline_version + 1, updated_at = now(),
              status = CASE WHEN status = 'OVERDUE' AND $2 > now() THEN 'OPEN' ELSE status END,
              overdue_at = CASE WHEN status = 'OVERDUE' AND $2 > now() THEN NULL ELSE overdue_at END
        WHERE id = $1 RETURNING status, deadline_version`,
      [ncic.id, due],
    )) as [Array<{ status: string; deadline_version: number }>, number];
    if (moved.status !== 'OPEN') return;
    if (due.getTime() > Date.now()) await this.deadlines.arm(manager, [{ id: ncic.id, dueAt: due, version: moved.deadline_version }]);
    else await this.deadlines.markOverdue(manager, [ncic.id]);
  }

  private async findEvidence(actor: Actor, id: string, lock: boolean, manager = this.dataSource.manager) {
    const params = new SqlParams();
    const rows = (await manager.query(
      `SELECT ${EVIDENCE_COLUMNS}, o.type FROM evidence ev JOIN obligations o ON o.id = ev.obligation_id
        WHERE ev.id = ${params.add(id)} AND ${childRecordScope(actor, 'ev.child_id', 'ev.court_id', params)}
        ${lock ? 'FOR UPDATE OF ev, o' : ''}`,
      params.values,
    )) as Array<EvidenceRow & { type: ObligationType }>;
    return rows[0] ?? null;
  }

  /** performedAt (or, for a recovery notification, both notice times): not in the future, not before the child went missing or came back. */
  private checkTimes(type: ObligationType, dto: EvidenceDto, missingSince: Date, recoveredAt: Date | null): void {
    const errors: FieldError[] = [];
    const fields =
      type === 'RECOVERY_NOTIFICATION' ? (['lawEnforcementNotifiedAt', 'ncmecNotifiedAt'] as const) : (['performedAt'] as const);
    for (const field of fields) {
      const value = new Date(dto[field] as string);
      if (isInFuture(value)) errors.push({ field, message: 'must not be in the future' });
      else if (value < missingSince)
        errors.push({
          field,
          message: "must not be before the episode's missingSince",
        });
      else if (RECOVERY_TYPES.has(type) && recoveredAt && value < recoveredAt)
        errors.push({ field, message: 'must not be before the recovery' });
    }
    if (errors.length) throw new ValidationFailed(errors);
  }
}

function assertOpenForProof(status: string): void {
  if (status === 'SUBMITTED') throw new Conflict('ProofAwaitingReview', 'A proof of this obligation already awaits review.');
  if (status === 'SATISFIED') throw new Conflict('ObligationSatisfied', 'This obligation is already satisfied.');
  if (status === 'WAIVED') throw new Conflict('ObligationWaived', 'This obligation was waived.');
}
