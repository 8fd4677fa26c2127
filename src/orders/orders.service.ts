import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/principal.js';
import { actsForCourt, SqlParams } from '../auth/scope.js';
import { Conflict, NotFound, ValidationFailed } from '../common/errors/domain-error.js';
import { decodeCursor, toPage, type Page } from '../common/pagination/pagination.js';
import { CLOCK_SKEW_MS } from '../common/time/clock.js';
import type { OrderKind } from './applicable-order.js';
import type { CreateOrderDto, ListOrdersQuery, UpdateOrderDto } from './dto/orders.dto.js';
import { OrderTemplatesService } from './order-templates/order-templates.service.js';
import { orderScope } from './order-scope.js';
import { withDefaults, type OrderTerms } from './order-terms.js';
import { ORDER_SELECT, toOrderView, type OrderRow, type OrderView } from './order-view.js';
import type { TemplateKind } from './rendering/template-data.js';

export const TEMPLATE_KIND_OF: Record<OrderKind, TemplateKind> = {
  INDIVIDUAL: 'INDIVIDUAL_ORDER',
  STANDING: 'STANDING_ORDER',
};

/** Drafting orders and reading them. Signing and vacating: OrderSigningService. */
@Injectable()
export class OrdersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(OrderTemplatesService)
    private readonly templates: OrderTemplatesService,
  ) {}

  /** A DRAFT with every term filled in, rendered with the court's current template version (recorded on the order). */
  async create(actor: Actor, dto: CreateOrderDto): Promise<OrderView> {
    const courts = (await this.dataSource.query(`SELECT id FROM courts WHERE id = $1`, [dto.courtId])) as Array<{ id: string }>;
    if (!courts[0] || !actsForCourt(actor, dto.courtId)) throw new NotFound('court');
    const agencyIds = dto.agencyIds && dto.agencyIds.length > 0 ? dto.agencyIds : null;
    await this.checkBinding(dto.kind, dto.courtId, dto.caseId ?? null, dto.agencyIds !== undefined && dto.agencyIds !== null, agencyIds);
    const effectiveAt = this.effectiveAt(dto.effectiveAt);
    const terms = withDefaults(dto.terms);
    const template = await this.templates.current(TEMPLATE_KIND_OF[dto.kind], dto.courtId);
    const id = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO orders (id, kind, status, court_id, case_id, agency_ids, effective_at, terms, template_id, created_by)
         VALUES ($1, $2, 'DRAFT', $3, $4, $5, $6, $7, $8, $9)`,
        [
          id,
          dto.kind,
          dto.courtId,
          dto.kind === 'INDIVIDUAL' ? dto.caseId : null,
          agencyIds,
          effectiveAt,
          JSON.stringify(terms),
          template.view.id,
          actor.id,
        ],
      );
      await this.audit.record(manager, actor, {
        action: 'create',
        entityType: 'order',
        entityId: id,
        courtId: dto.courtId,
        details: {
          kind: dto.kind,
          caseId: dto.caseId ?? null,
          templateId: template.view.id,
        },
      });
    });
    return this.load(actor, id);
  }

  /** Changes a draft; a signed (or superseded, or vacated) order is frozen: 409. */
  async update(actor: Actor, id: string, dto: UpdateOrderDto): Promise<OrderView> {
    await this.dataSource.transaction(async (manager) => {
      const current = await this.lockForChange(manager, actor, id);
      if (current.status !== 'DRAFT') {
        throw new Conflict(
          'OrderAlreadySigned',
          `Order ${current.order_number ?? id} is ${current.status.toLowerCase()} and can no longer be changed.`,
        );
      }
      const caseId = dto.caseId !== undefined ? dto.caseId : current.case_id;
      const agencyIds =
        dto.agencyIds !== undefined ? (dto.agencyIds && dto.agencyIds.length > 0 ? dto.agencyIds : null) : current.agency_ids;
      await this.checkBinding(
        current.kind,
        current.court_id,
        caseId,
        dto.agencyIds !== undefined && dto.agencyIds !== null,
        agencyIds,
        dto.caseId !== undefined,
      );
      const effectiveAt = dto.effectiveAt !== undefined ? this.effectiveAt(dto.effectiveAt) : current.effective_at;
      const terms: OrderTerms = withDefaults(dto.terms, withDefaults(current.terms));
      await manager.query(
        `UPDATE orders SET case_id = $2, agency_ids = $3, effective_at = $4, terms = $5, updated_at = clock_timestamp() WHERE id = $1`,
        [
          id,
          current.kind === 'INDIVIDUAL' ? caseId : null,
          current.kind === 'STANDING' ? agencyIds : null,
          effectiveAt,
          JSON.stringify(terms),
        ],
      );
      await this.audit.record(manager, actor, {
        action: 'update',
        entityType: 'order',
        entityId: id,
        courtId: current.court_id,
        details: {
          fields: Object.keys(dto).filter((k) => (dto as Record<string, unknown>)[k] !== undefined),
        },
      });
    });
    return this.load(actor, id);
  }

  async get(actor: Actor, id: string): Promise<OrderView> {
    const view = await this.find(actor, id);
    if (!view) {
      await this.audit.recordNow(actor, {
        action: 'read',
        outcome: 'not_found',
        entityType: 'order',
        entityId: id,
      });
      throw new NotFound('order');
    }
    await this.audit.recordNow(actor, {
      action: 'read',
      entityType: 'order',
      entityId: id,
      courtId: view.courtId,
    });
    return view;
  }

  async list(actor: Actor, query: ListOrdersQuery): Promise<Page<OrderView>> {
    const params = new SqlParams();
    const where = [orderScope(actor, 'o', params)];
    if (query.courtId) where.push(`o.court_id = ${params.add(query.courtId)}`);
    if (query.kind) where.push(`o.kind = ${params.add(query.kind)}`);
    if (query.status) where.push(`o.status = ${params.add(query.status)}`);
    if (query.caseId) where.push(`o.case_id = ${params.add(query.caseId)}`);
    const after = decodeCursor(query.cursor);
    if (after) where.push(`(o.created_at, o.id) > (${params.add(after.key)}::timestamptz, ${params.add(after.id)}::uuid)`);
    const rows = (await this.dataSource.query(
      `${ORDER_SELECT} WHERE ${where.join(' AND ')} ORDER BY o.created_at, o.id LIMIT ${params.add(query.limit + 1)}`,
      params.values,
    )) as OrderRow[];
    const page = toPage(rows, query.limit, toOrderView);
    await this.audit.recordNow(actor, {
      action: 'list',
      entityType: 'order',
      courtId: query.courtId ?? actor.courtId,
      details: { ids: page.items.map((item) => item.id) },
    });
    return page;
  }

  /** An order the caller may see, or null. */
  async find(actor: Actor, id: string, manager: EntityManager = this.dataSource.manager): Promise<OrderView | null> {
    const params = new SqlParams();
    const rows = (await manager.query(
      `${ORDER_SELECT} WHERE o.id = ${params.add(id)} AND ${orderScope(actor, 'o', params)}`,
      params.values,
    )) as OrderRow[];
    return rows[0] ? toOrderView(rows[0]) : null;
  }

  /**
   * The order row, locked for a change by a judge or clerk of its court (or an
   * admin). Another court's order is not found.
   */
  async lockForChange(manager: EntityManager, actor: Actor, id: string): Promise<OrderRow> {
    const params = new SqlParams();
    const rows = (await manager.query(
      `SELECT o.*, '' AS template_key, 0 AS template_version, NULL AS template_court_id, '' AS cursor_key
         FROM orders o WHERE o.id = ${params.add(id)} AND ${orderScope(actor, 'o', params)} FOR UPDATE`,
      params.values,
    )) as OrderRow[];
    const row = rows[0];
    if (!row || !actsForCourt(actor, row.court_id)) throw new NotFound('order');
    return row;
  }

  private async load(actor: Actor, id: string): Promise<OrderView> {
    const view = await this.find(actor, id);
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
  private async checkBinding(
    kind: OrderKind,
    courtId: string,
    caseId: string | null,
    agencyIdsGiven: boolean,
    agencyIds: string[] | null,
    caseGiven = true,
  ): Promise<void> {
    if (kind === 'INDIVIDUAL') {
      if (agencyIdsGiven) {
        throw ValidationFailed.field(
          'agencyIds',
          'applies to STANDING orders only: an individual order binds the agency the child is placed with',
        );
      }
      if (!caseId) throw ValidationFailed.field('caseId', 'is required for an INDIVIDUAL order');
      if (!caseGiven) return;
      const cases = (await this.dataSource.query(`SELECT 1 FROM cases WHERE id = $1 AND court_id = $2`, [caseId, courtId])) as unknown[];
      if (cases.length === 0) throw ValidationFailed.field('caseId', 'is not a case of this court');
      return;
    }
    if (caseId && caseGiven)
      throw ValidationFailed.field('caseId', 'applies to INDIVIDUAL orders only: a standing order covers every case of the court');
    if (agencyIds && agencyIds.length > 0) {
      const found = (await this.dataSource.query(`SELECT id FROM agencies WHERE id = ANY ($1::uuid[])`, [agencyIds])) as Array<{
        id: string;
      }>;
      const known = new Set(found.map((a) => a.id));
      const unknown = agencyIds.filter((a) => !known.has(a));
      if (unknown.length > 0) throw ValidationFailed.field('agencyIds', `no such agency: ${unknown.join(', ')}`);
    }
  }
}
