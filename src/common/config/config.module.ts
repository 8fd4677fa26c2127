import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig, ProcessRole } from './app-config.js';

export const APP_CONFIG = Symbol('APP_CONFIG');
export const PROCESS_ROLE = Symbol('PROCESS_ROLE');

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig, role: ProcessRole): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: PROCESS_ROLE, useValue: role },
      ],
      exports: [APP_CONFIG, PROCESS_ROLE],
    };
  }
}
