import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/principal.js';
import { CasesRepository } from '../cases/cases.repository.js';
import { lockForTransaction } from '../common/database/sql.js';
import { Conflict, NotFound, ValidationFailed } from '../common/errors/domain-error.js';
import { CLOCK_SKEW_MS } from '../common/time/clock.js';
import { CourtsService } from '../directory/courts.service.js';
import { UsersService } from '../directory/users.service.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { jobId, notificationJob } from '../outbox/jobs.js';
import { OrderDocumentsService } from './order-documents.service.js';
import { refuseChanged } from './order-etag.js';
import { formatOrderNumber, verificationCode, yearIn } from './order-number.js';
import type { OrderView } from './order-view.js';
import { OrdersRepository } from './orders.repository.js';
import { OrdersService } from './orders.service.js';

/**
 * Signing freezes an order: in one transaction it gets its number, its PDF is
 * rendered and stored with its SHA-256, an earlier standing order of the
 * court is marked SUPERSEDED, the docket is told (outbox `order.signed`) and
 * the signature is audited.
 */
@Injectable()
export class OrderSigningService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(OutboxService) private readonly outbox: OutboxService,
    @Inject(OrdersService) private readonly orders: OrdersService,
    @Inject(OrdersRepository) private readonly repository: OrdersRepository,
    @Inject(OrderDocumentsService) private readonly documents: OrderDocumentsService,
    @Inject(CourtsService) private readonly courts: CourtsService,
    @Inject(UsersService) private readonly users: UsersService,
    @Inject(CasesRepository) private readonly cases: CasesRepository,
  ) {}

  /**
   * By a JUDGE of the order's court (the route admits judges only; another
   * court's order is not found). With `ifMatch` (the ETag of the version the
   * judge previewed) a draft changed since is refused with 412 and nothing is signed.
   */
  async sign(actor: Actor, id: string, ifMatch?: string): Promise<OrderView> {
    await this.dataSource.transaction(async (manager) => {
      const order = await this.orders.lockForChange(manager, actor, id);
      if (order.status !== 'DRAFT') {
        throw new Conflict('OrderAlreadySigned', `Order ${order.orderNumber ?? id} is already ${order.status.toLowerCase()}.`);
      }
      refuseChanged(order, ifMatch);
      const signedAt = new Date();
      if (order.effectiveAt && order.effectiveAt.getTime() < signedAt.getTime() - CLOCK_SKEW_MS) {
        throw ValidationFailed.field(
          'effectiveAt',
          'is in the past: an order cannot take effect before it is signed; change or clear it first',
        );
      }
      const effectiveAt = order.effectiveAt ?? signedAt;
      const court = await this.courts.require(order.courtId, manager);
      const judgeName = (await this.users.nameOf(actor.id, manager)) ?? '';
      if (order.kind === 'STANDING') {
        // Standing orders of a court are signed one at a time, so each supersedes exactly the one before it.
        await lockForTransaction(manager, `orders:standing:${order.courtId}`);
      }
      const year = yearIn(signedAt, court.timezone);
      const orderNumber = formatOrderNumber(year, order.kind, await this.repository.nextNumber(manager, order.courtId, order.kind, year));
      const code = verificationCode(id);
      const signed = {
        id,
        kind: order.kind,
        courtId: order.courtId,
        caseId: order.caseId,
        agencyIds: order.agencyIds,
        effectiveAt,
        terms: order.terms,
        orderNumber,
        verificationCode: code,
        signedAt,
        signedByName: judgeName,
        createdAt: order.createdAt,
        updatedAt: signedAt,
        findings: order.findings,
      };
      const { rendering, pdf } = await this.documents.renderPdf(manager, signed, order.templateId);
      const sha256 = createHash('sha256').update(pdf).digest('hex');
      await this.repository.markSigned(manager, id, {
        signedAt,
        signedBy: actor.id,
        signedByName: judgeName,
        orderNumber,
        verificationCode: code,
        sha256,
        effectiveAt,
        renderedFrom: rendering,
      });
      await this.repository.insertDocument(manager, id, pdf, sha256);
      const superseded = order.kind === 'STANDING' ? await this.repository.supersedeStanding(manager, order.courtId, id, signedAt) : [];
      const docketNumber = order.caseId ? await this.cases.docketNumber(order.caseId, manager) : null;
      await this.outbox.enqueue(manager, {
        name: 'order.signed',
        data: {
          orderId: id,
          orderNumber,
          kind: order.kind,
          courtId: order.courtId,
          caseId: order.caseId,
          docketNumber,
          signedAt: signedAt.toISOString(),
          sha256,
        },
        jobId: jobId('order', id, 'signed'),
      });
      // Served on the people of the case; a standing order is on no case.
      if (order.caseId) {
        await this.outbox.enqueue(
          manager,
          notificationJob({
            type: 'order.signed',
            orderId: id,
            orderNumber,
            kind: order.kind,
            caseId: order.caseId,
            courtId: order.courtId,
          }),
        );
      }
      await this.audit.record(manager, actor, {
        action: 'sign',
        entityType: 'order',
        entityId: id,
        courtId: order.courtId,
        details: { orderNumber, sha256, supersedes: superseded },
      });
    });
    return this.view(actor, id);
  }

  /** A signed or superseded order set aside with a reason; its PDF stays, and verifies as VACATED. */
  async vacate(actor: Actor, id: string, reason: string): Promise<OrderView> {
    await this.dataSource.transaction(async (manager) => {
      const order = await this.orders.lockForChange(manager, actor, id);
      if (order.status === 'DRAFT') throw new Conflict('OrderNotSigned', 'A draft is not an order yet; there is nothing to vacate.');
      if (order.status === 'VACATED') throw new Conflict('OrderAlreadyVacated', `Order ${order.orderNumber} is already vacated.`);
      await this.repository.markVacated(manager, id, actor.id, reason);
      await this.audit.record(manager, actor, {
        action: 'vacate',
        entityType: 'order',
        entityId: id,
        courtId: order.courtId,
        details: { orderNumber: order.orderNumber, previousStatus: order.status },
      });
    });
    return this.view(actor, id);
  }

  private async view(actor: Actor, id: string): Promise<OrderView> {
    const view = await this.orders.find(actor, id);
    if (!view) throw new NotFound('order');
    return view;
  }
}
