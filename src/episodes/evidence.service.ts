import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { auditedRead } from '../audit/audited-read.js';
import { decodeCursor, type Page, type PageQuery } from '../common/pagination/pagination.js';
import type { Actor } from '../auth/principal.js';
import { PhotosService } from '../cases/photos.service.js';
import { Conflict, Forbidden, NotFound, ValidationFailed, type FieldError } from '../common/errors/domain-error.js';
import { isInFuture } from '../common/time/clock.js';
import { notificationJob } from '../outbox/jobs.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { acceptUpload, type AcceptedFile } from '../storage/accept-upload.js';
import { FILE_STORAGE, type FileStorage } from '../storage/file-storage.js';
import { DeadlinesService } from './deadlines.service.js';
import type { EvidenceDto, ReviewDto } from './dto/episodes.dto.js';
import { agencyActsFor } from './episode-access.js';
import type { EvidenceView } from './evidence-view.js';
import { EvidenceRepository } from './evidence.repository.js';
import { ncicEntryDue } from './obligation-deadlines.js';
import { PHOTO_TYPES, RECOVERY_TYPES, type ObligationType } from './obligation-types.js';
import { ObligationsRepository } from './obligations.repository.js';
import { checkProof, PROOF_RULES } from './proof-fields.js';

@Injectable()
export class EvidenceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(PhotosService) private readonly photos: PhotosService,
    @Inject(DeadlinesService) private readonly deadlines: DeadlinesService,
    @Inject(OutboxService) private readonly outbox: OutboxService,
    @Inject(EvidenceRepository) private readonly evidence: EvidenceRepository,
    @Inject(ObligationsRepository) private readonly obligations: ObligationsRepository,
  ) {}

  /** An agency (or a clerk) gives proof that a duty was performed; the obligation waits for review. */
  async submit(actor: Actor, obligationId: string, dto: EvidenceDto, file: { buffer?: Buffer } | undefined): Promise<EvidenceView> {
    const obligation = await this.obligations.findScoped(this.dataSource.manager, actor, obligationId);
    if (!obligation || !agencyActsFor(actor, obligation.episodeAgencyId, obligation.currentAgencyId)) throw new NotFound('obligation');
    assertOpenForProof(obligation.status);
    const { file: _file, ...input } = dto;
    const proof = checkProof(obligation.type, input, Boolean(file?.buffer?.length));
    this.checkTimes(obligation.type, dto, obligation.missingSince, obligation.recoveredAt);
    const stored: AcceptedFile | null = file?.buffer?.length
      ? await acceptUpload(file, 'file', PROOF_RULES[obligation.type].fileTypes)
      : null;
    const id = randomUUID();
    return this.dataSource.transaction(async (manager) => {
      const locked = await this.obligations.findScoped(manager, actor, obligationId, { lock: true });
      if (!locked) throw new NotFound('obligation');
      assertOpenForProof(locked.status);
      let photoId: string | null = null;
      if (stored && PHOTO_TYPES.has(obligation.type)) {
        photoId = (await this.photos.insert(manager, actor, obligation.childId, stored, proof.performedAt)).id;
      }
      const evidence = await this.evidence.insert(manager, {
        id,
        obligationId,
        episodeId: obligation.episodeId,
        courtId: obligation.courtId,
        childId: obligation.childId,
        performedAt: proof.performedAt,
        fields: proof.fields,
        fileSha256: stored?.sha256 ?? null,
        fileContentType: stored?.contentType ?? null,
        fileByteSize: stored?.byteSize ?? null,
        photoId,
        submittedBy: actor.id,
        submittedByRole: actor.kind === 'api_key' ? 'AGENCY:API_KEY' : actor.role,
      });
      await this.obligations.markSubmitted(manager, obligationId);
      await this.audit.record(manager, actor, {
        action: 'create',
        entityType: 'evidence',
        entityId: id,
        courtId: obligation.courtId,
        details: { obligationId, type: obligation.type, file: stored ? stored.sha256 : null },
      });
      // Stored last, once every row is in, so a refused proof leaves no file behind.
      if (stored) await this.storage.put(stored.sha256, stored.bytes);
      return evidence.view;
    });
  }

  /**
   * A clerk or judge accepts or rejects a proof. Accepted: the obligation is
   * satisfied, on time if performed by its due time, and an accepted LE report
   * re-dates the NCIC entry. Rejected: the obligation is open again, or
   * overdue if its time has passed. Nobody reviews a proof they submitted (403 OwnProofReview).
   */
  async review(actor: Actor, evidenceId: string, dto: ReviewDto): Promise<EvidenceView> {
    if (dto.decision === 'REJECTED' && !dto.reason) throw ValidationFailed.field('reason', 'is required to reject a proof');
    return this.dataSource.transaction(async (manager) => {
      const evidence = await this.evidence.findScoped(actor, evidenceId, { lock: true, manager });
      if (!evidence) throw new NotFound('evidence');
      // Four eyes: whoever gave the proof does not also decide that it holds.
      if (evidence.submittedBy === actor.id) {
        throw new Forbidden(
          'A proof is reviewed by someone other than the person who submitted it; ask another clerk or the judge.',
          'OwnProofReview',
        );
      }
      if (evidence.status !== 'SUBMITTED')
        throw new Conflict('EvidenceAlreadyReviewed', `This proof was already ${evidence.status.toLowerCase()}.`);
      const reviewed = await this.evidence.markReviewed(manager, evidenceId, {
        decision: dto.decision,
        by: actor.id,
        reason: dto.reason ?? null,
      });
      if (dto.decision === 'ACCEPTED') {
        await this.obligations.markSatisfied(manager, evidence.obligationId, evidence.performedAt);
        if (evidence.type === 'LAW_ENFORCEMENT_REPORT') await this.redateNcic(manager, evidence.episodeId, evidence.performedAt);
      } else {
        const reopened = await this.obligations.reopen(manager, evidence.obligationId);
        await this.outbox.enqueue(
          manager,
          notificationJob({
            type: 'evidence.rejected',
            evidenceId,
            obligationType: evidence.type,
            episodeId: evidence.episodeId,
            caseId: reopened.caseId,
            courtId: evidence.courtId,
            submittedBy: evidence.submittedBy,
          }),
        );
        await this.deadlines.armOrMarkOverdue(manager, {
          id: evidence.obligationId,
          dueAt: reopened.dueAt,
          version: reopened.deadlineVersion,
        });
      }
      await this.audit.record(manager, actor, {
        action: 'review',
        entityType: 'evidence',
        entityId: evidenceId,
        courtId: evidence.courtId,
        details: { decision: dto.decision, obligationId: evidence.obligationId, type: evidence.type },
      });
      return reviewed.view;
    });
  }

  async get(actor: Actor, id: string): Promise<EvidenceView> {
    const evidence = await auditedRead(
      this.audit,
      actor,
      { entityType: 'evidence', entityId: id, notFound: 'evidence' },
      () => this.evidence.findScoped(actor, id),
      (found) => ({ courtId: found.courtId }),
    );
    return evidence.view;
  }

  async listForObligation(actor: Actor, obligationId: string, page: PageQuery): Promise<Page<EvidenceView>> {
    const obligation = await this.obligations.findScoped(this.dataSource.manager, actor, obligationId);
    if (!obligation) throw new NotFound('obligation');
    const proofs = await this.evidence.forObligation(obligationId, page.limit, decodeCursor(page.cursor));
    const items = proofs.items.map((proof) => proof.view);
    await this.audit.recordNow(actor, {
      action: 'list',
      entityType: 'evidence',
      courtId: obligation.courtId,
      details: { obligationId, ids: items.map((proof) => proof.id) },
    });
    return { items, nextCursor: proofs.nextCursor };
  }

  /** The uploaded file of a proof (a scanned report, an assessment, a photo), streamed from storage as it is sent. */
  async file(actor: Actor, id: string): Promise<{ bytes: Readable; contentType: string; sha256: string; byteSize: number }> {
    let opened: Readable | null = null;
    const found = await auditedRead(
      this.audit,
      actor,
      { entityType: 'evidence', entityId: id, notFound: 'evidence file', details: { file: true } },
      async () => {
        const evidence = await this.evidence.findScoped(actor, id);
        if (!evidence?.file) return null;
        opened = await this.storage.open(evidence.file.sha256);
        return { courtId: evidence.courtId, file: evidence.file, bytes: opened };
      },
      (read) => ({ courtId: read.courtId }),
    ).catch((error: unknown) => {
      (opened as Readable | null)?.destroy();
      throw error;
    });
    return { bytes: found.bytes, contentType: found.file.contentType, sha256: found.file.sha256, byteSize: found.file.byteSize };
  }

  /** NCIC entry is due `ncicEntryHours` after the LE report was actually made, once that report's proof is accepted. */
  private async redateNcic(manager: EntityManager, episodeId: string, reportPerformedAt: Date): Promise<void> {
    const ncic = await this.obligations.lockNcicEntry(manager, episodeId);
    if (!ncic) return;
    const due = ncicEntryDue(reportPerformedAt, ncic.terms);
    if (ncic.status === 'SATISFIED') {
      await this.obligations.redateSatisfied(manager, ncic.id, due);
      return;
    }
    const moved = await this.obligations.redate(manager, ncic.id, due);
    if (moved.status === 'OPEN')
      await this.deadlines.armOrMarkOverdue(manager, { id: ncic.id, dueAt: due, version: moved.deadlineVersion });
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
