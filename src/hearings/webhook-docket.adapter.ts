import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '../common/config/app-config.js';
import { APP_CONFIG } from '../common/config/config.module.js';
import type { DocketAdapter } from './docket-adapter.js';
import type { DeliveryOutcome, DocketEventView } from './docket-events.repository.js';
import type { DocketEventType } from './docket-events.js';
import { signDocketPayload, standardWebhooksHeaders } from './docket-signature.js';
import { DocketService } from './docket.service.js';
import { readBounded } from './bounded-body.js';

const DELIVERY_TIMEOUT_MS = 10_000;
/** The CMS's answer is not used: only this much of its body is read. */
const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * DOCKET_WEBHOOK_URL set: every event is stored once with its exact JSON
 * (DocketService), then POSTed signed (HMAC-SHA256 over `timestamp.body`,
 * and the Standard Webhooks headers) with its event id, retried with
 * exponential backoff by BullMQ, FAILED after the last attempt (listed for
 * the clerk, who can send it again). A delivery is recorded as a success
 * once, however often the CMS receives it.
 */
@Injectable()
export class WebhookDocket implements DocketAdapter {
  readonly initialSyncStatus = 'PENDING' as const;
  private readonly logger = new Logger(WebhookDocket.name);

  constructor(
    @Inject(DocketService) private readonly docket: DocketService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  publish(type: DocketEventType, subjectId: string): Promise<DocketEventView | null> {
    return this.docket.record(type, subjectId);
  }

  /**
   * One delivery attempt (a BullMQ job). Throws on failure so BullMQ retries;
   * on the last attempt the event is marked FAILED first.
   */
  async deliver(eventId: string, isLastAttempt: boolean): Promise<'delivered' | 'already-delivered' | 'unknown'> {
    const event = await this.docket.storedEvent(eventId);
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
      await readBounded(response, MAX_ANSWER_BYTES).catch(() => undefined);
      outcome =
        status >= 200 && status < 300
          ? { delivered: true, status }
          : { delivered: false, status, error: `HTTP ${status}`, last: isLastAttempt };
    } catch (error) {
      outcome = { delivered: false, status: null, error: describeFailure(error), last: isLastAttempt };
    }
    await this.docket.recordAttempt(eventId, outcome);
    if (!outcome.delivered) {
      if (isLastAttempt) this.logger.warn({ eventId, failure: outcome.error }, 'docket event FAILED after its last attempt');
      throw new Error(`docket delivery failed: ${outcome.error}`);
    }
    return 'delivered';
  }
}

/** A delivery error without secrets (no URL credentials, no body). */
function describeFailure(error: unknown): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `timed out after ${DELIVERY_TIMEOUT_MS / 1000} s`;
  return (e.cause?.code ?? e.cause?.message ?? e.message ?? 'delivery failed').slice(0, 300);
}
