import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/principal.js';
import { actsForCourt } from '../auth/scope.js';
import { CaseContactsRepository } from '../cases/case-contacts.repository.js';
import { Conflict, NotFound } from '../common/errors/domain-error.js';
import { stateName } from '../common/validation/us-states.js';
import { UsersService } from '../directory/users.service.js';
import { HearingRequestsRepository } from '../hearings/hearing-requests.repository.js';
import { OrdersRepository } from '../orders/orders.repository.js';
import { renderMarkdownPdf } from '../orders/rendering/document-pipeline.js';
import { loadDocumentTemplate, type DocumentTemplate } from '../orders/rendering/document-templates.js';
import { buildCertificate, SAMPLE_CERTIFICATE, type CertificateData } from './certificate-of-service.js';
import { courtTime } from './notification-messages.js';
import { NotificationsRepository, type NotificationView } from './notifications.repository.js';

const ORDER_TITLES: Record<string, string> = {
  INDIVIDUAL: 'Order Regarding a Child Missing from Care',
  STANDING: 'Standing Order',
  SHOW_CAUSE: 'Order to Show Cause',
  CONTINUING_JURISDICTION: 'Order Continuing Jurisdiction over a Missing Child',
};

let template: DocumentTemplate<CertificateData> | null = null;

/**
 * The clerk's certificate of service of a signed order or of a hearing's
 * notice (API.md), built from the notification records of the latest
 * service of that document: who was served, at what address, when, and any
 * service that failed with its reason.
 */
@Injectable()
export class CertificatesOfServiceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(NotificationsRepository) private readonly notifications: NotificationsRepository,
    @Inject(OrdersRepository) private readonly orders: OrdersRepository,
    @Inject(HearingRequestsRepository) private readonly hearings: HearingRequestsRepository,
    @Inject(CaseContactsRepository) private readonly cases: CaseContactsRepository,
    @Inject(UsersService) private readonly users: UsersService,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async forOrder(actor: Actor, orderId: string): Promise<Buffer> {
    const order = await this.orders.findScoped(actor, orderId);
    if (!order || !actsForCourt(actor, order.courtId)) return this.notFound(actor, 'order', orderId);
    if (!order.signedAt || !order.caseId) {
      throw new Conflict('NotServed', 'Only a signed order in a case is served on its participants; this one has no service to certify.');
    }
    const service = await this.notifications.serviceOf({ orderId }, 'order.signed');
    const pdf = await this.render(actor, order.caseId, `Order No. ${order.orderNumber}, ${ORDER_TITLES[order.kind] ?? 'Order'}`, service);
    await this.read(actor, 'order', orderId, order.courtId);
    return pdf;
  }

  async forHearing(actor: Actor, hearingRequestId: string): Promise<Buffer> {
    const request = await this.hearings.findScoped(this.dataSource.manager, actor, hearingRequestId);
    if (!request || !actsForCourt(actor, request.courtId)) return this.notFound(actor, 'hearing_request', hearingRequestId);
    const service = await this.notifications.serviceOf({ hearingRequestId }, 'hearing.scheduled');
    if (request.status !== 'SCHEDULED' && service.length === 0) {
      throw new Conflict('HearingNotScheduled', 'No notice of this hearing was issued: it was never scheduled.');
    }
    const caption = await this.cases.caption(request.caseId);
    const when = request.scheduledFor
      ? ` set for ${courtTime(request.scheduledFor, caption?.court.timezone ?? 'UTC')}, ${request.courtroom}`
      : '';
    const pdf = await this.render(actor, request.caseId, `Notice of Hearing${when}`, service);
    await this.read(actor, 'hearing_request', hearingRequestId, request.courtId);
    return pdf;
  }

  private async render(actor: Actor, caseId: string, document: string, service: NotificationView[]): Promise<Buffer> {
    const caption = await this.cases.caption(caseId);
    if (!caption) throw new Error(`case ${caseId} has no caption`);
    const now = new Date();
    const data = buildCertificate({
      court: { ...caption.court, stateName: stateName(caption.court.state) },
      docketNumber: caption.docketNumber,
      child: caption.child,
      document,
      service,
      certifiedBy: {
        name: (await this.users.nameOf(actor.id)) ?? 'Clerk of the Court',
        title: actor.role === 'JUDGE' ? 'Judge' : 'Clerk of the Court',
      },
      now,
    });
    template ??= loadDocumentTemplate('certificate-of-service', SAMPLE_CERTIFICATE);
    return renderMarkdownPdf(template.template.render(data), {
      title: template.title,
      author: caption.court.name,
      draft: false,
      footer: { reference: `Certificate of service | ${document}`, verification: null },
      createdAt: now,
      modifiedAt: now,
    });
  }

  private read(actor: Actor, entityType: 'order' | 'hearing_request', entityId: string, courtId: string): Promise<void> {
    return this.audit.recordNow(actor, { action: 'read', entityType, entityId, courtId, details: { document: 'certificate_of_service' } });
  }

  private async notFound(actor: Actor, entityType: 'order' | 'hearing_request', entityId: string): Promise<never> {
    await this.audit.recordNow(actor, {
      action: 'read',
      outcome: 'not_found',
      entityType,
      entityId,
      details: { document: 'certificate_of_service' },
    });
    throw new NotFound(entityType === 'order' ? 'order' : 'hearing request');
  }
}
