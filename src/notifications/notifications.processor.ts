import { Processor } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import type { Job } from 'bullmq';
import { QUEUES } from '../outbox/queues.js';
import { QuietWorkerHost } from '../outbox/quiet-worker-host.js';
import { NOTIFICATION_JOBS, type NotificationEvent } from './notification-events.js';
import { NotificationFanOut } from './notification-fan-out.service.js';
import { NotificationSender } from './notification-sender.service.js';

/** The notifications queue: events fanned out to their recipients, then one job per message. */
@Processor(QUEUES.notifications, { concurrency: 8 })
export class NotificationsProcessor extends QuietWorkerHost {
  constructor(
    @Inject(NotificationFanOut) private readonly fanOut: NotificationFanOut,
    @Inject(NotificationSender) private readonly sender: NotificationSender,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case NOTIFICATION_JOBS.fanOut:
        return { messages: await this.fanOut.fanOut(job.data as NotificationEvent) };
      case NOTIFICATION_JOBS.send: {
        const isLastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        return this.sender.send((job.data as { notificationId: string }).notificationId, isLastAttempt);
      }
      default:
        throw new Error(`unknown notifications job ${job.name}`);
    }
  }
}
