import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config/app-config.js';
import { dataSourceOptions, openDataSource } from './database-setup.js';
import { FastQuery } from './fast-query.js';

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSourceOptions(config),
          // Every entry point migrates (under an advisory lock), so any of them can start first.
          dataSourceFactory: () => openDataSource(config, { migrate: config.migrationsRun }),
        }),
      ],
      providers: [FastQuery],
      exports: [FastQuery],
    };
  }
}
