import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { createHttpApp } from '../../src/bootstrap.js';
import { loadConfig, type AppConfig } from '../../src/common/config/app-config.js';
import { openDataSource } from '../../src/common/database/database-setup.js';
import { databaseUrl, dropDatabase, TEMPLATE_DATABASE, TEST_DATABASE_PREFIX, withServer } from './databases.js';

export const ADMIN_EMAIL = 'admin@test.court';
export const ADMIN_PASSWORD = 'admin-password-123';
/** Fixed, so a test can recompute the chain's HMACs. */
export const TEST_AUDIT_HMAC_KEY = 'test-audit-hmac-key-that-is-long-enough-0123456789';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TestApp {
  app: NestFastifyApplication;
  /** The environment the app was configured from (for a worker process started by the test). */
  env: Record<string, string>;
  http: ReturnType<typeof request>;
  config: AppConfig;
  db: DataSource;
  databaseName: string;
  close(): Promise<void>;
}

const TEMPLATE_LOCK = 7_301_948_113;

/**
 * A fresh database for one test file, copied from a template that the first
 * file of the run migrates (the others wait on an advisory lock). Migrated
 * under a temporary name and renamed when done, so a failed migration never
 * leaves a half-built template behind.
 */
export async function createTestDatabase(): Promise<string> {
  const name = `${TEST_DATABASE_PREFIX}${randomBytes(6).toString('hex')}`;
  await withServer(async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [TEMPLATE_DATABASE]);
      if (rowCount === 0) {
        const building = `${TEMPLATE_DATABASE}_building`;
        await dropDatabase(client, building);
        await client.query(`CREATE DATABASE ${building}`);
        const config = loadConfig({
          NODE_ENV: 'test',
          DATABASE_URL: databaseUrl(building),
          JWT_SECRET: 'x'.repeat(40),
          AUDIT_HMAC_KEY: TEST_AUDIT_HMAC_KEY,
          DB_POOL_SIZE: '2',
        });
        const dataSource = await openDataSource(config, { migrate: true });
        await dataSource.destroy();
        await client.query(`ALTER DATABASE ${building} RENAME TO ${TEMPLATE_DATABASE}`);
      }
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${TEMPLATE_DATABASE}`);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
    }
  });
  return name;
}

export function testEnv(databaseName: string, overrides: Record<string, string> = {}): Record<string, string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cmfc-test-'));
  return {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl(databaseName),
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: `cmfc-test-${databaseName}`,
    DATA_DIR: dataDir,
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-0123456789',
    AUDIT_HMAC_KEY: TEST_AUDIT_HMAC_KEY,
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
    AUTH_THROTTLE_LIMIT: '100000',
    AUTH_ACCOUNT_THROTTLE_LIMIT: '100000',
    // Suites that sign in judges and admins would otherwise all need TOTP; the MFA suites turn it on.
    MFA_REQUIRED_ROLES: '',
    LOG_LEVEL: 'silent',
    DB_POOL_SIZE: '5',
    PORT: '0',
    ...overrides,
  };
}

/**
 * The whole service (API and workers) on its own database and queue prefix,
 * through real PostgreSQL and Redis, served to supertest over HTTP.
 */
export async function startTestApp(overrides: Record<string, string> = {}, role: 'all' | 'api' = 'all'): Promise<TestApp> {
  const databaseName = await createTestDatabase();
  const env = testEnv(databaseName, overrides);
  const config = loadConfig(env);
  const app = await createHttpApp(config, role);
  const db = app.get<DataSource>(getDataSourceToken());
  return {
    app,
    env,
    http: request(app.getHttpServer()),
    config,
    db,
    databaseName,
    async close() {
      await app.close();
      await cleanUp(config, databaseName);
    },
  };
}

export async function cleanUp(config: AppConfig, databaseName: string): Promise<void> {
  await withServer((client) => dropDatabase(client, databaseName));
  rmSync(config.dataDir, { recursive: true, force: true });
  const redis = new Redis(config.redisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
  });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${config.queuePrefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } catch {
    // Redis may be the thing a test stopped.
  } finally {
    redis.disconnect();
  }
}
