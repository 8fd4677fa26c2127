import { BullModule } from '@nestjs/bullmq';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '../common/config/app-config.js';
import { OutboxRow } from './outbox-row.entity.js';
import { OutboxRepository } from './outbox.repository.js';
import { OutboxService } from './outbox.service.js';
import { QueueErrorListener } from './queue-error-listener.js';
import { ALL_QUEUES, DEFAULT_JOB_OPTIONS } from './queues.js';
import { reconnectSoon, redisOptions } from './redis-connection.js';

/**
 * The outbox and the BullMQ queues it feeds. Workers keep retrying Redis
 * forever (BullMQ requires it); the relay publishes through its own fail-fast
 * connection, since the outbox row, not Redis, is what keeps the work.
 */
@Global()
@Module({})
export class OutboxModule {
  static forRoot(config: AppConfig): DynamicModule {
    const connection = {
      ...redisOptions(config.redisUrl),
      maxRetriesPerRequest: null,
      retryStrategy: reconnectSoon,
    };
    return {
      module: OutboxModule,
      imports: [
        TypeOrmModule.forFeature([OutboxRow]),
        BullModule.forRoot({
          connection,
          prefix: config.queuePrefix,
          defaultJobOptions: DEFAULT_JOB_OPTIONS,
        }),
        BullModule.registerQueue(...ALL_QUEUES.map((name) => ({ name }))),
      ],
      providers: [OutboxRepository, OutboxService, QueueErrorListener],
      exports: [OutboxService, OutboxRepository, BullModule],
    };
  }
}
