import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { childRecordScope } from '../auth/scope.js';
import { columns, SqlParams } from '../common/database/sql.js';
import { toPage, type CursorPosition, type Page } from '../common/pagination/pagination.js';
import { Evidence } from './entities/evidence.entity.js';
import type { EvidenceView } from './evidence-view.js';
import type { EvidenceStatus, ObligationType } from './obligation-types.js';

/** A proof as stored, with its obligation's type. */
export interface StoredEvidence {
  id: string;
  obligationId: string;
  episodeId: string;
  courtId: string;
  childId: string;
  type: ObligationType;
  status: EvidenceStatus;
  performedAt: Date;
  submittedBy: string;
  file: { sha256: string; contentType: string; byteSize: number } | null;
  view: EvidenceView;
}

interface EvidenceRow {
  id: string;
  obligation_id: string;
  episode_id: string;
  court_id: string;
  child_id: string;
  status: EvidenceStatus;
  performed_at: Date;
  fields: Record<string, unknown>;
  file_sha256: string | null;
  file_content_type: string | null;
  file_byte_size: number | null;
  photo_id: string | null;
  submitted_by: string;
  submitted_at: Date;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  review_reason: string | null;
  type: ObligationType;
}

const EVIDENCE_COLUMNS = columns('ev', [
  'id',
  'obligation_id',
  'episode_id',
  'court_id',
  'child_id',
  'status',
  'performed_at',
  'fields',
  'file_sha256',
  'file_content_type',
  'file_byte_size',
  'photo_id',
  'submitted_by',
  'submitted_at',
  'reviewed_by',
  'reviewed_at',
  'review_reason',
]);
const EVIDENCE_FROM = 'FROM evidence ev JOIN obligations o ON o.id = ev.obligation_id';
const EVIDENCE_SELECT = `SELECT ${EVIDENCE_COLUMNS}, o.type ${EVIDENCE_FROM}`;

function toStored(r: EvidenceRow): StoredEvidence {
  const file = r.file_sha256
    ? { sha256: r.file_sha256, contentType: r.file_content_type as string, byteSize: r.file_byte_size as number }
    : null;
  return {
    id: r.id,
    obligationId: r.obligation_id,
    episodeId: r.episode_id,
    courtId: r.court_id,
    childId: r.child_id,
    type: r.type,
    status: r.status,
    performedAt: r.performed_at,
    submittedBy: r.submitted_by,
    file,
    // The proof with its type's fields at the top level, as they were submitted.
    view: {
      id: r.id,
      obligationId: r.obligation_id,
      episodeId: r.episode_id,
      type: r.type,
      status: r.status,
      performedAt: r.performed_at,
      ...r.fields,
      submittedAt: r.submitted_at,
      submittedBy: r.submitted_by,
      file,
      photoId: r.photo_id,
      reviewedAt: r.reviewed_at,
      reviewedBy: r.reviewed_by,
      reviewReason: r.review_reason,
    },
  };
}

/** The evidence table: proofs, and the court's review of each. */
@Injectable()
export class EvidenceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Whether an accepted safety assessment of the child (in any episode) found a trafficking concern. */
  async traffickingConcern(childId: string): Promise<boolean> {
    const rows = (await this.dataSource.query(
      `SELECT 1 FROM evidence ev JOIN obligations ob ON ob.id = ev.obligation_id
        WHERE ev.child_id = $1 AND ob.type = 'SAFETY_ASSESSMENT' AND ev.status = 'ACCEPTED' AND ev.fields->>'traffickingConcern' = 'true'
        LIMIT 1`,
      [childId],
    )) as unknown[];
    return rows.length > 0;
  }

  async insert(
    manager: EntityManager,
    evidence: Omit<Evidence, 'status' | 'submittedAt' | 'reviewedBy' | 'reviewedAt' | 'reviewReason'>,
  ): Promise<StoredEvidence> {
    await manager.getRepository(Evidence).insert({ ...evidence, status: 'SUBMITTED' });
    return (await this.byId(manager, evidence.id)) as StoredEvidence;
  }

  async byId(manager: EntityManager, id: string): Promise<StoredEvidence | null> {
    const [row] = (await manager.query(`${EVIDENCE_SELECT} WHERE ev.id = $1`, [id])) as EvidenceRow[];
    return row ? toStored(row) : null;
  }

  /** A proof the principal may see (locked with its obligation until the transaction ends when `lock`), or null. */
  async findScoped(
    principal: Principal,
    id: string,
    options: { lock?: boolean; manager?: EntityManager } = {},
  ): Promise<StoredEvidence | null> {
    const params = new SqlParams();
    const [row] = (await (options.manager ?? this.dataSource.manager).query(
      `${EVIDENCE_SELECT} WHERE ev.id = ${params.add(id)} AND ${childRecordScope(principal, 'ev.child_id', 'ev.court_id', params)}
       ${options.lock ? 'FOR UPDATE OF ev, o' : ''}`,
      params.values,
    )) as EvidenceRow[];
    return row ? toStored(row) : null;
  }

  /** Oldest first. */
  /** A page of an obligation's proofs, in the order they were submitted. */
  async forObligation(obligationId: string, limit: number, after: CursorPosition | null): Promise<Page<StoredEvidence>> {
    const params = new SqlParams();
    const where = [`ev.obligation_id = ${params.add(obligationId)}`];
    if (after) where.push(`(ev.submitted_at, ev.id) > (${params.add(after.key)}::timestamptz, ${params.add(after.id)}::uuid)`);
    const rows = (await this.dataSource.query(
      `SELECT ${EVIDENCE_COLUMNS}, o.type, ev.submitted_at::text AS cursor_key ${EVIDENCE_FROM}
        WHERE ${where.join(' AND ')} ORDER BY ev.submitted_at, ev.id LIMIT ${params.add(limit + 1)}`,
      params.values,
    )) as Array<EvidenceRow & { cursor_key: string }>;
    return toPage(rows, limit, toStored);
  }

  async markReviewed(
    manager: EntityManager,
    id: string,
    review: { decision: 'ACCEPTED' | 'REJECTED'; by: string; reason: string | null },
  ): Promise<StoredEvidence> {
    await manager.getRepository(Evidence).update(id, {
      status: review.decision,
      reviewedBy: review.by,
      reviewedAt: () => 'now()',
      reviewReason: review.reason,
    });
    return (await this.byId(manager, id)) as StoredEvidence;
  }
}
