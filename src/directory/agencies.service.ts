import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/principal.js';
import { SqlParams } from '../auth/scope.js';
import { NotFound } from '../common/errors/domain-error.js';
import { decodeCursor, toPage, type Page } from '../common/pagination/pagination.js';
import type { CreateAgencyDto } from './dto/directory.dto.js';
import type { AgencyKind } from './entities/agency.entity.js';

export interface AgencyView {
  id: string;
  name: string;
  kind: AgencyKind;
  state: string;
  createdAt: Date;
}

interface AgencyRow {
  id: string;
  name: string;
  kind: AgencyKind;
  state: string;
  created_at: Date;
  cursor_key: string;
}

const toView = (r: AgencyRow): AgencyView => ({ id: r.id, name: r.name, kind: r.kind, state: r.state, createdAt: r.created_at });

/** Agencies are not children's data: courts see them all (to pick one for a placement); an agency sees itself. */
function agencyScope(actor: Actor, alias: string, params: SqlParams): string {
  return actor.role === 'AGENCY' ? `${alias}.id = ${params.add(actor.agencyId)}` : 'TRUE';
}

@Injectable()
export class AgenciesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, dto: CreateAgencyDto): Promise<AgencyView> {
    const id = randomUUID();
    return this.dataSource.transaction(async (manager) => {
      const [row] = (await manager.query(
        `INSERT INTO agencies (id, name, kind, state) VALUES ($1, $2, $3, $4) RETURNING *, created_at::text AS cursor_key`,
        [id, dto.name, dto.kind, dto.state],
      )) as AgencyRow[];
      await this.audit.record(manager, actor, { action: 'create', entityType: 'agency', entityId: id });
      return toView(row);
    });
  }

  async get(actor: Actor, id: string): Promise<AgencyView> {
    const params = new SqlParams();
    const rows = (await this.dataSource.query(
      `SELECT a.*, a.created_at::text AS cursor_key FROM agencies a WHERE a.id = ${params.add(id)} AND ${agencyScope(actor, 'a', params)}`,
      params.values,
    )) as AgencyRow[];
    if (!rows[0]) throw new NotFound('agency');
    return toView(rows[0]);
  }

  async list(actor: Actor, limit: number, cursor?: string): Promise<Page<AgencyView>> {
    const params = new SqlParams();
    const after = decodeCursor(cursor);
    const where = [agencyScope(actor, 'a', params)];
    if (after) where.push(`(a.created_at, a.id) > (${params.add(after.key)}::timestamptz, ${params.add(after.id)}::uuid)`);
    const rows = (await this.dataSource.query(
      `SELECT a.*, a.created_at::text AS cursor_key FROM agencies a WHERE ${where.join(' AND ')}
       ORDER BY a.created_at, a.id LIMIT ${params.add(limit + 1)}`,
      params.values,
    )) as AgencyRow[];
    return toPage(rows, limit, toView);
  }

  /** Whether these agencies exist; returns the ids that do not. */
  async missing(ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = (await this.dataSource.query(`SELECT id FROM agencies WHERE id = ANY($1::uuid[])`, [ids])) as Array<{ id: string }>;
    const found = new Set(rows.map((r) => r.id));
    return ids.filter((id) => !found.has(id));
  }
}
