import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { INestApplicationContext } from '@nestjs/common';
import { LogController } from 'fastify';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import type { AppConfig, ProcessRole } from './common/config/app-config.js';
import { answerClientError, answerExpectationFailed, answerFrameworkError, MAX_URL_LENGTH } from './common/http/framework-errors.js';
import { assignRequestId } from './common/http/request-id.js';
import { checkRequestInput } from './common/http/request-input.js';
import { createValidationPipe } from './common/validation/validation-pipe.js';
import { createRootLogger, quietStartup } from './common/logging/logger-options.js';
import { createOpenApiDocument } from './common/openapi/openapi-document.js';
import { RateLimited, UriTooLong } from './common/errors/domain-error.js';
import { RedisClient } from './common/redis/redis.module.js';
import { UsersService } from './directory/users.service.js';
import { mountQueueDashboard } from './outbox/queue-dashboard.js';
import { mountWebApp } from './web/web-app.js';
import { contentSecurityPolicyFor } from './web/content-security-policy.js';
import { fastifyTrustProxy } from './auth/trust-proxy.js';
import { indexRouteMethods } from './common/http/route-methods.js';

export const API_PREFIX = 'api/v1';
export const JSON_BODY_LIMIT = 1024 * 1024;

/** The HTTP application (with workers too unless `role` is `api`), configured and initialised but not listening. */
export async function createHttpApp(config: AppConfig, role: Exclude<ProcessRole, 'worker'>): Promise<NestFastifyApplication> {
  const logger = createRootLogger(config);
  const adapter = new FastifyAdapter({
    bodyLimit: JSON_BODY_LIMIT,
    genReqId: assignRequestId,
    // A hop count becomes a trust function (see fastifyTrustProxy): Fastify 5 ignores a bare number.
    trustProxy: fastifyTrustProxy(config.trustProxy),
    return503OnClosing: true,
    loggerInstance: logger,
    // One line per request from our own hook (below) instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    // What Fastify and Node refuse before a route runs is problem+json too.
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
  });
  indexRouteMethods(adapter.getInstance());
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(config, role, logger), adapter, {
    bufferLogs: true,
    rawBody: true,
  });
  app.useLogger(quietStartup(app.get(Logger)));
  app.flushLogs();
  setRoutePrefix(app);
  app.useGlobalPipes(createValidationPipe());
  checkRequestInput(app, JSON_BODY_LIMIT);

  const fastify = app.getHttpAdapter().getInstance();
  fastify.server.on('checkExpectation', answerExpectationFailed);
  // Parses the session and CSRF cookies (unsigned: the session id is random and looked up by hash).
  await app.register(cookie);
  // A Content-Security-Policy per route instead of helmet's one for all (src/web/content-security-policy.ts).
  await app.register(helmet, { contentSecurityPolicy: false });
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header('content-security-policy', contentSecurityPolicyFor(request.url.split('?')[0]));
  });
  // Only routes that ask for it (`@RouteConfig({ rateLimit: ... })`: public order verification) are limited;
  // sign-in counts its attempts per address and per account itself (LoginThrottle), across all its routes.
  // Counted in Redis so every replica sees the same count; if Redis is away the
  // call goes through and the per-account lockout in PostgreSQL still holds.
  await app.register(rateLimit, {
    global: false,
    max: config.authThrottleLimit,
    timeWindow: config.authThrottleTtlSeconds * 1000,
    redis: app.get(RedisClient).redis,
    nameSpace: `${config.queuePrefix}:login-rate:`,
    skipOnError: true,
    errorResponseBuilder: (_request, context) =>
      new RateLimited('TooManyRequests', `Too many requests from this address; retry in ${context.after}.`, Math.ceil(context.ttl / 1000)),
  });
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
    if (request.url.length > MAX_URL_LENGTH) throw new UriTooLong();
  });
  // On SIGTERM the requests in flight finish, and their answers close the connection: a client's
  // keep-alive socket would otherwise hold the server open until keepAliveTimeout (72 s).
  let closing = false;
  fastify.addHook('preClose', async () => {
    closing = true;
  });
  fastify.addHook('onSend', async (_request, reply) => {
    if (closing) void reply.header('connection', 'close');
  });
  // Method, route pattern, status and time: never the body or the query string.
  fastify.addHook('onResponse', async (request, reply) => {
    if (request.url.startsWith('/health')) return;
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions?.url,
        path: request.url.split('?')[0],
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request completed',
    );
  });
  await mountQueueDashboard(app);
  await mountWebApp(app);

  SwaggerModule.setup('docs', app, createOpenApiDocument(app), { jsonDocumentUrl: 'docs-json' });

  await app.init();
  await fastify.ready();
  if (config.adminEmail && config.adminPassword) {
    await app.get(UsersService).bootstrapAdmin(config.adminEmail, config.adminPassword);
  }
  return app;
}

function setRoutePrefix(app: NestFastifyApplication): void {
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health', 'health/ready', 'calendar/:token.ics'] });
}

/**
 * The OpenAPI document without a database or Redis: Nest's preview mode builds the module graph
 * (controllers, routes, decorators) without creating any provider, so nothing connects.
 */
export async function createOpenApiDocumentOffline(config: AppConfig): Promise<OpenAPIObject> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register(config, 'api', createRootLogger(config)),
    new FastifyAdapter(),
    {
      preview: true,
      logger: false,
      abortOnError: false,
    },
  );
  try {
    setRoutePrefix(app);
    return createOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

/** The background worker alone: no HTTP server. */
export async function createWorkerApp(config: AppConfig): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(AppModule.register(config, 'worker', createRootLogger(config)), {
    bufferLogs: true,
  });
  app.useLogger(quietStartup(app.get(Logger)));
  app.flushLogs();
  await app.init();
  return app;
}

export const bootLogger = new NestLogger('Bootstrap');
