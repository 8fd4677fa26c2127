import type { Params } from 'nestjs-pino';
import { pino, type Logger } from 'pino';
import type { AppConfig } from '../config/app-config.js';
import { safeError } from './safe-error.js';

/**
 * The one pino logger of a process: structured JSON with the request id.
 * Request bodies, query strings and credentials are never logged (they can
 * hold children's names, birth dates and descriptions), errors go through
 * safeError, and common child fields are redacted should one slip in.
 */
export function createRootLogger(config: AppConfig): Logger {
  return pino({
    level: config.logLevel,
    serializers: { err: safeError },
    redact: { paths: ['*.password', '*.firstName', '*.lastName', '*.dateOfBirth', '*.headers'], remove: true },
  });
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
