import type { Params } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config.js';
import { safeError } from './safe-error.js';

/**
 * Structured JSON logs with the request id. Request bodies, query strings and
 * credentials are never logged: they can hold children's names, birth dates
 * and descriptions. Only the method, the route pattern, the status and timing
 * of a request are.
 */
export function loggerOptions(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      genReqId: (request) => (request as { id?: string }).id ?? '-',
      customProps: (request) => ({ requestId: (request as { id?: string }).id }),
      serializers: {
        req: (req: { id?: string; method?: string; url?: string; routeOptions?: { url?: string } }) => ({
          id: req.id,
          method: req.method,
          route: req.routeOptions?.url,
          path: typeof req.url === 'string' ? req.url.split('?')[0] : undefined,
        }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
        err: safeError,
      },
      redact: { paths: ['req.headers', 'res.headers', '*.password', '*.firstName', '*.lastName', '*.dateOfBirth'], remove: true },
      autoLogging: { ignore: (request) => (request.url ?? '').startsWith('/health') },
      quietReqLogger: true,
    },
    forRoutes: ['*path'],
  };
}
