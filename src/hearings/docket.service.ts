import { Inject, Injectable, Logger } from '@nestjs/common';
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
import { signDocketPayload, standardWebhooksHeaders } from './docket-signature.js';
import { HearingRequestsRepository } from './hearing-requests.repository.js';

export type { DocketEventView } from './docket-events.repository.js';

const DELIVERY_TIMEOUT_MS = 10_000;

/**
 * The docket adapters. Built in (the default, no DOCKET_WEBHOOK_URL): the
 * service's own calendar is the docket, nothing leaves. Webhook: every event
 * is stored once with its exact JSON, then POSTed signed (HMAC-SHA256 over
 * `timestamp.body`) with its event id, retried with exponential backoff by
 * BullMQ, FAILED after the last attempt (listed for the clerk, who can send
 * it again). A delivery is recorded as a success once, however often the
 * CMS receives it.
 */
@Injectable()
export class DocketService {
  private readonly logger = new Logger(DocketService.name);

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

  get webhookConfigured(): boolean {
    return this.config.docketWebhookUrl !== null;
  }

  /** Records the event for a hearing request or an order and queues its delivery (webhook adapter only). Idempotent. */
  async publish(type: DocketEventType, subjectId: string): Promise<DocketEventView | null> {
    if (!this.webhookConfigured) return null;
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

  /**
   * One delivery attempt (a BullMQ job). Throws on failure so BullMQ retries;
   * on the last attempt the event is marked FAILED first.
   */
  async deliver(eventId: string, isLastAttempt: boolean): Promise<'delivered' | 'already-delivered' | 'unknown'> {
    const event = await this.events.byId(eventId);
    if (!event) return 'unknown';
    if (event.status === 'DELIVERED') return 'already-delivered';
    const url = this.config.docketWebhookUrl;
    const secret = this.config.docketWebhookSecret;
    if (!url || !secret) throw new Error('the docket webhook is not configured');
    const timestamp = Math.floor(Date.now() / 1000);
    let outcome: DeliveryOutcome;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'cmfc-court-docket/1',
          'x-docket-timestamp': String(timestamp),
          'x-docket-signature': signDocketPayload(secret, timestamp, event.body),
          'x-docket-event-id': event.id,
          ...standardWebhooksHeaders(secret, event.id, timestamp, event.body),
        },
        body: event.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      });
      const status = response.status;
      await response.arrayBuffer().catch(() => undefined);
      outcome =
        status >= 200 && status < 300
          ? { delivered: true, status }
          : { delivered: false, status, error: `HTTP ${status}`, last: isLastAttempt };
    } catch (error) {
      outcome = { delivered: false, status: null, error: describeFailure(error), last: isLastAttempt };
    }
    await this.dataSource.transaction(async (manager) => {
      const updated = await this.events.recordAttempt(manager, eventId, outcome);
      if (updated) await this.mirrorOnRequest(manager, updated);
    });
    if (!outcome.delivered) {
      if (isLastAttempt) this.logger.warn({ eventId, failure: outcome.error }, 'docket event FAILED after its last attempt');
      throw new Error(`docket delivery failed: ${outcome.error}`);
    }
    return 'delivered';
  }

  /**
   * A clerk (of the event's court) or an admin sends a FAILED event again:
   * its attempts start over. Another court's event is not found.
   */
  async resend(actor: Actor, eventId: string, manager?: EntityManager): Promise<DocketEventView> {
    const run = async (m: EntityManager) => {
      if (!(await this.events.existsScoped(m, actor, eventId))) throw new NotFound('docket event');
      const event = await this.events.resetFailed(m, eventId);
      if (!event) throw new Conflict('NothingToRetry', 'Only a FAILED docket event can be sent again.');
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
  async list(actor: Actor, query: { courtId?: string; status?: DocketEventStatus }, limit: number): Promise<DocketEventView[]> {
    if (actor.role === 'ADMIN' && query.courtId === undefined && query.status === undefined)
      throw ValidationFailed.field('courtId', 'or status is required');
    if (actor.role !== 'ADMIN' && query.courtId !== undefined && query.courtId !== actor.courtId) throw new NotFound('court');
    return (await this.events.listScoped(actor, query, limit)).map(toDocketEventView);
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

/** A delivery error without secrets (no URL credentials, no body). */
function describeFailure(error: unknown): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `timed out after ${DELIVERY_TIMEOUT_MS / 1000} s`;
  return (e.cause?.code ?? e.cause?.message ?? e.message ?? 'delivery failed').slice(0, 300);
}
