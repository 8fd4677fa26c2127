import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { auditedRead } from '../audit/audited-read.js';
import type { Actor } from '../auth/principal.js';
import { NotFound, ValidationFailed } from '../common/errors/domain-error.js';
import { isInFuture, startOfDayIn } from '../common/time/clock.js';
import { CourtsService } from '../directory/courts.service.js';
import { acceptUpload, type AcceptedFile } from '../storage/accept-upload.js';
import { FILE_STORAGE, type FileStorage } from '../storage/file-storage.js';
import { ChildrenService } from './children.service.js';
import { PhotosRepository, type PhotoView } from './photos.repository.js';

export type { PhotoView } from './photos.repository.js';

@Injectable()
export class PhotosService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(ChildrenService) private readonly children: ChildrenService,
    @Inject(PhotosRepository) private readonly photos: PhotosRepository,
    @Inject(CourtsService) private readonly courts: CourtsService,
  ) {}

  /** A photo of a child, uploaded by a clerk or by the agency the child is placed with now. */
  async upload(actor: Actor, childId: string, file: { buffer?: Buffer } | undefined, takenAtText: string): Promise<PhotoView> {
    const child = await this.children.find(actor, childId);
    if (!child || (actor.role === 'AGENCY' && child.currentPlacement?.agencyId !== actor.agencyId)) throw new NotFound('child');
    const takenAt = new Date(takenAtText);
    await this.checkTakenAt(child.courtId, child.dateOfBirth, takenAt);
    const accepted = await acceptUpload(file, 'file', ['image/jpeg', 'image/png']);
    return this.dataSource.transaction(async (manager) => {
      const photo = await this.insert(manager, actor, childId, accepted, takenAt);
      await this.audit.record(manager, actor, {
        action: 'create',
        entityType: 'photo',
        entityId: photo.id,
        courtId: child.courtId,
        details: { childId },
      });
      // Stored last, once the rows are in, so a refused photo leaves no file behind.
      await this.storage.put(accepted.sha256, accepted.bytes);
      return photo;
    });
  }

  /** Stores the row of an accepted photo (also used for photo proofs). */
  async insert(manager: EntityManager, actor: Actor, childId: string, file: AcceptedFile, takenAt: Date): Promise<PhotoView> {
    const photo: PhotoView = {
      id: randomUUID(),
      childId,
      takenAt,
      contentType: file.contentType as PhotoView['contentType'],
      sha256: file.sha256,
      byteSize: file.byteSize,
    };
    await this.photos.insert(manager, { ...photo, uploadedBy: actor.id });
    return photo;
  }

  async checkTakenAt(courtId: string, dateOfBirth: string, takenAt: Date): Promise<void> {
    if (isInFuture(takenAt)) throw ValidationFailed.field('takenAt', 'must not be in the future');
    const court = await this.courts.require(courtId);
    if (takenAt < startOfDayIn(dateOfBirth, court.timezone))
      throw ValidationFailed.field('takenAt', "must not be before the child's birth");
  }

  /** The photo's bytes stream from storage as they are sent. */
  async read(actor: Actor, id: string): Promise<{ photo: PhotoView; bytes: Readable }> {
    let opened: Readable | null = null;
    const read = await auditedRead(
      this.audit,
      actor,
      { entityType: 'photo', entityId: id, notFound: 'photo' },
      async () => {
        const found = await this.photos.findScoped(actor, id);
        if (!found) return null;
        const { courtId, ...photo } = found;
        opened = await this.storage.open(photo.sha256);
        return { photo, courtId, bytes: opened };
      },
      (photo) => ({ courtId: photo.courtId, details: { childId: photo.photo.childId } }),
    ).catch((error: unknown) => {
      (opened as Readable | null)?.destroy();
      throw error;
    });
    return { photo: read.photo, bytes: read.bytes };
  }
}
