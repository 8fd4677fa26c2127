import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import type { INestApplicationContext } from '@nestjs/common';
import { ConfigError, loadConfig, type ProcessRole } from './common/config/app-config.js';
import { bootLogger, createHttpApp, createOpenApiDocumentOffline, createWorkerApp } from './bootstrap.js';
import { DEMO_ENTITIES, seedDemo } from './demo/seed-demo.js';

/**
 * node dist/main.js           API and worker in one process (the default)
 * node dist/main.js api       HTTP only
 * node dist/main.js worker    background work only
 * node dist/main.js migrate   apply migrations and exit
 * node dist/main.js seed-demo apply migrations, load the demo data and exit
 * node dist/main.js openapi [file]  write the OpenAPI document (JSON) to the file or stdout; needs no database or Redis
 */
async function main(): Promise<void> {
  const command = process.argv[2] ?? 'all';
  if (command === 'openapi') {
    // No secret or data directory of this machine is needed (nor written) to describe the routes.
    const { tmpdir } = await import('node:os');
    const document = await createOpenApiDocumentOffline(
      loadConfig({
        JWT_SECRET: 'only-for-writing-the-openapi-document',
        AUDIT_HMAC_KEY: 'only-for-writing-the-openapi-document',
        DATA_DIR: tmpdir(),
      }),
    );
    const json = `${JSON.stringify(document, null, 2)}\n`;
    if (process.argv[3]) writeFileSync(process.argv[3], json);
    else process.stdout.write(json);
    return;
  }
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  switch (command) {
    case 'all':
    case 'api': {
      const app = await createHttpApp(config, command as Exclude<ProcessRole, 'worker'>);
      closeOnSignal(app);
      await app.listen({ port: config.port, host: '0.0.0.0' });
      bootLogger.log(`listening on :${config.port} (${command === 'all' ? 'API and worker' : 'API only'}); OpenAPI at /docs`);
      return;
    }
    case 'worker': {
      closeOnSignal(await createWorkerApp(config));
      bootLogger.log('worker running');
      return;
    }
    case 'migrate':
    case 'seed-demo': {
      if (command === 'seed-demo' && config.nodeEnv === 'production') {
        // The demo's users have published passwords (an ADMIN among them).
        process.stderr.write('seed-demo refuses NODE_ENV=production: it creates users with known passwords, an ADMIN among them.\n');
        process.exit(2);
      }
      const { openDataSource } = await import('./common/database/database-setup.js');
      const dataSource = await openDataSource(config, { migrate: true, entities: command === 'seed-demo' ? DEMO_ENTITIES : [] });
      if (command === 'seed-demo') await seedDemo(dataSource, config);
      await dataSource.destroy();
      return;
    }
    default:
      process.stderr.write(`Unknown command "${command}". Use: all | api | worker | migrate | seed-demo | openapi\n`);
      process.exit(2);
  }
}

/**
 * SIGTERM or SIGINT: stop taking requests and jobs, let those in flight finish
 * (Nest's shutdown hooks close the HTTP server, the BullMQ workers, the relay
 * and the pools), then exit 0; a shutdown that takes over 30 s exits 1.
 */
function closeOnSignal(app: INestApplicationContext): void {
  let closing = false;
  const close = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    bootLogger.log(`${signal}: finishing the work in flight`);
    setTimeout(() => process.exit(1), 30_000).unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`Shutdown failed: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', close);
  process.on('SIGINT', close);
}

main().catch((error: unknown) => {
  process.stderr.write(`Failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
