import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/principal.js';
import { Conflict, NotFound, ValidationFailed } from '../common/errors/domain-error.js';
import { CLOCK_SKEW_MS } from '../common/time/clock.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { jobId, QUEUES } from '../outbox/queues.js';
import type { OrderKind } from './applicable-order.js';
import { OrderDocumentsService } from './order-documents.service.js';
import { formatOrderNumber, verificationCode, yearIn } from './order-number.js';
import { OrderTemplatesService } from './order-templates/order-templates.service.js';
import { withDefaults } from './order-terms.js';
import type { OrderView } from './order-view.js';
import { OrdersService } from './orders.service.js';
import { renderDocumentPdf } from './rendering/document-pipeline.js';

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
    @Inject(OrderDocumentsService)
    private readonly documents: OrderDocumentsService,
    @Inject(OrderTemplatesService)
    private readonly templates: OrderTemplatesService,
  ) {}

  /** By a JUDGE of the order's court (the route admits judges only; another court's order is not found). */
  async sign(actor: Actor, id: string): Promise<OrderView> {
    await this.dataSource.transaction(async (manager) => {
      const order = await this.orders.lockForChange(manager, actor, id);
      if (order.status !== 'DRAFT') {
        throw new Conflict('OrderAlreadySigned', `Order ${order.order_number ?? id} is already ${order.status.toLowerCase()}.`);
      }
      const signedAt = new Date();
      if (order.effective_at && order.effective_at.getTime() < signedAt.getTime() - CLOCK_SKEW_MS) {
        throw ValidationFailed.field(
          'effectiveAt',
          'is in the past: an order cannot take effect before it is signed; change or clear it first',
        );
      }
      const effectiveAt = order.effective_at ?? signedAt;
      const [court] = (await manager.query(`SELECT timezone FROM courts WHERE id = $1`, [order.court_id])) as Array<{ timezone: string }>;
      const [judge] = (await manager.query(`SELECT name FROM users WHERE id = $1`, [actor.id])) as Array<{ name: string }>;
      if (order.kind === 'STANDING') {
        // Standing orders of a court are signed one at a time, so each supersedes exactly the one before it.
        await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`orders:standing:${order.court_id}`]);
      }
      const orderNumber = await this.nextNumber(manager, order.court_id, order.kind, yearIn(signedAt, court.timezone));
      const code = verificationCode(id);

      const signed = {
        id,
        kind: order.kind,
        courtId: order.court_id,
        caseId: order.case_id,
        agencyIds: order.agency_ids,
        effectiveAt,
        terms: withDefaults(order.terms),
        orderNumber,
        verificationCode: code,
        signedAt,
        signedByName: judge.name,
        createdAt: order.created_at,
        updatedAt: signedAt,
      };
      const rendering = await this.documents.rendering(manager, signed, order.template_id);
      const template = await this.templates.byId(order.template_id, manager);
      const pdf = await renderDocumentPdf(template.compiled, rendering.data as never, rendering.settings);
      const sha256 = createHash('sha256').update(pdf).digest('hex');

      await manager.query(
        `UPDATE orders SET status = 'SIGNED', signed_at = $2, signed_by = $3, signed_by_name = $4, order_number = $5,
                verification_code = $6, sha256 = $7, effective_at = $8, rendered_from = $9, updated_at = $2
          WHERE id = $1`,
        [id, signedAt, actor.id, judge.name, orderNumber, code, sha256, effectiveAt, JSON.stringify(rendering)],
      );
      await manager.query(`INSERT INTO order_documents (order_id, pdf, sha256, byte_size) VALUES ($1, $2, $3, $4)`, [
        id,
        pdf,
        sha256,
        pdf.length,
      ]);
      let superseded: string[] = [];
      if (order.kind === 'STANDING') {
        const [rows] = (await manager.query(
          `UPDATE orders SET status = 'SUPERSEDED', superseded_at = $2, superseded_by = $1, updated_at = $2
            WHERE court_id = $3 AND kind = 'STANDING' AND status = 'SIGNED' AND id <> $1 RETURNING id`,
          [id, signedAt, order.court_id],
        )) as [Array<{ id: string }>, number];
        superseded = rows.map((r) => r.id);
      }
      let docketNumber: string | null = null;
      if (order.case_id) {
        const [k] = (await manager.query(`SELECT docket_number FROM cases WHERE id = $1`, [order.case_id])) as Array<{
          docket_number: string;
        }>;
        docketNumber = k.docket_number;
      }
      await this.outbox.enqueue(manager, {
        queue: QUEUES.docket,
        name: 'order.signed',
        data: {
          orderId: id,
          orderNumber,
          kind: order.kind,
          courtId: order.court_id,
          caseId: order.case_id,
          docketNumber,
          signedAt: signedAt.toISOString(),
          sha256,
        },
        jobId: jobId('order', id, 'signed'),
      });
      await this.audit.record(manager, actor, {
        action: 'sign',
        entityType: 'order',
        entityId: id,
        courtId: order.court_id,
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
      if (order.status === 'VACATED') throw new Conflict('OrderAlreadyVacated', `Order ${order.order_number} is already vacated.`);
      await manager.query(
        `UPDATE orders SET status = 'VACATED', vacated_at = clock_timestamp(), vacated_by = $2, vacate_reason = $3, updated_at = clock_timestamp() WHERE id = $1`,
        [id, actor.id, reason],
      );
      await this.audit.record(manager, actor, {
        action: 'vacate',
        entityType: 'order',
        entityId: id,
        courtId: order.court_id,
        details: {
          orderNumber: order.order_number,
          previousStatus: order.status,
        },
      });
    });
    return this.view(actor, id);
  }

  private async nextNumber(manager: EntityManager, courtId: string, kind: OrderKind, year: number): Promise<string> {
    const [row] = (await manager.query(
      `INSERT INTO order_counters (court_id, year, kind, last_number) VALUES ($1, $2, $3, 1)
       ON CONFLICT (court_id, year, kind) DO UPDATE SET last_number = order_counters.last_number + 1
       RETURNING last_number`,
      [courtId, year, kind],
    )) as Array<{ last_number: number }>;
    return formatOrderNumber(year, kind, row.last_number);
  }

  private async view(actor: Actor, id: string): Promise<OrderView> {
    const view = await this.orders.find(actor, id);
    if (!view) throw new NotFound('order');
    return view;
  }
}
