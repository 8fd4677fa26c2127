import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/principal.js';
import { actsForCourt, courtScope, SqlParams } from '../auth/scope.js';
import { Conflict, NotFound } from '../common/errors/domain-error.js';
import { toPage, decodeCursor, type Page } from '../common/pagination/pagination.js';
import type { CreateClosureDto, CreateCourtDto } from './dto/directory.dto.js';

export interface CourtView {
  id: string;
  name: string;
  state: string;
  county: string;
  timezone: string;
  createdAt: Date;
}

export interface ClosureView {
  id: string;
  courtId: string;
  date: string;
  name: string;
}

interface CourtRow {
  id: string;
  name: string;
  state: string;
  county: string;
  timezone: string;
  created_at: Date;
  cursor_key: string;
}

const toView = (row: CourtRow): CourtView => ({
  id: row.id,
  name: row.name,
  state: row.state,
  county: row.county,
  timezone: row.timezone,
  createdAt: row.created_at,
});

@Injectable()
export class CourtsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, dto: CreateCourtDto): Promise<CourtView> {
    const id = randomUUID();
    return this.dataSource.transaction(async (manager) => {
      const [row] = (await manager.query(
        `INSERT INTO courts (id, name, state, county, timezone) VALUES ($1, $2, $3, $4, $5) RETURNING *, created_at::text AS cursor_key`,
        [id, dto.name, dto.state, dto.county, dto.timezone],
      )) as CourtRow[];
      await this.audit.record(manager, actor, { action: 'create', entityType: 'court', entityId: id, courtId: id });
      return toView(row);
    });
  }

  async get(actor: Actor, id: string): Promise<CourtView> {
    const params = new SqlParams();
    const rows = (await this.dataSource.query(
      `SELECT co.*, co.created_at::text AS cursor_key FROM courts co WHERE co.id = ${params.add(id)} AND ${courtScope(actor, 'co', params)}`,
      params.values,
    )) as CourtRow[];
    if (!rows[0]) throw new NotFound('court');
    return toView(rows[0]);
  }

  async list(actor: Actor, limit: number, cursor?: string): Promise<Page<CourtView>> {
    const params = new SqlParams();
    const after = decodeCursor(cursor);
    const where = [courtScope(actor, 'co', params)];
    if (after) where.push(`(co.created_at, co.id) > (${params.add(after.key)}::timestamptz, ${params.add(after.id)}::uuid)`);
    const rows = (await this.dataSource.query(
      `SELECT co.*, co.created_at::text AS cursor_key FROM courts co WHERE ${where.join(' AND ')}
       ORDER BY co.created_at, co.id LIMIT ${params.add(limit + 1)}`,
      params.values,
    )) as CourtRow[];
    return toPage(rows, limit, toView);
  }

  /** Finds a court the caller acts for (admin, or its own judge/clerk); any other is not found. */
  async requireOwnCourt(actor: Actor, courtId: string): Promise<CourtView> {
    const court = await this.get(actor, courtId);
    if (!actsForCourt(actor, court.id)) throw new NotFound('court');
    return court;
  }

  async addClosure(actor: Actor, courtId: string, dto: CreateClosureDto): Promise<ClosureView> {
    await this.requireOwnCourt(actor, courtId);
    const id = randomUUID();
    return this.dataSource.transaction(async (manager) => {
      const rows = (await manager.query(
        `INSERT INTO court_closures (id, court_id, date, name) VALUES ($1, $2, $3, $4)
         ON CONFLICT (court_id, date) DO NOTHING RETURNING id`,
        [id, courtId, dto.date, dto.name],
      )) as Array<{ id: string }>;
      if (rows.length === 0)
        throw new Conflict('ClosureExists', `The court is already closed on ${dto.date}.`, [
          { field: 'date', message: 'is already a closure' },
        ]);
      await this.audit.record(manager, actor, {
        action: 'create',
        entityType: 'court_closure',
        entityId: id,
        courtId,
        details: { date: dto.date },
      });
      return { id, courtId, date: dto.date, name: dto.name };
    });
  }

  async listClosures(actor: Actor, courtId: string): Promise<ClosureView[]> {
    await this.get(actor, courtId);
    const rows = (await this.dataSource.query(
      `SELECT id, court_id, date::text AS date, name FROM court_closures WHERE court_id = $1 ORDER BY date`,
      [courtId],
    )) as Array<{ id: string; court_id: string; date: string; name: string }>;
    return rows.map((r) => ({ id: r.id, courtId: r.court_id, date: r.date, name: r.name }));
  }
}
