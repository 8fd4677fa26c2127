import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { NotificationDocuments } from './notification-documents.js';
import { MailTransport } from './mail-transport.js';
import { NotificationsRepository } from './notifications.repository.js';

/**
 * How long a worker holds a message while it hands it to the transport: longer
 * than the SMTP timeouts, so a second delivery of the same job (a stalled job
 * picked up again) finds it leased and retries later instead of sending it too.
 */
export const SEND_LEASE_MS = 120_000;

/** A refusal that another attempt will not change (SMTP 5xx: no such mailbox, relay denied). */
function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/** The transport's error without the message or credentials. */
function describe(error: unknown): string {
  const e = error as { code?: string; responseCode?: number; response?: string; message?: string };
  if (e.responseCode) return `SMTP ${e.responseCode}: ${(e.response ?? '').slice(0, 200)}`;
  return (e.code ? `${e.code}: ` : '') + (e.message ?? 'sending failed').slice(0, 300);
}

/**
 * Sends one message (a BullMQ job, retried with backoff): takes its lease,
 * hands it to the transport, records SENT once. A failure is recorded and
 * rethrown so the job is retried; the last attempt, or a permanent refusal,
 * leaves it FAILED with the reason (which the certificate of service prints).
 */
@Injectable()
export class NotificationSender implements OnApplicationShutdown {
  private readonly logger = new Logger(NotificationSender.name);

  constructor(
    @Inject(NotificationsRepository) private readonly notifications: NotificationsRepository,
    @Inject(NotificationDocuments) private readonly documents: NotificationDocuments,
    @Inject(MailTransport) private readonly transport: MailTransport,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.transport.close();
  }

  async send(id: string, isLastAttempt: boolean): Promise<'sent' | 'already-done' | 'unknown'> {
    const claimed = await this.notifications.claim(id, SEND_LEASE_MS);
    if (claimed === 'unknown') return 'unknown';
    if (claimed === 'done') return 'already-done';
    if (claimed === 'leased') throw new Error('another worker is sending this message; retrying later');
    try {
      const attachment = claimed.attachment
        ? { filename: claimed.attachment.name, contentType: 'application/pdf', content: await this.documents.bytes(claimed.attachment) }
        : null;
      await this.transport.send({
        id: claimed.id,
        to: { name: claimed.recipientName, address: claimed.recipient },
        subject: claimed.subject,
        text: claimed.text,
        html: claimed.html,
        messageId: claimed.messageId,
        attachment,
      });
    } catch (error) {
      const permanent = isPermanent(error);
      const reason = describe(error);
      await this.notifications.markAttemptFailed(id, reason, permanent || isLastAttempt);
      if (permanent || isLastAttempt) this.logger.warn({ notificationId: id, reason }, 'notification FAILED');
      if (permanent) throw new UnrecoverableError(reason);
      throw error;
    }
    await this.notifications.markSent(id);
    return 'sent';
  }
}
