import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config/app-config.js';
import { dataSourceOptions, openDataSource } from './database-setup.js';
import { IdempotencyKeysRepository } from '../idempotency/idempotency-keys.repository.js';
import { FastQuery } from './fast-query.js';

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          // Each feature module registers its own entities (TypeOrmModule.forFeature).
          useFactory: () => ({ ...dataSourceOptions(config), autoLoadEntities: true }),
          // Every entry point migrates (under an advisory lock), so any of them can start first.
          dataSourceFactory: (options) => openDataSource(config, { migrate: config.migrationsRun, entities: options?.entities }),
        }),
      ],
      // Global: the idempotency interceptors run in every feature module's context.
      providers: [FastQuery, IdempotencyKeysRepository],
      exports: [FastQuery, IdempotencyKeysRepository],
    };
  }
}
