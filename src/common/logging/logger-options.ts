import type { LoggerService } from '@nestjs/common';
import { createRequire } from 'node:module';
import type { Params } from 'nestjs-pino';
import { pino, type DestinationStream, type Logger } from 'pino';
import type { AppConfig } from '../config/app-config.js';
import { safeError } from './safe-error.js';

/**
 * The one pino logger of a process: structured JSON with the request id.
 * Request bodies, query strings and credentials are never logged (they can
 * hold children's names, birth dates and descriptions), errors go through
 * safeError, and common child fields are redacted should one slip in.
 */
export function createRootLogger(config: AppConfig): Logger {
  const options = {
    level: config.logLevel,
    serializers: { err: safeError },
    redact: { paths: ['*.password', '*.firstName', '*.lastName', '*.dateOfBirth', '*.headers'], remove: true },
  };
  const pretty = wantsPretty(config) ? prettyStream() : null;
  return pretty ? pino(options, pretty) : pino(options);
}

function wantsPretty(config: AppConfig): boolean {
  if (config.logPretty !== 'auto') return config.logPretty;
  return config.nodeEnv !== 'production' && process.stdout.isTTY === true;
}

/**
 * pino-pretty as a stream in this thread (no transport worker): one readable
 * line per entry. A development dependency: where it is not installed (the
 * production image) the logs stay JSON.
 */
function prettyStream(): DestinationStream | null {
  try {
    const build = createRequire(import.meta.url)('pino-pretty') as (options: object) => DestinationStream;
    return build({
      colorize: true,
      sync: true,
      translateTime: 'SYS:HH:MM:ss.l',
      ignore: 'pid,hostname,context',
      messageFormat: '{if context}[{context}] {end}{msg}',
    });
  } catch {
    return null;
  }
}

/** Nest's start-up chatter (every module initialised, every route mapped): debug, not info. */
const STARTUP_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory']);

/**
 * The Nest logger with Nest's own start-up lines moved to debug, so a start
 * at info level shows what matters (listening, migrations, warnings) and
 * LOG_LEVEL=debug still shows the routes.
 */
export function quietStartup(logger: LoggerService): LoggerService {
  return {
    log: (message: unknown, ...rest: unknown[]) => {
      const context = rest[rest.length - 1];
      if (typeof context === 'string' && STARTUP_CONTEXTS.has(context)) logger.debug?.(message, ...rest);
      else logger.log(message, ...rest);
    },
    error: (message: unknown, ...rest: unknown[]) => logger.error(message, ...rest),
    warn: (message: unknown, ...rest: unknown[]) => logger.warn(message, ...rest),
    debug: (message: unknown, ...rest: unknown[]) => logger.debug?.(message, ...rest),
    verbose: (message: unknown, ...rest: unknown[]) => logger.verbose?.(message, ...rest),
    fatal: (message: unknown, ...rest: unknown[]) => logger.fatal?.(message, ...rest),
  };
}

/**
 * nestjs-pino on top of that logger. Where Fastify serves HTTP it already owns
 * the logger and a per-request child of it (`useExisting`), so no Express-style
 * middleware runs per request; requests are logged by one onResponse hook
 * (see logRequests).
 */
export function loggerOptions(root: Logger, http: boolean): Params {
  return http ? { pinoHttp: { logger: root }, useExisting: true } : { pinoHttp: { logger: root } };
}
