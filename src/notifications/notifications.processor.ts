import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../common/config/app-config.js';
import { APP_CONFIG } from '../common/config/config.module.js';
import { isLastAttempt, unknownJob, type QueueJob } from '../outbox/jobs.js';
import { QueueWorker } from '../outbox/queue-worker.js';
import { QUEUES } from '../outbox/queues.js';
import { NotificationFanOut } from './notification-fan-out.service.js';
import { NotificationSender } from './notification-sender.service.js';

/** The notifications queue: events fanned out to their recipients, then one job per message. */
@Injectable()
export class NotificationsProcessor extends QueueWorker<typeof QUEUES.notifications> {
  constructor(
    @Inject(NotificationFanOut) private readonly fanOut: NotificationFanOut,
    @Inject(NotificationSender) private readonly sender: NotificationSender,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super(QUEUES.notifications, config, 8);
  }

  protected async handle(job: QueueJob<typeof QUEUES.notifications>): Promise<unknown> {
    switch (job.name) {
      case 'notification.fan-out':
        return { messages: await this.fanOut.fanOut(job.data) };
      case 'notification.send':
        return this.sender.send(job.data.notificationId, isLastAttempt(job));
      default:
        return unknownJob(job);
    }
  }
}
