import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { childScope } from '../auth/scope.js';
import { SqlParams } from '../common/database/sql.js';
import { Photo } from './entities/photo.entity.js';

export interface PhotoView {
  id: string;
  childId: string;
  takenAt: Date;
  contentType: 'image/jpeg' | 'image/png';
  sha256: string;
  byteSize: number;
}

/** The photos table (the bytes are in storage, named by their SHA-256). */
@Injectable()
export class PhotosRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, photo: PhotoView & { uploadedBy: string }): Promise<void> {
    await manager.getRepository(Photo).insert(photo);
  }

  /** A photo of a child the principal may see, with the child's court; or null. */
  async findScoped(principal: Principal, id: string): Promise<(PhotoView & { courtId: string }) | null> {
    const params = new SqlParams();
    const [row] = (await this.dataSource.query(
      `SELECT p.id, p.child_id, p.taken_at, p.content_type, p.sha256, p.byte_size, c.court_id
         FROM photos p JOIN children c ON c.id = p.child_id
        WHERE p.id = ${params.add(id)} AND ${childScope(principal, 'c', params)}`,
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
    if (!row) return null;
    return {
      id: row.id,
      childId: row.child_id,
      takenAt: row.taken_at,
      contentType: row.content_type,
      sha256: row.sha256,
      byteSize: row.byte_size,
      courtId: row.court_id,
    };
  }
}
