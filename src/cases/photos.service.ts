import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/principal.js';
import { childScope, SqlParams } from '../auth/scope.js';
import { NotFound, ValidationFailed } from '../common/errors/domain-error.js';
import { isInFuture, startOfDayIn } from '../common/time/clock.js';
import { acceptUpload, type AcceptedFile } from '../storage/accept-upload.js';
import { FileStorage } from '../storage/file-storage.js';
import { ChildrenService } from './children.service.js';

export interface PhotoView {
  id: string;
  childId: string;
  takenAt: Date;
  contentType: 'image/jpeg' | 'image/png';
  sha256: string;
  byteSize: number;
}

@Injectable()
export class PhotosService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(FileStorage) private readonly storage: FileStorage,
    @Inject(ChildrenService) private readonly children: ChildrenService,
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
      // Stored once the row is in, so a refused photo leaves no file behind.
      await this.storage.put(accepted.sha256, accepted.bytes);
      await this.audit.record(manager, actor, {
        action: 'create',
        entityType: 'photo',
        entityId: photo.id,
        courtId: child.courtId,
        details: { childId },
      });
      return photo;
    });
  }

  /** Stores the row of an accepted, already stored photo (also used for photo proofs). */
  async insert(manager: EntityManager, actor: Actor, childId: string, file: AcceptedFile, takenAt: Date): Promise<PhotoView> {
    const id = randomUUID();
    await manager.query(
      `INSERT INTO photos (id, child_id, taken_at, content_type, sha256, byte_size, uploaded_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [id, childId, takenAt, file.contentType, file.sha256, file.byteSize, actor.id],
    );
    return {
      id,
      childId,
      takenAt,
      contentType: file.contentType as PhotoView['contentType'],
      sha256: file.sha256,
      byteSize: file.byteSize,
    };
  }

  async checkTakenAt(courtId: string, dateOfBirth: string, takenAt: Date): Promise<void> {
    if (isInFuture(takenAt)) throw ValidationFailed.field('takenAt', 'must not be in the future');
    const [court] = (await this.dataSource.query(`SELECT timezone FROM courts WHERE id = $1`, [courtId])) as Array<{ timezone: string }>;
    if (takenAt < startOfDayIn(dateOfBirth, court.timezone))
      throw ValidationFailed.field('takenAt', "must not be before the child's birth");
  }

  async read(actor: Actor, id: string): Promise<{ photo: PhotoView; bytes: Buffer }> {
    const params = new SqlParams();
    const rows = (await this.dataSource.query(
      `SELECT p.id, p.child_id, p.taken_at, p.content_type, p.sha256, p.byte_size, c.court_id
         FROM photos p JOIN children c ON c.id = p.child_id
        WHERE p.id = ${params.add(id)} AND ${childScope(actor, 'c', params)}`,
      params.values,
    )) as Array<{
      id: string;
      child_id: string;
      taken_at: Date;
      content_type: PhotoView['contentType'];
      sha256: string;
      byte_size: number;
      court_id: string;
    }>;
    const row = rows[0];
    if (!row) {
      await this.audit.recordNow(actor, { action: 'read', outcome: 'not_found', entityType: 'photo', entityId: id });
      throw new NotFound('photo');
    }
    const bytes = await this.storage.get(row.sha256);
    await this.audit.recordNow(actor, {
      action: 'read',
      entityType: 'photo',
      entityId: id,
      courtId: row.court_id,
      details: { childId: row.child_id },
    });
    return {
      photo: {
        id: row.id,
        childId: row.child_id,
        takenAt: row.taken_at,
        contentType: row.content_type,
        sha256: row.sha256,
        byteSize: row.byte_size,
      },
      bytes,
    };
  }
}
