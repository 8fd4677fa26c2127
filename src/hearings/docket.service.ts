import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/principal.js';
import { APP_CONFIG } from '../common/config/config.module.js';
import type { AppConfig } from '../common/config/app-config.js';
import { Conflict } from '../common/errors/domain-error.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { jobId, QUEUES } from '../outbox/queues.js';
import { DOCKET_JOBS, type DocketEventStatus, type DocketEventType } from './docket-events.js';
import { signDocketPayload } from './docket-signature.js';
import { HEARING_REQUEST_COLUMNS, toHearingRequestView, type HearingRequestRow } from './hearing-request-view.js';

const DELIVERY_TIMEOUT_MS = 10_000;

export interface DocketEventView {
  id: string;
  type: DocketEventType;
  hearingRequestId: string | null;
  orderId: string | null;
  courtId: string;
  status: DocketEventStatus;
  attempts: number;
  lastError: string | null;
  lastStatus: number | null;
  deliveredAt: Date | null;
  failedAt: Date | null;
  createdAt: Date;
}

interface EventRow {
  id: string;
  type: DocketEventType;
  hearing_request_id: string | null;
  order_id: string | null;
  court_id: string;
  body: string;
  status: DocketEventStatus;
  attempts: number;
  resends: number;
  last_error: string | null;
  last_status: number | null;
  delivered_at: Date | null;
  failed_at: Date | null;
  created_at: Date;
}

const toView = (r: EventRow): DocketEventView => ({
  id: r.id,
  type: r.type,
  hearingRequestId: r.hearing_request_id,
  orderId: r.order_id,
  courtId: r.court_id,
  status: r.status,
  attempts: r.attempts,
  lastError: r.last_error,
  lastStatus: r.last_status,
  deliveredAt: r.delivered_at,
  failedAt: r.failed_at,
  createdAt: r.created_at,
});

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
      const body = JSON.stringify({
        eventId: id,
        type,
        occurredAt: new Date().toISOString(),
        data: data.payload,
      });
      const [row] = (await manager.query(
        `INSERT INTO docket_events (id, type, subject_id, hearing_request_id, order_id, court_id, body, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'PENDING')
         ON CONFLICT (subject_id, type) DO NOTHING
         RETURNING *`,
        [id, type, subjectId, type === 'order.signed' ? null : subjectId, type === 'order.signed' ? subjectId : null, data.courtId, body],
      )) as EventRow[];
      if (!row) return null;
      if (row.hearing_request_id) {
        await manager.query(
          `UPDATE hearing_requests SET docket_status = 'PENDING', docket_attempts = 0, docket_last_error = NULL, updated_at = now() WHERE id = $1`,
          [row.hearing_request_id],
        );
      }
      await this.queueDelivery(manager, id, 0);
      return toView(row);
    });
  }

  /**
   * One delivery attempt (a BullMQ job). Throws on failure so BullMQ retries;
   * on the last attempt the event is marked FAILED first.
   */
  async deliver(eventId: string, isLastAttempt: boolean): Promise<'delivered' | 'already-delivered' | 'unknown'> {
    const [event] = (await this.dataSource.query(`SELECT * FROM docket_events WHERE id = $1`, [eventId])) as EventRow[];
    if (!event) return 'unknown';
    if (event.status === 'DELIVERED') return 'already-delivered';
    const url = this.config.docketWebhookUrl;
    const secret = this.config.docketWebhookSecret;
    if (!url || !secret) throw new Error('the docket webhook is not configured');
    const timestamp = Math.floor(Date.now() / 1000);
    let failure: string | null = null;
    let status: number | null = null;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'cmfc-court-docket/1',
          'x-docket-timestamp': String(timestamp),
          'x-docket-signature': signDocketPayload(secret, timestamp, event.body),
          'x-docket-event-id': event.id,
        },
        body: event.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      });
      status = response.status;
      await response.arrayBuffer().catch(() => undefined);
      if (status < 200 || status >= 300) failure = `HTTP ${status}`;
    } catch (error) {
      failure = describeFailure(error);
    }
    await this.dataSource.transaction(async (manager) => {
      const [[updated]] = (
        failure
          ? await manager.query(
              `UPDATE docket_events SET attempts = attempts + 1, last_error = $2, last_status = $3,
                      status = CASE WHEN $4 THEN 'FAILED' ELSE status END, failed_at = CASE WHEN $4 THEN now() ELSE failed_at END
                WHERE id = $1 AND status = 'PENDING' RETURNING *`,
              [eventId, failure, status, isLastAttempt],
            )
          : // Recorded as delivered once: a redelivery of a DELIVERED event changes nothing.
            await manager.query(
              `UPDATE docket_events SET attempts = attempts + 1, last_error = NULL, last_status = $2, status = 'DELIVERED', delivered_at = now()
                WHERE id = $1 AND status = 'PENDING' RETURNING *`,
              [eventId, status],
            )
      ) as [EventRow[], number];
      if (updated?.hearing_request_id) await this.mirrorOnRequest(manager, updated);
    });
    if (failure) {
      if (isLastAttempt) this.logger.warn({ eventId, failure }, 'docket event FAILED after its last attempt');
      throw new Error(`docket delivery failed: ${failure}`);
    }
    return 'delivered';
  }

  /** A clerk sends a FAILED event again: its attempts start over. */
  async resend(actor: Actor, eventId: string, manager?: EntityManager): Promise<DocketEventView> {
    const run = async (m: EntityManager) => {
      const [[row]] = (await m.query(
        `UPDATE docket_events SET status = 'PENDING', attempts = 0, failed_at = NULL, resends = resends + 1
          WHERE id = $1 AND status = 'FAILED' RETURNING *`,
        [eventId],
      )) as [EventRow[], number];
      if (!row) throw new Conflict('NothingToRetry', 'Only a FAILED docket event can be sent again.');
      if (row.hearing_request_id) await this.mirrorOnRequest(m, row);
      await this.queueDelivery(m, row.id, row.resends);
      await this.audit.record(m, actor, {
        action: 'retry',
        entityType: 'docket_event',
        entityId: row.id,
        courtId: row.court_id,
        details: { type: row.type },
      });
      return toView(row);
    };
    return manager ? run(manager) : this.dataSource.transaction(run);
  }

  /** The latest event of a hearing request (what its docketSync shows). */
  async latestForRequest(manager: EntityManager, hearingRequestId: string): Promise<DocketEventView | null> {
    const [row] = (await manager.query(
      `SELECT * FROM docket_events WHERE hearing_request_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1`,
      [hearingRequestId],
    )) as EventRow[];
    return row ? toView(row) : null;
  }

  async list(courtId: string | null, status: DocketEventStatus | undefined, limit: number): Promise<DocketEventView[]> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM docket_events WHERE ($1::uuid IS NULL OR court_id = $1) AND ($2::text IS NULL OR status = $2)
        ORDER BY created_at DESC, id DESC LIMIT $3`,
      [courtId, status ?? null, limit],
    )) as EventRow[];
    return rows.map(toView);
  }

  async find(eventId: string): Promise<DocketEventView | null> {
    const [row] = (await this.dataSource.query(`SELECT * FROM docket_events WHERE id = $1`, [eventId])) as EventRow[];
    return row ? toView(row) : null;
  }

  private async queueDelivery(manager: EntityManager, eventId: string, resend: number): Promise<void> {
    await this.outbox.enqueue(manager, {
      queue: QUEUES.docket,
      name: DOCKET_JOBS.deliver,
      data: { eventId },
      jobId: jobId('docket-event', eventId, `r${resend}`),
      options: {
        attempts: this.config.docketWebhookAttempts,
        backoff: {
          type: 'exponential',
          delay: this.config.docketWebhookBackoffMs,
        },
      },
    });
  }

  /** A hearing request's docketSync follows its latest event only. */
  private async mirrorOnRequest(manager: EntityManager, event: EventRow): Promise<void> {
    await manager.query(
      `UPDATE hearing_requests hr
          SET docket_status = CASE $2 WHEN 'DELIVERED' THEN 'SYNCED' WHEN 'FAILED' THEN 'FAILED' ELSE 'PENDING' END,
              docket_attempts = $3, docket_last_error = $4, updated_at = now()
        WHERE hr.id = $1
          AND NOT EXISTS (SELECT 1 FROM docket_events later, docket_events this
                           WHERE this.id = $5 AND later.hearing_request_id = $1 AND later.created_at > this.created_at)`,
      // Compared in SQL: a JavaScript Date would drop the microseconds and make the event later than itself.
      [event.hearing_request_id, event.status, event.attempts, event.last_error, event.id],
    );
  }

  private async hearingRequestData(manager: EntityManager, id: string) {
    const [row] = (await manager.query(
      `SELECT ${HEARING_REQUEST_COLUMNS}, hr.target_date::text AS target_date, k.docket_number
         FROM hearing_requests hr JOIN cases k ON k.id = hr.case_id WHERE hr.id = $1`,
      [id],
    )) as Array<HearingRequestRow & { docket_number: string }>;
    if (!row) return null;
    const { docketSync: _sync, ...view } = toHearingRequestView(row);
    return {
      courtId: row.court_id,
      payload: { ...view, docketNumber: row.docket_number },
    };
  }

  private async orderData(manager: EntityManager, id: string) {
    const [row] = (await manager.query(
      `SELECT o.id, o.order_number, o.kind, o.court_id, o.case_id, o.signed_at, o.sha256, k.docket_number
         FROM orders o LEFT JOIN cases k ON k.id = o.case_id WHERE o.id = $1 AND o.signed_at IS NOT NULL`,
      [id],
    )) as Array<{
      id: string;
      order_number: string;
      kind: string;
      court_id: string;
      case_id: string | null;
      signed_at: Date;
      sha256: string;
      docket_number: string | null;
    }>;
    if (!row) return null;
    return {
      courtId: row.court_id,
      payload: {
        orderId: row.id,
        orderNumber: row.order_number,
        kind: row.kind,
        courtId: row.court_id,
        caseId: row.case_id,
        docketNumber: row.docket_number,
        signedAt: row.signed_at,
        sha256: row.sha256,
      },
    };
  }
}

/** A delivery error without secrets (no URL credentials, no body). */
function describeFailure(error: unknown): string {
  const e = error as {
    name?: string;
    message?: string;
    cause?: { code?: string; message?: string };
  };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `timed out after ${DELIVERY_TIMEOUT_MS / 1000} s`;
  return (e.cause?.code ?? e.cause?.message ?? e.message ?? 'delivery failed').slice(0, 300);
}
