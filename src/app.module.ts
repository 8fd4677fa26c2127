import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { CalendarModule } from './calendar/calendar.module.js';
import { CasesModule } from './cases/cases.module.js';
import type { AppConfig, ProcessRole } from './common/config/app-config.js';
import { ConfigModule } from './common/config/config.module.js';
import { DatabaseModule } from './common/database/database.module.js';
import { ProblemFilter } from './common/errors/problem.filter.js';
import { IdempotencyInterceptor } from './common/idempotency/idempotency.interceptor.js';
import { loggerOptions } from './common/logging/logger-options.js';
import { RedisModule } from './common/redis/redis.module.js';
import { ComplianceModule } from './compliance/compliance.module.js';
import { DirectoryModule } from './directory/directory.module.js';
import { EpisodesModule } from './episodes/episodes.module.js';
import { HealthModule } from './health/health.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { HearingsModule } from './hearings/hearings.module.js';
import { OrdersModule } from './orders/orders.module.js';
import { OutboxModule } from './outbox/outbox.module.js';
import { StorageModule } from './storage/storage.module.js';
import { WorkerModule } from './worker/worker.module.js';

@Module({})
export class AppModule {
  /** `api` serves HTTP only, `worker` runs background work only, `all` does both (the default). */
  static register(config: AppConfig, role: ProcessRole, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config, role),
        LoggerModule.forRoot(loggerOptions(logger, role !== 'worker')),
        DatabaseModule.forRoot(config),
        RedisModule,
        OutboxModule.forRoot(config),
        StorageModule.forRoot(config),
        AuditModule,
        AuthModule,
        DirectoryModule,
        CasesModule,
        OrdersModule,
        HearingsModule,
        EpisodesModule,
        ComplianceModule,
        NotificationsModule,
        CalendarModule,
        HealthModule,
        ...(role === 'api' ? [] : [WorkerModule]),
      ],
      providers: [
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
    };
  }
}
