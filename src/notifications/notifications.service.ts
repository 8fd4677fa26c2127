import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/principal.js';
import type { Page } from '../common/pagination/pagination.js';
import type { ListNotificationsQuery } from './dto/notifications.dto.js';
import { NotificationsRepository, type NotificationView } from './notifications.repository.js';

/** What was sent to whom, for the court's judges and clerks. */
@Injectable()
export class NotificationsService {
  constructor(
    @Inject(NotificationsRepository) private readonly notifications: NotificationsRepository,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, query: ListNotificationsQuery): Promise<Page<NotificationView>> {
    const page = await this.notifications.list(actor, query);
    await this.audit.recordList(actor, { action: 'list', entityType: 'notification' }, page.items);
    return page;
  }
}
