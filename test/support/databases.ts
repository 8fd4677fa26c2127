import pg from 'pg';

export const TEST_DATABASE_SERVER = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** This run's databases start with it (the global setup names the run; a time-stamped one when run without it). */
export const TEST_DATABASE_PREFIX = `cmfc_test_${process.env.CMFC_TEST_RUN ?? `${Math.floor(Date.now() / 1000).toString(36)}_0000`}_`;
// Starts with the prefix too, so the global teardown drops it with the rest.
export const TEMPLATE_DATABASE = `${TEST_DATABASE_PREFIX}template`;

export function databaseUrl(name: string): string {
  const url = new URL(TEST_DATABASE_SERVER);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withServer<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_SERVER });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(client: pg.Client, name: string): Promise<void> {
  await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
}
