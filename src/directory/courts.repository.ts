import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { courtScope } from '../auth/scope.js';
import { insertRows, SqlParams } from '../common/database/sql.js';
import { toPage, type CursorPosition, type Page } from '../common/pagination/pagination.js';
import { CourtClosure } from './entities/court-closure.entity.js';
import { Court } from './entities/court.entity.js';

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

/** What the court-day arithmetic needs of a court. */
export interface CourtCalendarData {
  timezone: string;
  state: string;
  /** YYYY-MM-DD in the court's time zone. */
  closures: Set<string>;
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

const COURT_SELECT = `SELECT co.id, co.name, co.state, co.county, co.timezone, co.created_at, co.created_at::text AS cursor_key FROM courts co`;

const rowToView = (row: CourtRow): CourtView => ({
  id: row.id,
  name: row.name,
  state: row.state,
  county: row.county,
  timezone: row.timezone,
  createdAt: row.created_at,
});

const entityToView = (court: Court): CourtView => ({
  id: court.id,
  name: court.name,
  state: court.state,
  county: court.county,
  timezone: court.timezone,
  createdAt: court.createdAt,
});

/** The courts and court_closures tables. */
@Injectable()
export class CourtsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, court: Omit<CourtView, 'createdAt'>): Promise<CourtView> {
    const result = await manager.getRepository(Court).insert(court);
    return { ...court, createdAt: (result.generatedMaps[0] as Pick<Court, 'createdAt'>).createdAt };
  }

  /** Any court by id, unscoped: for services that have already decided the caller may act on it. */
  async byId(id: string, manager: EntityManager = this.dataSource.manager): Promise<CourtView | null> {
    const court = await manager.getRepository(Court).findOneBy({ id });
    return court ? entityToView(court) : null;
  }

  /** A court the principal may see (scope inside the query), or null. */
  async findScoped(principal: Principal, id: string): Promise<CourtView | null> {
    const params = new SqlParams();
    const rows = (await this.dataSource.query(
      `${COURT_SELECT} WHERE co.id = ${params.add(id)} AND ${courtScope(principal, 'co', params)}`,
      params.values,
    )) as CourtRow[];
    return rows[0] ? rowToView(rows[0]) : null;
  }

  async listScoped(principal: Principal, limit: number, after: CursorPosition | null): Promise<Page<CourtView>> {
    const params = new SqlParams();
    const where = [courtScope(principal, 'co', params)];
    if (after) where.push(`(co.created_at, co.id) > (${params.add(after.key)}::timestamptz, ${params.add(after.id)}::uuid)`);
    const rows = (await this.dataSource.query(
      `${COURT_SELECT} WHERE ${where.join(' AND ')} ORDER BY co.created_at, co.id LIMIT ${params.add(limit + 1)}`,
      params.values,
    )) as CourtRow[];
    return toPage(rows, limit, rowToView);
  }

  /** false when the court is already closed that day. */
  async insertClosure(manager: EntityManager, closure: ClosureView): Promise<boolean> {
    const inserted = await insertRows(manager, CourtClosure, [closure], { ignoreConflicts: true });
    return inserted.length > 0;
  }

  /** A page of the court's closures, by date. */
  async closures(courtId: string, limit: number, after: CursorPosition | null): Promise<Page<ClosureView>> {
    const params = new SqlParams();
    const where = [`court_id = ${params.add(courtId)}`];
    if (after) where.push(`(date, id) > (${params.add(after.key)}::date, ${params.add(after.id)}::uuid)`);
    const rows = (await this.dataSource.query(
      `SELECT id, court_id, date::text AS date, name, date::text AS cursor_key FROM court_closures
        WHERE ${where.join(' AND ')} ORDER BY date, id LIMIT ${params.add(limit + 1)}`,
      params.values,
    )) as Array<{ id: string; court_id: string; date: string; name: string; cursor_key: string }>;
    return toPage(rows, limit, (r) => ({ id: r.id, courtId: r.court_id, date: r.date, name: r.name }));
  }

  /** Time zone, state and closures around today (a year and a half ahead is more than any request looks). */
  async calendar(courtId: string, manager: EntityManager = this.dataSource.manager): Promise<CourtCalendarData | null> {
    const court = await manager.getRepository(Court).findOneBy({ id: courtId });
    if (!court) return null;
    const closures = (await manager.query(
      `SELECT date::text AS date FROM court_closures WHERE court_id = $1 AND date >= current_date - 7 AND date <= current_date + 550`,
      [courtId],
    )) as Array<{ date: string }>;
    return { timezone: court.timezone, state: court.state.trim(), closures: new Set(closures.map((c) => c.date)) };
  }
}
