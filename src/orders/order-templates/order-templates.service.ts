import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import type { Actor } from '../../auth/principal.js';
import { lockForTransaction } from '../../common/database/sql.js';
import { NotFound, ValidationFailed } from '../../common/errors/domain-error.js';
import { CourtsService } from '../../directory/courts.service.js';
import type { CreateOrderTemplateDto, ListOrderTemplatesQuery } from './dto/order-templates.dto.js';
import { decodeCursor, type Page } from '../../common/pagination/pagination.js';
import { compileTemplate, TemplateInvalid, type CompiledTemplate } from '../rendering/template-compiler.js';
import type { TemplateKind } from '../rendering/template-data.js';
import { defaultTemplatesDir, loadTemplateFiles, templateHash } from '../rendering/template-files.js';
import { OrderTemplatesRepository, type OrderTemplateDetail, type OrderTemplateView } from './order-templates.repository.js';

export type { OrderTemplateDetail, OrderTemplateView } from './order-templates.repository.js';

/** A template version ready to render: its row and its compiled form. */
export interface LoadedTemplate<K extends TemplateKind = TemplateKind> {
  view: OrderTemplateView;
  compiled: CompiledTemplate<K>;
}

const TEMPLATE_SYNC_LOCK = 'order_templates:built-in';

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
    @Inject(OrderTemplatesRepository) private readonly templates: OrderTemplatesRepository,
    @Inject(CourtsService) private readonly courts: CourtsService,
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
      await lockForTransaction(manager, TEMPLATE_SYNC_LOCK);
      for (const file of files) {
        const version = await this.templates.insertBuiltIn(manager, { ...file, id: randomUUID() });
        if (version !== null) this.logger.log(`template ${file.kind} version ${version} stored from templates/${file.file}`);
      }
    });
  }

  /** The version new documents of this kind use in this court: the court's newest, else the newest built-in. */
  async current<K extends TemplateKind>(kind: K, courtId: string, manager?: EntityManager): Promise<LoadedTemplate<K>> {
    const id = await this.templates.currentId(kind, courtId, manager);
    if (!id) throw new Error(`no template of kind ${kind}: templates/ was not loaded`);
    return this.byId(id, kind, manager);
  }

  /** A stored version of a kind, compiled once per process. */
  async byId<K extends TemplateKind>(id: string, kind: K, manager?: EntityManager): Promise<LoadedTemplate<K>> {
    let loaded = this.cache.get(id);
    if (!loaded) {
      loaded = this.load(id, manager);
      this.cache.set(id, loaded);
      loaded.catch(() => this.cache.delete(id));
    }
    const template = await loaded;
    if (template.view.kind !== kind) throw new Error(`order template ${id} is a ${template.view.kind}, not a ${kind}`);
    return template as LoadedTemplate<K>;
  }

  private async load(id: string, manager: EntityManager | undefined): Promise<LoadedTemplate> {
    const template = await this.templates.byId(id, manager);
    if (!template) throw new Error(`order template ${id} does not exist`);
    const { body, ...view } = template;
    return { view, compiled: compileTemplate(view.kind, body) };
  }

  async create(actor: Actor, dto: CreateOrderTemplateDto): Promise<OrderTemplateView> {
    if (!(await this.courts.byId(dto.courtId))) throw ValidationFailed.field('courtId', 'is not a court');
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
      await lockForTransaction(manager, `order_templates:${dto.courtId}:${dto.kind}`);
      const key = (await this.templates.builtInKey(manager, dto.kind)) ?? dto.kind.toLowerCase().replace(/_/g, '-');
      const view = await this.templates.insertForCourt(manager, dto.courtId, actor.id, {
        id,
        key,
        kind: dto.kind,
        title: dto.title,
        body: dto.body,
        sha256: templateHash(dto.title, dto.body),
      });
      await this.audit.record(manager, actor, {
        action: 'create',
        entityType: 'order_template',
        entityId: id,
        courtId: dto.courtId,
        details: { kind: dto.kind, version: view.version },
      });
      return view;
    });
  }

  /** Every version the caller may see: the built-in ones and those of the caller's courts. */
  async list(actor: Actor, query: ListOrderTemplatesQuery): Promise<Page<OrderTemplateView & { current: boolean }>> {
    const page = await this.templates.listScoped(
      actor,
      { courtId: query.courtId, kind: query.kind },
      query.limit,
      decodeCursor(query.cursor),
    );
    return {
      items: page.items.map(({ newest, courtHasOwn, ...view }) => ({
        ...view,
        // The built-in version is current for courts without their own; a court's newest version is current for it.
        current: newest && (view.courtId !== null || !courtHasOwn),
      })),
      nextCursor: page.nextCursor,
    };
  }

  async get(actor: Actor, id: string): Promise<OrderTemplateDetail> {
    const template = await this.templates.findScoped(actor, id);
    if (!template) throw new NotFound('order template');
    return template;
  }
}
