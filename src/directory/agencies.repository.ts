import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { SqlParams } from '../common/database/sql.js';
import { toPage, type CursorPosition, type Page } from '../common/pagination/pagination.js';
import { Agency, type AgencyKind } from './entities/agency.entity.js';

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

const AGENCY_SELECT = `SELECT a.id, a.name, a.kind, a.state, a.created_at, a.created_at::text AS cursor_key FROM agencies a`;

const rowToView = (r: AgencyRow): AgencyView => ({ id: r.id, name: r.name, kind: r.kind, state: r.state, createdAt: r.created_at });

/** Agencies are not children's data: courts see them all (to pick one for a placement); an agency sees itself. */
function agencyScope(principal: Principal, alias: string, params: SqlParams): string {
  return principal.role === 'AGENCY' ? `${alias}.id = ${params.add(principal.agencyId)}` : 'TRUE';
}

/** The agencies table. */
@Injectable()
export class AgenciesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, agency: Omit<AgencyView, 'createdAt'>): Promise<AgencyView> {
    const result = await manager.getRepository(Agency).insert(agency);
    return { ...agency, createdAt: (result.generatedMaps[0] as Pick<Agency, 'createdAt'>).createdAt };
  }

  async findScoped(principal: Principal, id: string): Promise<AgencyView | null> {
    const params = new SqlParams();
    const rows = (await this.dataSource.query(
      `${AGENCY_SELECT} WHERE a.id = ${params.add(id)} AND ${agencyScope(principal, 'a', params)}`,
      params.values,
    )) as AgencyRow[];
    return rows[0] ? rowToView(rows[0]) : null;
  }

  async listScoped(principal: Principal, limit: number, after: CursorPosition | null): Promise<Page<AgencyView>> {
    const params = new SqlParams();
    const where = [agencyScope(principal, 'a', params)];
    if (after) where.push(`(a.created_at, a.id) > (${params.add(after.key)}::timestamptz, ${params.add(after.id)}::uuid)`);
    const rows = (await this.dataSource.query(
      `${AGENCY_SELECT} WHERE ${where.join(' AND ')} ORDER BY a.created_at, a.id LIMIT ${params.add(limit + 1)}`,
      params.values,
    )) as AgencyRow[];
    return toPage(rows, limit, rowToView);
  }

  /** The agencies among `ids` that exist, ordered by name (then id). */
  async byIds(ids: string[], manager: EntityManager = this.dataSource.manager): Promise<AgencyView[]> {
    if (ids.length === 0) return [];
    const agencies = await manager.getRepository(Agency).find({ where: { id: In(ids) }, order: { name: 'ASC', id: 'ASC' } });
    return agencies.map((a) => ({ id: a.id, name: a.name, kind: a.kind, state: a.state, createdAt: a.createdAt }));
  }
}
