import type { LoggerService } from '@nestjs/common';
import { quietStartup } from './logger-options.js';

describe('quietStartup', () => {
  const calls: Array<[string, unknown[]]> = [];
  const record =
    (level: string) =>
    (...args: unknown[]) =>
      void calls.push([level, args]);
  const inner: LoggerService = { log: record('log'), error: record('error'), warn: record('warn'), debug: record('debug') };

  beforeEach(() => calls.splice(0));

  it("moves Nest's start-up lines (modules, routes) to debug", () => {
    const logger = quietStartup(inner);
    logger.log('Mapped {/api/v1/cases, GET} route', 'RouterExplorer');
    logger.log('AppModule dependencies initialized', 'InstanceLoader');
    expect(calls).toEqual([
      ['debug', ['Mapped {/api/v1/cases, GET} route', 'RouterExplorer']],
      ['debug', ['AppModule dependencies initialized', 'InstanceLoader']],
    ]);
  });

  it('keeps everything else where it was', () => {
    const logger = quietStartup(inner);
    logger.log('Nest application successfully started', 'NestApplication');
    logger.warn('slow', 'Bootstrap');
    logger.error('failed', 'Errors');
    expect(calls.map(([level]) => level)).toEqual(['log', 'warn', 'error']);
  });
});
