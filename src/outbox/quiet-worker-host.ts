import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';

/** A processor whose worker logs Redis outages quietly instead of printing every reconnect failure. */
export abstract class QuietWorkerHost extends WorkerHost {
  private lastErrorAt = 0;

  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    if (Date.now() - this.lastErrorAt < 60_000) return;
    this.lastErrorAt = Date.now();
    new Logger(this.constructor.name).warn({ err: error }, 'worker cannot reach Redis; jobs wait until it answers');
  }
}
