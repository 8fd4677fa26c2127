import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CaseContactsRepository, type CaseCaption } from '../cases/case-contacts.repository.js';
import { APP_CONFIG } from '../common/config/config.module.js';
import type { AppConfig } from '../common/config/app-config.js';
import { UserContactsRepository } from '../auth/user-contacts.repository.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { jobId, type OutboxJob } from '../outbox/jobs.js';
import { MailTemplates } from './mail-templates.js';
import { mailDomain } from './mail-transport.js';
import { NotificationDocuments, type ServedDocument } from './notification-documents.js';
import { eventKey, type NotificationEvent } from './notification-events.js';
import { buildMessage } from './notification-messages.js';
import { NotificationsRepository, type NewMessage } from './notifications.repository.js';

/** Someone an event is told to. */
export interface Recipient {
  email: string;
  name: string;
  /** JUDGE, CLERK, AGENCY, CASEWORKER or a participant's role. */
  role: string;
  userId: string | null;
  participantId: string | null;
}

/**
 * Turns an event into one message per person concerned (API.md, "Case
 * participants and notifications"), rendered from templates/mail, with the
 * document served attached; each message is a row and an outbox job in one
 * transaction. Fanned out again (a redelivered job), it writes nothing new:
 * a message is unique per event and address.
 */
@Injectable()
export class NotificationFanOut {
  private readonly templates = new MailTemplates();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(NotificationsRepository) private readonly notifications: NotificationsRepository,
    @Inject(CaseContactsRepository) private readonly cases: CaseContactsRepository,
    @Inject(UserContactsRepository) private readonly users: UserContactsRepository,
    @Inject(NotificationDocuments) private readonly documents: NotificationDocuments,
    @Inject(OutboxService) private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Returns how many new messages were written. */
  async fanOut(event: NotificationEvent): Promise<number> {
    // A standing order is on no case: nobody in particular is served with it.
    if (!event.caseId) return 0;
    const caption = await this.cases.caption(event.caseId);
    if (!caption) return 0;
    const recipients = dedupe(await this.recipients(event, caption));
    if (recipients.length === 0) return 0;
    const document = await this.documents.forEvent(event);
    // A notice of a hearing since set again or cancelled: the later event serves what is current.
    if (document === 'stale') return 0;
    const messages = recipients.map((recipient) => this.message(event, caption, recipient, document));
    return this.dataSource.transaction(async (manager) => {
      const ids = await this.notifications.insertNew(manager, messages);
      await this.outbox.enqueue(
        manager,
        ...ids.map((id): OutboxJob => ({
          name: 'notification.send',
          data: { notificationId: id },
          jobId: jobId('notification', id),
          options: { attempts: this.config.mailAttempts, backoff: { type: 'exponential' as const, delay: this.config.mailBackoffMs } },
        })),
      );
      return ids.length;
    });
  }

  private async recipients(event: NotificationEvent, caption: CaseCaption): Promise<Recipient[]> {
    const clerks = () => this.users.ofCourt(caption.courtId, ['CLERK']);
    switch (event.type) {
      case 'child.missing':
        return [
          ...fromUsers(await this.users.byIds([caption.judgeId])),
          ...fromUsers(await clerks()),
          ...fromContacts(await this.cases.contacts(caption.caseId, { caseworker: true })),
        ];
      case 'obligation.overdue':
        return [...(event.agencyId ? fromUsers(await this.users.ofAgency(event.agencyId)) : []), ...fromUsers(await clerks())];
      case 'evidence.rejected':
        return event.submittedBy ? fromUsers(await this.users.byIds([event.submittedBy])) : [];
      case 'hearing.scheduled':
      case 'hearing.cancelled':
        return fromContacts(await this.cases.contacts(caption.caseId, { caseworker: true }));
      case 'order.signed':
        return fromContacts(await this.cases.contacts(caption.caseId, { caseworker: false }));
    }
  }

  private message(event: NotificationEvent, caption: CaseCaption, recipient: Recipient, document: ServedDocument | null): NewMessage {
    const { template, data } = buildMessage(
      event,
      { docketNumber: caption.docketNumber, courtName: caption.court.name, timezone: caption.court.timezone, child: caption.child },
      { name: recipient.name },
      { publicBaseUrl: this.config.publicBaseUrl, attachmentName: document?.name ?? null },
    );
    const rendered = this.templates.render(template, data);
    return {
      event: event.type,
      eventKey: eventKey(event),
      courtId: caption.courtId,
      caseId: caption.caseId,
      episodeId: 'episodeId' in event ? event.episodeId : null,
      hearingRequestId: 'hearingRequestId' in event ? event.hearingRequestId : null,
      orderId: 'orderId' in event ? event.orderId : null,
      recipient: recipient.email,
      recipientName: recipient.name,
      recipientRole: recipient.role,
      userId: recipient.userId,
      participantId: recipient.participantId,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      attachment: document ? { name: document.name, sha256: document.sha256 } : null,
      messageDomain: mailDomain(this.config),
    };
  }
}

const fromUsers = (users: Array<{ id: string; name: string; email: string; role: string }>): Recipient[] =>
  users.map((u) => ({ email: u.email, name: u.name, role: u.role, userId: u.id, participantId: null }));

const fromContacts = (contacts: Array<{ email: string; name: string; role: string; participantId: string | null }>): Recipient[] =>
  contacts.map((c) => ({ email: c.email, name: c.name, role: c.role, userId: null, participantId: c.participantId }));

/** One message per address, the first role named for it winning (the judge before a participant of the same address). */
function dedupe(recipients: Recipient[]): Recipient[] {
  const seen = new Set<string>();
  return recipients.filter((r) => {
    const key = r.email.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
