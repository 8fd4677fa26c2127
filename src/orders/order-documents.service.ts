import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/principal.js';
import type { AppConfig } from '../common/config/app-config.js';
import { APP_CONFIG } from '../common/config/config.module.js';
import { NotFound } from '../common/errors/domain-error.js';
import type { OrderKind } from './applicable-order.js';
import { buildOrderRendering, type OrderRendering } from './order-document-data.js';
import { OrderTemplatesService } from './order-templates/order-templates.service.js';
import type { OrderTerms } from './order-terms.js';
import type { OrderView } from './order-view.js';
import { stateName } from '../common/validation/us-states.js';
import { OrdersService } from './orders.service.js';
import { renderDocumentHtml, renderDocumentPdf } from './rendering/document-pipeline.js';

/** The fields of an order its document is built from. */
export interface OrderForDocument {
  id: string;
  kind: OrderKind;
  courtId: string;
  caseId: string | null;
  agencyIds: string[] | null;
  effectiveAt: Date | null;
  terms: OrderTerms;
  orderNumber: string | null;
  verificationCode: string | null;
  signedAt: Date | null;
  signedByName: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A signed order's rendering snapshot as stored in `orders.rendered_from`. */
interface StoredRendering {
  data: OrderRendering['data'];
  settings: Omit<OrderRendering['settings'], 'createdAt' | 'modifiedAt'> & {
    createdAt: string;
    modifiedAt: string;
  };
}

/**
 * An order's PDF and HTML preview. A draft is rendered from its current
 * state each time (deterministically: same draft, same bytes); a signed order
 * answers the PDF bytes stored when it was signed, and its preview is
 * rendered from the exact data and template version stored with it.
 */
@Injectable()
export class OrderDocumentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(OrdersService) private readonly orders: OrdersService,
    @Inject(OrderTemplatesService)
    private readonly templates: OrderTemplatesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async pdf(actor: Actor, id: string): Promise<{ order: OrderView; pdf: Buffer }> {
    const order = await this.readable(actor, id, 'pdf');
    let pdf: Buffer;
    if (order.status === 'DRAFT') {
      const rendering = await this.rendering(this.dataSource.manager, order, order.template.id);
      const template = await this.templates.byId(order.template.id);
      pdf = await renderDocumentPdf(template.compiled, rendering.data as never, rendering.settings);
    } else {
      const [row] = (await this.dataSource.query(`SELECT pdf FROM order_documents WHERE order_id = $1`, [id])) as Array<{ pdf: Buffer }>;
      pdf = row.pdf;
    }
    return { order, pdf };
  }

  async preview(actor: Actor, id: string): Promise<string> {
    const order = await this.readable(actor, id, 'html');
    const template = await this.templates.byId(order.template.id);
    if (order.status === 'DRAFT') {
      const rendering = await this.rendering(this.dataSource.manager, order, order.template.id);
      return renderDocumentHtml(template.compiled, rendering.data as never, rendering.settings);
    }
    const stored = await this.storedRendering(id);
    return renderDocumentHtml(template.compiled, stored.data as never, stored.settings);
  }

  /** The template data and document settings of an order in its current state. */
  async rendering(manager: EntityManager, order: OrderForDocument, templateId: string): Promise<OrderRendering> {
    const [court] = (await manager.query(`SELECT name, county, state, timezone FROM courts WHERE id = $1`, [order.courtId])) as Array<{
      name: string;
      county: string;
      state: string;
      timezone: string;
    }>;
    let caseData: { docketNumber: string } | null = null;
    let child: { firstName: string; lastName: string } | null = null;
    if (order.caseId) {
      const [row] = (await manager.query(
        `SELECT k.docket_number, c.first_name, c.last_name FROM cases k JOIN children c ON c.case_id = k.id WHERE k.id = $1`,
        [order.caseId],
      )) as Array<{
        docket_number: string;
        first_name: string;
        last_name: string;
      }>;
      caseData = { docketNumber: row.docket_number };
      child = { firstName: row.first_name, lastName: row.last_name };
    }
    const agencies =
      order.agencyIds && order.agencyIds.length > 0
        ? ((await manager.query(`SELECT name FROM agencies WHERE id = ANY ($1::uuid[]) ORDER BY name, id`, [order.agencyIds])) as Array<{
            name: string;
          }>)
        : null;
    const template = await this.templates.byId(templateId, manager);
    return buildOrderRendering({
      order,
      court: { ...court, stateName: stateName(court.state) },
      case: caseData,
      child,
      agencies,
      title: template.view.title,
      publicBaseUrl: this.config.publicBaseUrl,
    });
  }

  /** Renders a signed order exactly as stored (used to check that rendering is deterministic). */
  async rerenderSigned(id: string): Promise<Buffer> {
    const [row] = (await this.dataSource.query(`SELECT template_id FROM orders WHERE id = $1 AND status <> 'DRAFT'`, [id])) as Array<{
      template_id: string;
    }>;
    if (!row) throw new NotFound('order');
    const stored = await this.storedRendering(id);
    const template = await this.templates.byId(row.template_id);
    return renderDocumentPdf(template.compiled, stored.data as never, stored.settings);
  }

  private async storedRendering(id: string): Promise<OrderRendering> {
    const [row] = (await this.dataSource.query(`SELECT rendered_from FROM orders WHERE id = $1`, [id])) as Array<{
      rendered_from: StoredRendering;
    }>;
    const stored = row.rendered_from;
    return {
      data: stored.data,
      settings: {
        ...stored.settings,
        createdAt: new Date(stored.settings.createdAt),
        modifiedAt: new Date(stored.settings.modifiedAt),
      },
    };
  }

  private async readable(actor: Actor, id: string, format: 'pdf' | 'html'): Promise<OrderView> {
    const order = await this.orders.find(actor, id);
    if (!order) {
      await this.audit.recordNow(actor, {
        action: 'read',
        outcome: 'not_found',
        entityType: 'order',
        entityId: id,
        details: { format },
      });
      throw new NotFound('order');
    }
    await this.audit.recordNow(actor, {
      action: 'read',
      entityType: 'order',
      entityId: id,
      courtId: order.courtId,
      details: { format },
    });
    return order;
  }
}
