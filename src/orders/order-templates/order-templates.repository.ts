import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import type { Principal } from '../../auth/principal.js';
import { courtRecordScope } from '../../auth/scope.js';
import { columns, SqlParams } from '../../common/database/sql.js';
import { toPage, type CursorPosition, type Page } from '../../common/pagination/pagination.js';
import type { TemplateKind } from '../rendering/template-data.js';
import { OrderTemplate } from '../entities/order-template.entity.js';

export interface OrderTemplateView {
  id: string;
  key: string;
  kind: TemplateKind;
  version: number;
  title: string;
  /** null: shipped with the service (templates/); otherwise the court's own version. */
  courtId: string | null;
  sha256: string;
  createdAt: Date;
}

export interface OrderTemplateDetail extends OrderTemplateView {
  body: string;
}

/** A new version's content; its version number is the next of its kind (and court). */
export interface NewTemplateVersion {
  id: string;
  key: string;
  kind: TemplateKind;
  title: string;
  body: string;
  sha256: string;
}

interface TemplateRow {
  id: string;
  key: string;
  kind: TemplateKind;
  version: number;
  title: string;
  court_id: string | null;
  sha256: string;
  created_at: Date;
  body?: string;
}

const toView = (row: TemplateRow): OrderTemplateView => ({
  id: row.id,
  key: row.key,
  kind: row.kind,
  version: row.version,
  title: row.title,
  courtId: row.court_id,
  sha256: row.sha256,
  createdAt: row.created_at,
});

const entityToView = (template: OrderTemplate): OrderTemplateView => ({
  id: template.id,
  key: template.key,
  kind: template.kind,
  version: template.version,
  title: template.title,
  courtId: template.courtId,
  sha256: template.sha256,
  createdAt: template.createdAt,
});

const TEMPLATE_COLUMNS = columns('t', ['id', 'key', 'kind', 'version', 'title', 'court_id', 'sha256', 'created_at']);
const INSERTED_COLUMNS = 'id, key, kind, version, title, court_id, sha256, created_at';

/** The list's order as a row of columns of `alias`: kind, court (built-in, no court, first), version, id. */
function templateOrder(alias: string): string {
  return `${alias}.kind, coalesce(${alias}.court_id, '00000000-0000-0000-0000-000000000000'::uuid), ${alias}.version, ${alias}.id`;
}

/** Built-in versions (no court) and those of courts the principal may see. */
function templateScope(principal: Principal, params: SqlParams): string {
  return `(t.court_id IS NULL OR ${courtRecordScope(principal, 't.court_id', params)})`;
}

/** The order_templates table. Versions are inserted, never updated; a version's number is the next of its kind and court. */
@Injectable()
export class OrderTemplatesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Stores a shipped template unless that content is stored already; answers the new version, or null. */
  async insertBuiltIn(manager: EntityManager, template: NewTemplateVersion): Promise<number | null> {
    const [row] = (await manager.query(
      `INSERT INTO order_templates (id, key, kind, version, title, court_id, body, sha256)
       SELECT $1, $2, $3, COALESCE(MAX(version), 0) + 1, $4, NULL, $5, $6 FROM order_templates WHERE kind = $3 AND court_id IS NULL
       ON CONFLICT (kind, sha256) WHERE court_id IS NULL DO NOTHING
       RETURNING version`,
      [template.id, template.key, template.kind, template.title, template.body, template.sha256],
    )) as Array<{ version: number }>;
    return row?.version ?? null;
  }

  async insertForCourt(
    manager: EntityManager,
    courtId: string,
    createdBy: string,
    template: NewTemplateVersion,
  ): Promise<OrderTemplateView> {
    const [row] = (await manager.query(
      `INSERT INTO order_templates (id, key, kind, version, title, court_id, body, sha256, created_by)
       SELECT $1, $2, $3, COALESCE(MAX(version), 0) + 1, $4, $5, $6, $7, $8 FROM order_templates WHERE kind = $3 AND court_id = $5
       RETURNING ${INSERTED_COLUMNS}`,
      [template.id, template.key, template.kind, template.title, courtId, template.body, template.sha256, createdBy],
    )) as TemplateRow[];
    return toView(row);
  }

  /** The key of the newest built-in version of a kind (a court's version keeps it). */
  async builtInKey(manager: EntityManager, kind: TemplateKind): Promise<string | null> {
    const newest = await manager
      .getRepository(OrderTemplate)
      .findOne({ where: { kind, courtId: IsNull() }, order: { version: 'DESC' }, select: { id: true, key: true } });
    return newest?.key ?? null;
  }

  /** The version new documents of this kind use in this court: the court's newest, else the newest built-in. */
  async currentId(kind: TemplateKind, courtId: string, manager: EntityManager = this.dataSource.manager): Promise<string | null> {
    const [row] = (await manager.query(
      `SELECT t.id FROM order_templates t WHERE t.kind = $1 AND (t.court_id = $2 OR t.court_id IS NULL)
        ORDER BY (t.court_id IS NULL), t.version DESC LIMIT 1`,
      [kind, courtId],
    )) as Array<{ id: string }>;
    return row?.id ?? null;
  }

  async byId(id: string, manager: EntityManager = this.dataSource.manager): Promise<OrderTemplateDetail | null> {
    const template = await manager.getRepository(OrderTemplate).findOneBy({ id });
    return template ? { ...entityToView(template), body: template.body } : null;
  }

  async findScoped(principal: Principal, id: string): Promise<OrderTemplateDetail | null> {
    const params = new SqlParams();
    const [row] = (await this.dataSource.query(
      `SELECT ${TEMPLATE_COLUMNS}, t.body FROM order_templates t WHERE t.id = ${params.add(id)} AND ${templateScope(principal, params)}`,
      params.values,
    )) as TemplateRow[];
    return row ? { ...toView(row), body: row.body as string } : null;
  }

  /**
   * A page of the versions in scope, by kind, court (built-in first) and version, each with whether it is the
   * newest of its kind and court, and (with `courtId`) whether that court has a
   * version of its own of the kind, which the built-in one then gives way to.
   */
  async listScoped(
    principal: Principal,
    filters: { courtId?: string; kind?: TemplateKind },
    limit: number,
    after: CursorPosition | null,
  ): Promise<Page<OrderTemplateView & { newest: boolean; courtHasOwn: boolean }>> {
    const params = new SqlParams();
    const where = [templateScope(principal, params)];
    const courtId = filters.courtId ? params.add(filters.courtId) : null;
    if (courtId) where.push(`(t.court_id IS NULL OR t.court_id = ${courtId})`);
    if (filters.kind) where.push(`t.kind = ${params.add(filters.kind)}`);
    // The cursor names the last template shown; the page goes on after its place in the order.
    if (after) {
      where.push(
        `(${templateOrder('t')}) > (SELECT ${templateOrder('c')} FROM order_templates c WHERE c.id = ${params.add(after.id)}::uuid)`,
      );
    }
    const courtHasOwn = courtId
      ? `EXISTS (SELECT 1 FROM order_templates own WHERE own.kind = t.kind AND own.court_id = ${courtId})`
      : 'false';
    const rows = (await this.dataSource.query(
      `SELECT ${TEMPLATE_COLUMNS}, t.version::text AS cursor_key, ${courtHasOwn} AS court_has_own,
              t.version = (SELECT max(v.version) FROM order_templates v WHERE v.kind = t.kind AND v.court_id IS NOT DISTINCT FROM t.court_id) AS newest
         FROM order_templates t WHERE ${where.join(' AND ')}
        ORDER BY ${templateOrder('t')} LIMIT ${params.add(limit + 1)}`,
      params.values,
    )) as Array<TemplateRow & { newest: boolean; court_has_own: boolean; cursor_key: string }>;
    return toPage(rows, limit, (row) => ({ ...toView(row), newest: row.newest, courtHasOwn: row.court_has_own }));
  }
}
