import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { auditedRead } from '../audit/audited-read.js';
import type { Actor } from '../auth/principal.js';
import { CasesRepository } from '../cases/cases.repository.js';
import type { AppConfig } from '../common/config/app-config.js';
import { APP_CONFIG } from '../common/config/config.module.js';
import { NotFound } from '../common/errors/domain-error.js';
import { stateName } from '../common/validation/us-states.js';
import { AgenciesService } from '../directory/agencies.service.js';
import { CourtsService } from '../directory/courts.service.js';
import type { OrderKind } from './applicable-order.js';
import type { EpisodeOrderFindings } from './episode-order-findings.js';
import { orderEtag, viewVersion } from './order-etag.js';
import { buildOrderRendering, type OrderRendering } from './order-document-data.js';
import { OrderTemplatesService } from './order-templates/order-templates.service.js';
import type { OrderTerms } from './order-terms.js';
import type { OrderView } from './order-view.js';
import { OrdersRepository, type StoredRendering } from './orders.repository.js';
import { OrdersService, TEMPLATE_KIND_OF } from './orders.service.js';
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
  findings?: EpisodeOrderFindings | null;
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
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(OrdersService) private readonly orders: OrdersService,
    @Inject(OrdersRepository) private readonly repository: OrdersRepository,
    @Inject(OrderTemplatesService) private readonly templates: OrderTemplatesService,
    @Inject(CourtsService) private readonly courts: CourtsService,
    @Inject(AgenciesService) private readonly agencies: AgenciesService,
    @Inject(CasesRepository) private readonly cases: CasesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async pdf(actor: Actor, id: string): Promise<{ order: OrderView; pdf: Buffer }> {
    const order = await this.readable(actor, id, 'pdf');
    if (order.status === 'DRAFT') return { order, pdf: (await this.renderPdf(undefined, order, order.template.id)).pdf };
    const pdf = await this.repository.storedPdf(id);
    if (!pdf) throw new Error(`signed order ${id} has no stored PDF`);
    return { order, pdf };
  }

  /** The HTML and the ETag of the version it was rendered from: the one to sign with. */
  async preview(actor: Actor, id: string): Promise<{ html: string; etag: string }> {
    const order = await this.readable(actor, id, 'html');
    const template = await this.templates.byId(order.template.id, TEMPLATE_KIND_OF[order.kind]);
    const rendering = order.status === 'DRAFT' ? await this.rendering(undefined, order, order.template.id) : await this.storedRendering(id);
    return { html: renderDocumentHtml(template.compiled, rendering.data, rendering.settings), etag: orderEtag(viewVersion(order)) };
  }

  /** The order's PDF in its current state, and the template data and settings it was rendered from. */
  async renderPdf(
    manager: EntityManager | undefined,
    order: OrderForDocument,
    templateId: string,
  ): Promise<{ rendering: OrderRendering; pdf: Buffer }> {
    const rendering = await this.rendering(manager, order, templateId);
    const template = await this.templates.byId(templateId, TEMPLATE_KIND_OF[order.kind], manager);
    return { rendering, pdf: await renderDocumentPdf(template.compiled, rendering.data, rendering.settings) };
  }

  /** Renders a signed order exactly as stored (used to check that rendering is deterministic). */
  async rerenderSigned(id: string): Promise<Buffer> {
    const signed = await this.repository.signedRendering(id);
    if (!signed) throw new NotFound('order');
    const template = await this.templates.byId(signed.templateId, TEMPLATE_KIND_OF[signed.kind]);
    const stored = revive(signed.renderedFrom);
    return renderDocumentPdf(template.compiled, stored.data, stored.settings);
  }

  /** The template data and document settings of an order in its current state. */
  private async rendering(manager: EntityManager | undefined, order: OrderForDocument, templateId: string): Promise<OrderRendering> {
    const court = await this.courts.require(order.courtId, manager);
    const caption = order.caseId ? await this.cases.caption(order.caseId, manager) : null;
    const agencies = order.agencyIds && order.agencyIds.length > 0 ? await this.agencies.byIds(order.agencyIds, manager) : null;
    const template = await this.templates.byId(templateId, TEMPLATE_KIND_OF[order.kind], manager);
    return buildOrderRendering({
      order,
      court: { ...court, stateName: stateName(court.state) },
      case: caption ? { docketNumber: caption.docketNumber } : null,
      child: caption ? caption.child : null,
      agencies: agencies ? agencies.map((a) => ({ name: a.name })) : null,
      title: template.view.title,
      publicBaseUrl: this.config.publicBaseUrl,
    });
  }

  private async storedRendering(id: string): Promise<OrderRendering> {
    const signed = await this.repository.signedRendering(id);
    if (!signed) throw new Error(`signed order ${id} has no stored rendering`);
    return revive(signed.renderedFrom);
  }

  private readable(actor: Actor, id: string, format: 'pdf' | 'html'): Promise<OrderView> {
    return auditedRead(
      this.audit,
      actor,
      { entityType: 'order', entityId: id, notFound: 'order', details: { format } },
      () => this.orders.find(actor, id),
      (order) => ({ courtId: order.courtId }),
    );
  }
}

function revive(stored: StoredRendering): OrderRendering {
  return {
    data: stored.data,
    settings: { ...stored.settings, createdAt: new Date(stored.settings.createdAt), modifiedAt: new Date(stored.settings.modifiedAt) },
  };
}
