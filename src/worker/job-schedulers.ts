import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import type { AppConfig } from '../common/config/app-config.js';
import { APP_CONFIG } from '../common/config/config.module.js';
import { JOB_QUEUE, JOB_SCHEDULERS } from '../outbox/jobs.js';

/**
 * Re-declares the schedulers this often, in case Redis lost them: a restart without persistence must not stop
 * the reconciliation sweep. Declaring again keeps the schedule: `every`
 * intervals are aligned to the clock, not to the declaration.
 */
const REDECLARE_MS = 15_000;

/**
 * Declares the BullMQ job schedulers of the worker (JOB_SCHEDULERS: sweeps,
 * housekeeping). Declaring is idempotent; it is retried until Redis answers,
 * so a worker starts even while Redis is away.
 */
@Injectable()
export class JobSchedulers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobSchedulers.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(ModuleRef) private readonly moduleRef: ModuleRef,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    void this.declare();
    this.timer = setInterval(() => void this.declare(), REDECLARE_MS);
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async declare(): Promise<void> {
    try {
      for (const scheduler of JOB_SCHEDULERS) {
        const queue = this.moduleRef.get<Queue>(getQueueToken(JOB_QUEUE[scheduler.job]), { strict: false });
        await withTimeout(
          queue.upsertJobScheduler(scheduler.schedulerId, { every: scheduler.everyMs(this.config) }, { name: scheduler.job }),
          5000,
        );
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'cannot declare job schedulers yet (Redis?); will retry');
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timed out')), ms).unref())]);
}
