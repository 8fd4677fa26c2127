import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { SqlParams } from '../auth/scope.js';
import { decodeCursor, toPage, type Page } from '../common/pagination/pagination.js';
import type { NotificationEventType } from './notification-events.js';

export const NOTIFICATION_STATUSES = ['PENDING', 'SENT', 'FAILED'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/** A message as GET /notifications answers it (never its bodies). */
export interface NotificationView {
  id: string;
  event: NotificationEventType;
  recipient: string;
  recipientName: string;
  recipientRole: string;
  channel: 'EMAIL';
  status: NotificationStatus;
  attempts: number;
  sentAt: Date | null;
  failedAt: Date | null;
  lastError: string | null;
  courtId: string;
  caseId: string | null;
  episodeId: string | null;
  hearingRequestId: string | null;
  orderId: string | null;
  attachment: { name: string; sha256: string } | null;
  createdAt: Date;
}

/** One message to write, rendered. */
export interface NewMessage {
  event: NotificationEventType;
  eventKey: string;
  courtId: string;
  caseId: string | null;
  episodeId: string | null;
  hearingRequestId: string | null;
  orderId: string | null;
  recipient: string;
  recipientName: string;
  recipientRole: string;
  userId: string | null;
  participantId: string | null;
  subject: string;
  text: string;
  html: string;
  attachment: { name: string; sha256: string } | null;
  /** The domain of the Message-ID (`<id@domain>`), so a redelivered copy is recognisably the same message. */
  messageDomain: string;
}

/** A message claimed for sending, with everything the transport needs. */
export interface MessageToSend {
  id: string;
  recipient: string;
  recipientName: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  attachment: { name: string; sha256: string } | null;
}

interface NotificationRow {
  id: string;
  event: NotificationEventType;
  event_key: string;
  court_id: string;
  case_id: string | null;
  episode_id: string | null;
  hearing_request_id: string | null;
  order_id: string | null;
  recipient: string;
  recipient_name: string;
  recipient_role: string;
  status: NotificationStatus;
  attempts: number;
  last_error: string | null;
  sent_at: Date | null;
  failed_at: Date | null;
  attachment_name: string | null;
  attachment_sha256: string | null;
  created_at: Date;
  cursor_key: string;
}

const VIEW_COLUMNS = `n.id, n.event, n.event_key, n.court_id, n.case_id, n.episode_id, n.hearing_request_id, n.order_id, n.recipient,
  n.recipient_name, n.recipient_role, n.status, n.attempts, n.last_error, n.sent_at, n.failed_at, n.attachment_name, n.attachment_sha256,
  n.created_at, n.created_at::text AS cursor_key`;

const NEW_COLUMNS = [
  'id',
  'event',
  'event_key',
  'court_id',
  'case_id',
  'episode_id',
  'hearing_request_id',
  'order_id',
  'recipient',
  'recipient_name',
  'recipient_role',
  'user_id',
  'participant_id',
  'subject',
  'text_body',
  'html_body',
  'attachment_name',
  'attachment_sha256',
  'message_id',
] as const;

export const toNotificationView = (row: NotificationRow): NotificationView => ({
  id: row.id,
  event: row.event,
  recipient: row.recipient,
  recipientName: row.recipient_name,
  recipientRole: row.recipient_role,
  channel: 'EMAIL',
  status: row.status,
  attempts: row.attempts,
  sentAt: row.sent_at,
  failedAt: row.failed_at,
  lastError: row.last_error,
  courtId: row.court_id,
  caseId: row.case_id,
  episodeId: row.episode_id,
  hearingRequestId: row.hearing_request_id,
  orderId: row.order_id,
  attachment: row.attachment_name && row.attachment_sha256 ? { name: row.attachment_name, sha256: row.attachment_sha256.trim() } : null,
  createdAt: row.created_at,
});

export interface NotificationFilters {
  courtId?: string;
  caseId?: string;
  episodeId?: string;
  hearingRequestId?: string;
  orderId?: string;
  status?: NotificationStatus;
  limit: number;
  cursor?: string;
}

/** The notifications table: every message, its delivery and its lease. */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Writes the messages not written before (one per event and address); returns the ids of the new ones. */
  async insertNew(manager: EntityManager, messages: NewMessage[]): Promise<string[]> {
    if (messages.length === 0) return [];
    const params = new SqlParams();
    const rows = messages.map((m) => {
      const id = randomUUID();
      const values = [
        id,
        m.event,
        m.eventKey,
        m.courtId,
        m.caseId,
        m.episodeId,
        m.hearingRequestId,
        m.orderId,
        m.recipient,
        m.recipientName,
        m.recipientRole,
        m.userId,
        m.participantId,
        m.subject,
        m.text,
        m.html,
        m.attachment?.name ?? null,
        m.attachment?.sha256 ?? null,
        `<${id}@${m.messageDomain}>`,
      ];
      return `(${values.map((v) => params.add(v)).join(', ')})`;
    });
    const inserted = (await manager.query(
      `INSERT INTO notifications (${NEW_COLUMNS.join(', ')}) VALUES ${rows.join(', ')}
       ON CONFLICT (event_key, lower(recipient)) DO NOTHING RETURNING id`,
      params.values,
    )) as Array<{ id: string }>;
    return inserted.map((r) => r.id);
  }

  /**
   * Takes the lease on a PENDING message for `leaseMs` and counts the attempt.
   * Returns the message, or why it cannot be sent now: already SENT or FAILED,
   * another worker holding the lease, or no such message.
   */
  async claim(id: string, leaseMs: number): Promise<MessageToSend | 'done' | 'leased' | 'unknown'> {
    const [rows] = (await this.dataSource.query(
      `UPDATE notifications SET attempts = attempts + 1, claimed_until = now() + $2 * interval '1 millisecond'
        WHERE id = $1 AND status = 'PENDING' AND (claimed_until IS NULL OR claimed_until < now())
        RETURNING id, recipient, recipient_name, subject, text_body, html_body, message_id, attachment_name, attachment_sha256`,
      [id, leaseMs],
    )) as [
      Array<{
        id: string;
        recipient: string;
        recipient_name: string;
        subject: string;
        text_body: string;
        html_body: string;
        message_id: string;
        attachment_name: string | null;
        attachment_sha256: string | null;
      }>,
      number,
    ];
    const row = rows[0];
    if (row) {
      return {
        id: row.id,
        recipient: row.recipient,
        recipientName: row.recipient_name,
        subject: row.subject,
        text: row.text_body,
        html: row.html_body,
        messageId: row.message_id,
        attachment:
          row.attachment_name && row.attachment_sha256 ? { name: row.attachment_name, sha256: row.attachment_sha256.trim() } : null,
      };
    }
    const [current] = (await this.dataSource.query(`SELECT status FROM notifications WHERE id = $1`, [id])) as Array<{
      status: NotificationStatus;
    }>;
    if (!current) return 'unknown';
    return current.status === 'PENDING' ? 'leased' : 'done';
  }

  /** Recorded once: a second delivery of a SENT message changes nothing. */
  async markSent(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE notifications SET status = 'SENT', sent_at = now(), last_error = NULL, claimed_until = NULL WHERE id = $1 AND status = 'PENDING'`,
      [id],
    );
  }

  /** A failed attempt releases the lease; the last one (or a permanent refusal) makes the message FAILED. */
  async markAttemptFailed(id: string, error: string, final: boolean): Promise<void> {
    await this.dataSource.query(
      `UPDATE notifications SET last_error = $2, claimed_until = NULL,
              status = CASE WHEN $3 THEN 'FAILED' ELSE status END, failed_at = CASE WHEN $3 THEN now() ELSE failed_at END
        WHERE id = $1 AND status = 'PENDING'`,
      [id, error.slice(0, 500), final],
    );
  }

  /** Messages the caller may see (judges and clerks: their court's), newest first. */
  async list(principal: Principal, filters: NotificationFilters): Promise<Page<NotificationView>> {
    const params = new SqlParams();
    const where = [principal.role === 'ADMIN' ? 'TRUE' : `n.court_id = ${params.add(principal.courtId)}`];
    if (filters.courtId) where.push(`n.court_id = ${params.add(filters.courtId)}`);
    if (filters.caseId) where.push(`n.case_id = ${params.add(filters.caseId)}`);
    if (filters.episodeId) where.push(`n.episode_id = ${params.add(filters.episodeId)}`);
    if (filters.hearingRequestId) where.push(`n.hearing_request_id = ${params.add(filters.hearingRequestId)}`);
    if (filters.orderId) where.push(`n.order_id = ${params.add(filters.orderId)}`);
    if (filters.status) where.push(`n.status = ${params.add(filters.status)}`);
    const after = decodeCursor(filters.cursor);
    if (after) where.push(`(n.created_at, n.id) < (${params.add(after.key)}::timestamptz, ${params.add(after.id)}::uuid)`);
    const rows = (await this.dataSource.query(
      `SELECT ${VIEW_COLUMNS} FROM notifications n WHERE ${where.join(' AND ')}
        ORDER BY n.created_at DESC, n.id DESC LIMIT ${params.add(filters.limit + 1)}`,
      params.values,
    )) as NotificationRow[];
    return toPage(rows, filters.limit, toNotificationView);
  }

  /**
   * The service of one document: every message of the latest event of that
   * kind about the record (a rescheduled hearing's latest notice), in the
   * order written.
   */
  async serviceOf(subject: { orderId: string } | { hearingRequestId: string }, event: NotificationEventType): Promise<NotificationView[]> {
    const [column, id] = 'orderId' in subject ? ['order_id', subject.orderId] : ['hearing_request_id', subject.hearingRequestId];
    const rows = (await this.dataSource.query(
      `SELECT ${VIEW_COLUMNS} FROM notifications n
        WHERE n.${column} = $1 AND n.event = $2
          AND n.event_key = (SELECT event_key FROM notifications WHERE ${column} = $1 AND event = $2 ORDER BY created_at DESC, id DESC LIMIT 1)
        ORDER BY n.created_at, n.recipient`,
      [id, event],
    )) as NotificationRow[];
    return rows.map(toNotificationView);
  }
}
