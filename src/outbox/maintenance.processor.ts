import { Inject, Injectable } from '@nestjs/common';
import { CarriedTokensRepository } from '../auth/carried-tokens.repository.js';
import { RevokedTokensRepository } from '../auth/revoked-tokens.repository.js';
import { SessionsRepository } from '../auth/sessions.repository.js';
import type { AppConfig } from '../common/config/app-config.js';
import { APP_CONFIG } from '../common/config/config.module.js';
import { IdempotencyKeysRepository } from '../common/idempotency/idempotency-keys.repository.js';
import { unknownJob, type QueueJob } from './jobs.js';
import { OutboxRepository } from './outbox.repository.js';
import { QueueWorker } from './queue-worker.js';
import { QUEUES } from './queues.js';

/**
 * Removes idempotency keys past their 24 hours, outbox rows relayed more than a week ago, signed-out
 * and carried token ids past their expiry and sessions finished more than a day ago.
 */
@Injectable()
export class MaintenanceProcessor extends QueueWorker<typeof QUEUES.maintenance> {
  constructor(
    @Inject(OutboxRepository) private readonly outbox: OutboxRepository,
    @Inject(IdempotencyKeysRepository) private readonly idempotencyKeys: IdempotencyKeysRepository,
    @Inject(RevokedTokensRepository) private readonly revokedTokens: RevokedTokensRepository,
    @Inject(CarriedTokensRepository) private readonly carriedTokens: CarriedTokensRepository,
    @Inject(SessionsRepository) private readonly sessions: SessionsRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super(QUEUES.maintenance, config, 1);
  }

  protected async handle(
    job: QueueJob<typeof QUEUES.maintenance>,
  ): Promise<Record<'idempotencyKeys' | 'outboxRows' | 'revokedTokens' | 'carriedTokens' | 'sessions', number>> {
    // The queue's only job, so the check is on its name.
    if (job.name !== 'housekeeping') return unknownJob(job.name);
    return {
      idempotencyKeys: await this.idempotencyKeys.purgeExpired(),
      outboxRows: await this.outbox.purgePublished(),
      revokedTokens: await this.revokedTokens.purgeExpired(),
      carriedTokens: await this.carriedTokens.purgeExpired(),
      sessions: await this.sessions.purgeFinished(),
    };
  }
}
