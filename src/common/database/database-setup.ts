import pg from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { migrations } from '../../../migrations/index.js';
import type { AppConfig } from '../config/app-config.js';

/** `entities`: registered by the feature modules (TypeOrmModule.forFeature); none for migrations alone. */
export function dataSourceOptions(config: AppConfig, entities: DataSourceOptions['entities'] = []): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.databaseUrl,
    entities,
    migrations,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: { max: config.dbPoolSize, application_name: 'cmfc-court' },
  };
}

/** Creates the database named in DATABASE_URL when it does not exist yet (API.md: "created if missing"). */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const target = new URL(databaseUrl);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!name) return;
  const maintenance = new URL(databaseUrl);
  maintenance.pathname = '/postgres';
  const client = new pg.Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) {
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`).catch((error: { code?: string }) => {
        // 42P04: another replica created it a moment ago.
        if (error.code !== '42P04' && error.code !== '23505') throw error;
      });
    }
  } finally {
    await client.end();
  }
}

// Raw query results: calendar dates stay 'YYYY-MM-DD' strings (a JS Date would shift them by the
// server's time zone), and counts and numerics arrive as numbers.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

const MIGRATION_LOCK = 7_301_948_112;

/** Applies pending migrations under an advisory lock, so replicas starting together take turns. */
export async function runMigrations(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}

/**
 * The application's DataSource. Migrations run as the owner
 * (MIGRATIONS_DATABASE_URL) when that is another role than DATABASE_URL's,
 * which is then granted what the application needs and no more; with
 * DATABASE_URL alone (development, tests) one role does both.
 */
export async function openDataSource(
  config: AppConfig,
  options: { migrate: boolean; entities?: DataSourceOptions['entities'] },
): Promise<DataSource> {
  await ensureDatabase(config.migrationsDatabaseUrl);
  const separateOwner = config.migrationsDatabaseUrl !== config.databaseUrl;
  if (options.migrate && separateOwner) {
    const owner = new DataSource(dataSourceOptions({ ...config, databaseUrl: config.migrationsDatabaseUrl, dbPoolSize: 2 }));
    await owner.initialize();
    try {
      await runMigrations(owner);
      await grantApplicationRole(owner, config.databaseUrl);
    } finally {
      await owner.destroy();
    }
  }
  const dataSource = new DataSource(dataSourceOptions(config, options.entities));
  await dataSource.initialize();
  if (options.migrate && !separateOwner) await runMigrations(dataSource);
  return dataSource;
}

/**
 * The application role reads and writes the service's tables, but may only
 * append to and read the audit log (never UPDATE, DELETE or TRUNCATE it) and
 * only read the migration history. Run as the owner after every migration, so
 * tables added later are covered. Nothing to do when both URLs name one role.
 */
export async function grantApplicationRole(owner: DataSource, databaseUrl: string): Promise<void> {
  const role = decodeURIComponent(new URL(databaseUrl).username);
  const [{ current_user: ownerRole }] = (await owner.query('SELECT current_user')) as Array<{ current_user: string }>;
  if (!role || role === ownerRole) return;
  const app = pg.escapeIdentifier(role);
  await owner.transaction(async (m) => {
    await m.query(`GRANT USAGE ON SCHEMA public TO ${app}`);
    await m.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`);
    await m.query(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${app}`);
    await m.query(`REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_events FROM ${app}`);
    await m.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON schema_migrations FROM ${app}`);
  });
}
