import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { auditedRead } from '../audit/audited-read.js';
import type { Actor } from '../auth/principal.js';
import { actsForCourt } from '../auth/scope.js';
import { CasesRepository } from '../cases/cases.repository.js';
import { Conflict, NotFound, ValidationFailed } from '../common/errors/domain-error.js';
import { decodeCursor, type Page } from '../common/pagination/pagination.js';
import { CLOCK_SKEW_MS } from '../common/time/clock.js';
import { AgenciesService } from '../directory/agencies.service.js';
import { CourtsService } from '../directory/courts.service.js';
import { isEpisodeOrderKind, type OrderKind } from './applicable-order.js';
import type { CreateOrderDto, ListOrdersQuery, UpdateOrderDto } from './dto/orders.dto.js';
import { refuseChanged } from './order-etag.js';
import { EpisodeOrdersService } from './episode-orders.service.js';
import { OrderTemplatesService } from './order-templates/order-templates.service.js';
import { withDefaults } from './order-terms.js';
import type { OrderView } from './order-view.js';
import { OrdersRepository, type LockedOrder } from './orders.repository.js';
import type { TemplateKind } from './rendering/template-data.js';

export const TEMPLATE_KIND_OF: Record<OrderKind, TemplateKind> = {
  INDIVIDUAL: 'INDIVIDUAL_ORDER',
  STANDING: 'STANDING_ORDER',
  SHOW_CAUSE: 'ORDER_TO_SHOW_CAUSE',
  CONTINUING_JURISDICTION: 'ORDER_CONTINUING_JURISDICTION',
};

/** What an order binds, and which of it the request named (an update names only what changes). */
interface Binding {
  kind: OrderKind;
  courtId: string;
  caseId: string | null;
  agencyIds: string[] | null;
  given: { caseId: boolean; agencyIds: boolean };
}

/** Drafting orders and reading them. Signing and vacating: OrderSigningService. */
@Injectable()
export class OrdersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(OrdersRepository) private readonly orders: OrdersRepository,
    @Inject(OrderTemplatesService) private readonly templates: OrderTemplatesService,
    @Inject(CourtsService) private readonly courts: CourtsService,
    @Inject(AgenciesService) private readonly agencies: AgenciesService,
    @Inject(CasesRepository) private readonly cases: CasesRepository,
    @Inject(EpisodeOrdersService) private readonly episodeOrders: EpisodeOrdersService,
  ) {}

  /** A DRAFT with every term filled in, rendered with the court's current template version (recorded on the order). */
  async create(actor: Actor, dto: CreateOrderDto): Promise<OrderView> {
    const court = await this.courts.byId(dto.courtId);
    if (!court || !actsForCourt(actor, dto.courtId)) throw new NotFound('court');
    const fromEpisode = isEpisodeOrderKind(dto.kind) ? await this.episodeOrders.prepare(actor, dto.kind, dto, court) : null;
    if (!fromEpisode && dto.episodeId !== undefined) {
      throw ValidationFailed.field('episodeId', 'applies to SHOW_CAUSE and CONTINUING_JURISDICTION orders only');
    }
    const agencyIds = dto.agencyIds && dto.agencyIds.length > 0 ? dto.agencyIds : null;
    if (!fromEpisode)
      await this.checkBinding({
        kind: dto.kind,
        courtId: dto.courtId,
        caseId: dto.caseId ?? null,
        agencyIds,
        given: { caseId: true, agencyIds: dto.agencyIds !== undefined && dto.agencyIds !== null },
      });
    const effectiveAt = this.effectiveAt(dto.effectiveAt);
    const template = await this.templates.current(TEMPLATE_KIND_OF[dto.kind], dto.courtId);
    const id = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      await this.orders.insertDraft(manager, {
        id,
        kind: dto.kind,
        courtId: dto.courtId,
        caseId: fromEpisode ? fromEpisode.caseId : dto.kind === 'INDIVIDUAL' ? (dto.caseId ?? null) : null,
        agencyIds,
        effectiveAt,
        terms: withDefaults(dto.terms),
        episodeId: fromEpisode?.episodeId ?? null,
        findings: fromEpisode?.findings ?? null,
        templateId: template.view.id,
        createdBy: actor.id,
      });
      await this.audit.record(manager, actor, {
        action: 'create',
        entityType: 'order',
        entityId: id,
        courtId: dto.courtId,
        details: {
          kind: dto.kind,
          caseId: fromEpisode?.caseId ?? dto.caseId ?? null,
          templateId: template.view.id,
          ...(fromEpisode ? { episodeId: fromEpisode.episodeId } : {}),
        },
      });
    });
    return this.load(actor, id);
  }

  /** Changes a draft; a signed (or superseded, or vacated) order is frozen: 409; with `ifMatch`, a draft changed since: 412. */
  async update(actor: Actor, id: string, dto: UpdateOrderDto, ifMatch?: string): Promise<OrderView> {
    await this.dataSource.transaction(async (manager) => {
      const current = await this.lockForChange(manager, actor, id);
      if (current.status !== 'DRAFT') {
        throw new Conflict(
          'OrderAlreadySigned',
          `Order ${current.orderNumber ?? id} is ${current.status.toLowerCase()} and can no longer be changed.`,
        );
      }
      refuseChanged(current, ifMatch);
      if (isEpisodeOrderKind(current.kind)) this.episodeOrders.refuseOrderFields(current.kind, dto);
      const caseId = dto.caseId !== undefined ? dto.caseId : current.caseId;
      const agencyIds =
        dto.agencyIds !== undefined ? (dto.agencyIds && dto.agencyIds.length > 0 ? dto.agencyIds : null) : current.agencyIds;
      if (!isEpisodeOrderKind(current.kind))
        await this.checkBinding({
          kind: current.kind,
          courtId: current.courtId,
          caseId,
          agencyIds,
          given: { caseId: dto.caseId !== undefined, agencyIds: dto.agencyIds !== undefined && dto.agencyIds !== null },
        });
      await this.orders.updateDraft(manager, id, {
        caseId: current.kind === 'STANDING' ? null : caseId,
        agencyIds: current.kind === 'STANDING' ? agencyIds : null,
        effectiveAt: dto.effectiveAt !== undefined ? this.effectiveAt(dto.effectiveAt) : current.effectiveAt,
        terms: withDefaults(dto.terms, current.terms),
      });
      await this.audit.record(manager, actor, {
        action: 'update',
        entityType: 'order',
        entityId: id,
        courtId: current.courtId,
        details: { fields: Object.keys(dto).filter((k) => (dto as Record<string, unknown>)[k] !== undefined) },
      });
    });
    return this.load(actor, id);
  }

  get(actor: Actor, id: string): Promise<OrderView> {
    return auditedRead(
      this.audit,
      actor,
      { entityType: 'order', entityId: id, notFound: 'order' },
      () => this.orders.findScoped(actor, id),
      (view) => ({ courtId: view.courtId }),
    );
  }

  async list(actor: Actor, query: ListOrdersQuery): Promise<Page<OrderView>> {
    const page = await this.orders.listScoped(
      actor,
      { courtId: query.courtId, kind: query.kind, status: query.status, caseId: query.caseId },
      query.limit,
      decodeCursor(query.cursor),
    );
    await this.audit.recordList(actor, { action: 'list', entityType: 'order' }, page.items);
    return page;
  }

  /** An order the caller may see, or null. */
  find(actor: Actor, id: string, manager?: EntityManager): Promise<OrderView | null> {
    return this.orders.findScoped(actor, id, manager);
  }

  /**
   * The order, locked for a change by a judge or clerk of its court (or an
   * admin). Another court's order is not found.
   */
  async lockForChange(manager: EntityManager, actor: Actor, id: string): Promise<LockedOrder> {
    const order = await this.orders.lockScoped(manager, actor, id);
    if (!order || !actsForCourt(actor, order.courtId)) throw new NotFound('order');
    return order;
  }

  private async load(actor: Actor, id: string): Promise<OrderView> {
    const view = await this.orders.findScoped(actor, id);
    if (!view) throw new NotFound('order');
    return view;
  }

  private effectiveAt(value: string | null | undefined): Date | null {
    if (value === undefined || value === null) return null;
    const at = new Date(value);
    if (at.getTime() < Date.now() - CLOCK_SKEW_MS) {
      throw ValidationFailed.field('effectiveAt', 'must not be in the past: an order takes effect when it is signed or later');
    }
    return at;
  }

  /** What an order binds: an INDIVIDUAL order a case of its court; a STANDING order agencies that exist (none: every agency). */
  private async checkBinding(binding: Binding): Promise<void> {
    const { kind, courtId, caseId, agencyIds, given } = binding;
    if (kind === 'INDIVIDUAL') {
      if (given.agencyIds) {
        throw ValidationFailed.field(
          'agencyIds',
          'applies to STANDING orders only: an individual order binds the agency the child is placed with',
        );
      }
      if (!caseId) throw ValidationFailed.field('caseId', 'is required for an INDIVIDUAL order');
      if (!given.caseId) return;
      if (!(await this.cases.existsInCourt(caseId, courtId))) throw ValidationFailed.field('caseId', 'is not a case of this court');
      return;
    }
    if (caseId && given.caseId)
      throw ValidationFailed.field('caseId', 'applies to INDIVIDUAL orders only: a standing order covers every case of the court');
    if (agencyIds && agencyIds.length > 0) {
      const unknown = await this.agencies.missing(agencyIds);
      if (unknown.length > 0) throw ValidationFailed.field('agencyIds', `no such agency: ${unknown.join(', ')}`);
    }
  }
}
