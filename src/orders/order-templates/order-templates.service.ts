import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import type { Actor } from '../../auth/principal.js';
import { courtScope, SqlParams } from '../../auth/scope.js';
import { NotFound, ValidationFailed } from '../../common/errors/domain-error.js';
import type { CreateOrderTemplateDto, ListOrderTemplatesQuery } from '../dto/order-templates.dto.js';
import { compileTemplate, TemplateInvalid, type CompiledTemplate } from '../rendering/template-compiler.js';
import type { TemplateKind } from '../rendering/template-data.js';
import { defaultTemplatesDir, loadTemplateFiles, templateHash } from '../rendering/template-files.js';

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

/** A template version ready to render: its row and its compiled form. */
export interface LoadedTemplate {
  view: OrderTemplateView;
  compiled: CompiledTemplate;
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

const COLUMNS = 't.id, t.key, t.kind, t.version, t.title, t.court_id, t.sha256, t.created_at';
const TEMPLATE_SYNC_LOCK = 7_301_948_120;

/**
 * Template versions. The files in templates/ are the built-in versions: at
 * start each file's content is stored once (a changed file becomes the next
 * version), so every order can point at the exact text it was rendered
 * from. An ADMIN adds a court's own version; versions are never edited.
 * Compiled templates are cached by id, which is safe because a version never
 * changes.
 */
@Injectable()
export class OrderTemplatesService implements OnModuleInit {
  private readonly logger = new Logger(OrderTemplatesService.name);
  private readonly cache = new Map<string, Promise<LoadedTemplate>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.syncBuiltIns(defaultTemplatesDir());
  }

  /** Stores each shipped template whose content is not stored yet, as the next built-in version of its kind. */
  async syncBuiltIns(dir: string): Promise<void> {
    const files = loadTemplateFiles(dir);
    for (const file of files) {
      try {
        compileTemplate(file.kind, file.body, { requireClauses: true });
      } catch (error) {
        if (error instanceof TemplateInvalid) throw new Error(`templates/${file.file}: ${error.message}`, { cause: error });
        throw error;
      }
    }
    await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [TEMPLATE_SYNC_LOCK]);
      for (const file of files) {
        const inserted = (await manager.query(
          `INSERT INTO order_templates (id, key, kind, version, title, court_id, body, sha256)
           SELECT $1, $2, $3, COALESCE(MAX(version), 0) + 1, $4, NULL, $5, $6 FROM order_templates WHERE kind = $3 AND court_id IS NULL
           ON CONFLICT (kind, sha256) WHERE court_id IS NULL DO NOTHING
           RETURNING version`,
          [randomUUID(), file.key, file.kind, file.title, file.body, file.sha256],
        )) as Array<{ version: number }>;
        if (inserted[0]) this.logger.log(`template ${file.kind} version ${inserted[0].version} stored from templates/${file.file}`);
      }
    });
  }

  /** The version new documents of this kind use in this court: the court's newest, else the newest built-in. */
  async current(kind: TemplateKind, courtId: string, manager: EntityManager = this.dataSource.manager): Promise<LoadedTemplate> {
    const [row] = (await manager.query(
      `SELECT t.id FROM order_templates t WHERE t.kind = $1 AND (t.court_id = $2 OR t.court_id IS NULL)
        ORDER BY (t.court_id IS NULL), t.version DESC LIMIT 1`,
      [kind, courtId],
    )) as Array<{ id: string }>;
    if (!row) throw new Error(`no template of kind ${kind}: templates/ was not loaded`);
    return this.byId(row.id, manager);
  }

  /** A stored version, compiled once per process. */
  byId(id: string, manager: EntityManager = this.dataSource.manager): Promise<LoadedTemplate> {
    let loaded = this.cache.get(id);
    if (!loaded) {
      loaded = this.load(id, manager);
      this.cache.set(id, loaded);
      loaded.catch(() => this.cache.delete(id));
    }
    return loaded;
  }

  private async load(id: string, manager: EntityManager): Promise<LoadedTemplate> {
    const [row] = (await manager.query(`SELECT ${COLUMNS}, t.body FROM order_templates t WHERE t.id = $1`, [id])) as TemplateRow[];
    if (!row) throw new Error(`order template ${id} does not exist`);
    return {
      view: toView(row),
      compiled: compileTemplate(row.kind, row.body as string),
    };
  }

  async create(actor: Actor, dto: CreateOrderTemplateDto): Promise<OrderTemplateView> {
    const courts = (await this.dataSource.query(`SELECT 1 FROM courts WHERE id = $1`, [dto.courtId])) as unknown[];
    if (courts.length === 0) throw ValidationFailed.field('courtId', 'is not a court');
    try {
      compileTemplate(dto.kind, dto.body, { requireClauses: true });
    } catch (error) {
      if (error instanceof TemplateInvalid) {
        throw new ValidationFailed(
          error.problems.map((message) => ({ field: 'body', message })),
          `body: ${error.problems.join('; ')}`,
        );
      }
      throw error;
    }
    const id = randomUUID();
    return this.dataSource.transaction(async (manager) => {
      // One new version at a time per court and kind.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`order_templates:${dto.courtId}:${dto.kind}`]);
      const [builtIn] = (await manager.query(
        `SELECT key FROM order_templates WHERE kind = $1 AND court_id IS NULL ORDER BY version DESC LIMIT 1`,
        [dto.kind],
      )) as Array<{ key: string }>;
      const [row] = (await manager.query(
        `INSERT INTO order_templates (id, key, kind, version, title, court_id, body, sha256, created_by)
         SELECT $1, $2, $3, COALESCE(MAX(version), 0) + 1, $4, $5, $6, $7, $8 FROM order_templates WHERE kind = $3 AND court_id = $5
         RETURNING id, key, kind, version, title, court_id, sha256, created_at`,
        [
          id,
          builtIn?.key ?? dto.kind.toLowerCase().replace(/_/g, '-'),
          dto.kind,
          dto.title,
          dto.courtId,
          dto.body,
          templateHash(dto.title, dto.body),
          actor.id,
        ],
      )) as TemplateRow[];
      await this.audit.record(manager, actor, {
        action: 'create',
        entityType: 'order_template',
        entityId: id,
        courtId: dto.courtId,
        details: { kind: dto.kind, version: row.version },
      });
      return toView(row);
    });
  }

  /** Every version the caller may see: the built-in ones and those of the caller's courts. */
  async list(actor: Actor, query: ListOrderTemplatesQuery): Promise<Array<OrderTemplateView & { current: boolean }>> {
    const params = new SqlParams();
    const where = [this.scope(actor, params)];
    if (query.courtId) where.push(`(t.court_id IS NULL OR t.court_id = ${params.add(query.courtId)})`);
    if (query.kind) where.push(`t.kind = ${params.add(query.kind)}`);
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS},
              t.version = MAX(t.version) OVER (PARTITION BY t.kind, t.court_id) AS newest
         FROM order_templates t WHERE ${where.join(' AND ')}
        ORDER BY t.kind, t.court_id NULLS FIRST, t.version`,
      params.values,
    )) as Array<TemplateRow & { newest: boolean }>;
    const courtsWithOwn = new Set(rows.filter((r) => r.court_id).map((r) => `${r.kind}:${r.court_id}`));
    return rows.map((row) => ({
      ...toView(row),
      // The built-in version is current for courts without their own; a court's newest version is current for it.
      current: row.newest && (row.court_id !== null || !query.courtId || !courtsWithOwn.has(`${row.kind}:${query.courtId}`)),
    }));
  }

  async get(actor: Actor, id: string): Promise<OrderTemplateDetail> {
    const params = new SqlParams();
    const [row] = (await this.dataSource.query(
      `SELECT ${COLUMNS}, t.body FROM order_templates t WHERE t.id = ${params.add(id)} AND ${this.scope(actor, params)}`,
      params.values,
    )) as TemplateRow[];
    if (!row) throw new NotFound('order template');
    return { ...toView(row), body: row.body as string };
  }

  private scope(actor: Actor, params: SqlParams): string {
    return `(t.court_id IS NULL OR EXISTS (SELECT 1 FROM courts co WHERE co.id = t.court_id AND ${courtScope(actor, 'co', params)}))`;
  }
}
