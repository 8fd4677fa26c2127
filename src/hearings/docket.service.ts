import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/principal.js';
import { CasesRepository } from '../cases/cases.repository.js';
import { APP_CONFIG } from '../common/config/config.module.js';
import type { AppConfig } from '../common/config/app-config.js';
import { Conflict, NotFound, ValidationFailed } from '../common/errors/domain-error.js';
import { OrdersRepository } from '../orders/orders.repository.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { jobId } from '../outbox/jobs.js';
import {
  DocketEventsRepository,
  toDocketEventView,
  type DeliveryOutcome,
  type DocketEventView,
  type StoredDocketEvent,
} from './docket-events.repository.js';
import { type DocketEventStatus, type DocketEventType } from './docket-events.js';
import { HearingRequestsRepository } from './hearing-requests.repository.js';
import { decodeCursor, type Page } from '../common/pagination/pagination.js';

export type { DocketEventView } from './docket-events.repository.js';

/**
 * The docket events of the webhook adapter (WebhookDocket): each stored once
 * with the exact JSON its deliveries send, queued for delivery, mirrored on
 * its hearing request's docketSync, listed for the clerk and sent again.
 */
@Injectable()
export class DocketService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(OutboxService) private readonly outbox: OutboxService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DocketEventsRepository) private readonly events: DocketEventsRepository,
    @Inject(HearingRequestsRepository) private readonly requests: HearingRequestsRepository,
    @Inject(OrdersRepository) private readonly orders: OrdersRepository,
    @Inject(CasesRepository) private readonly cases: CasesRepository,
  ) {}

  /** Stores the event for a hearing request or an order, once, and queues its delivery (the webhook adapter). */
  async record(type: DocketEventType, subjectId: string): Promise<DocketEventView | null> {
    return this.dataSource.transaction(async (manager) => {
      const data = type === 'order.signed' ? await this.orderData(manager, subjectId) : await this.hearingRequestData(manager, subjectId);
      if (!data) return null;
      const id = randomUUID();
      const body = JSON.stringify({ eventId: id, type, occurredAt: new Date().toISOString(), data: data.payload });
      const event = await this.events.insertOnce(manager, {
        id,
        type,
        subjectId,
        hearingRequestId: type === 'order.signed' ? null : subjectId,
        orderId: type === 'order.signed' ? subjectId : null,
        courtId: data.courtId,
        body,
      });
      if (!event) return null;
      if (event.hearingRequestId) await this.requests.startDocketSync(manager, event.hearingRequestId);
      await this.queueDelivery(manager, id, 0);
      return toDocketEventView(event);
    });
  }

  /** A stored event with its exact body, for a delivery. */
  storedEvent(eventId: string): Promise<StoredDocketEvent | null> {
    return this.events.byId(eventId);
  }

  /** Records one delivery attempt (DELIVERED once, FAILED after the last), shown on the event's hearing request. */
  async recordAttempt(eventId: string, outcome: DeliveryOutcome): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const updated = await this.events.recordAttempt(manager, eventId, outcome);
      if (updated) await this.mirrorOnRequest(manager, updated);
    });
  }

  /**
   * A clerk (of the event's court) or an admin sends a FAILED event again:
   * its attempts start over. Another court's event is not found.
   */
  async resend(actor: Actor, eventId: string, manager?: EntityManager): Promise<DocketEventView> {
    const run = async (m: EntityManager) => {
      const event = await this.events.resetFailedScoped(m, actor, eventId);
      if (!event) {
        if (!(await this.events.existsScoped(m, actor, eventId))) throw new NotFound('docket event');
        throw new Conflict('NothingToRetry', 'Only a FAILED docket event can be sent again.');
      }
      await this.mirrorOnRequest(m, event);
      await this.queueDelivery(m, event.id, event.resends);
      await this.audit.record(m, actor, {
        action: 'retry',
        entityType: 'docket_event',
        entityId: event.id,
        courtId: event.courtId,
        details: { type: event.type },
      });
      return toDocketEventView(event);
    };
    return manager ? run(manager) : this.dataSource.transaction(run);
  }

  /** The latest event of a hearing request (what its docketSync shows). */
  async latestForRequest(manager: EntityManager, hearingRequestId: string): Promise<DocketEventView | null> {
    const event = await this.events.latestForRequest(manager, hearingRequestId);
    return event ? toDocketEventView(event) : null;
  }

  /**
   * Events sent (or not) to the case-management system, newest first, of the
   * caller's court (judges and clerks) or of any court (an admin, who names a
   * court or a status).
   */
  async list(
    actor: Actor,
    query: { courtId?: string; status?: DocketEventStatus; limit: number; cursor?: string },
  ): Promise<Page<DocketEventView>> {
    if (actor.role === 'ADMIN' && query.courtId === undefined && query.status === undefined)
      throw ValidationFailed.field('courtId', 'or status is required');
    if (actor.role !== 'ADMIN' && query.courtId !== undefined && query.courtId !== actor.courtId) throw new NotFound('court');
    const page = await this.events.listScoped(actor, query, query.limit, decodeCursor(query.cursor));
    return { items: page.items.map(toDocketEventView), nextCursor: page.nextCursor };
  }

  /** Records a callback's event id; false when it was received before (a replay) or names no hearing request. */
  recordCallback(manager: EntityManager, eventId: string, hearingRequestId: string): Promise<boolean> {
    return this.events.recordCallback(manager, eventId, hearingRequestId);
  }

  private async queueDelivery(manager: EntityManager, eventId: string, resend: number): Promise<void> {
    await this.outbox.enqueue(manager, {
      name: 'deliver',
      data: { eventId },
      jobId: jobId('docket-event', eventId, `r${resend}`),
      options: {
        attempts: this.config.docketWebhookAttempts,
        backoff: { type: 'exponential', delay: this.config.docketWebhookBackoffMs },
      },
    });
  }

  /** A hearing request's docketSync follows its latest event only. */
  private async mirrorOnRequest(manager: EntityManager, event: StoredDocketEvent): Promise<void> {
    if (!event.hearingRequestId) return;
    await this.requests.mirrorDocketEvent(manager, {
      id: event.id,
      hearingRequestId: event.hearingRequestId,
      status: event.status,
      attempts: event.attempts,
      lastError: event.lastError,
    });
  }

  private async hearingRequestData(manager: EntityManager, id: string) {
    const request = await this.requests.byId(id, manager);
    if (!request) return null;
    const { docketSync: _sync, ...view } = request;
    return { courtId: request.courtId, payload: { ...view, docketNumber: await this.cases.docketNumber(request.caseId, manager) } };
  }

  private async orderData(manager: EntityManager, id: string) {
    const order = await this.orders.signedSummary(id, manager);
    if (!order) return null;
    return {
      courtId: order.courtId,
      payload: {
        orderId: order.id,
        orderNumber: order.orderNumber,
        kind: order.kind,
        courtId: order.courtId,
        caseId: order.caseId,
        docketNumber: order.caseId ? await this.cases.docketNumber(order.caseId, manager) : null,
        signedAt: order.signedAt,
        sha256: order.sha256,
      },
    };
  }
}
