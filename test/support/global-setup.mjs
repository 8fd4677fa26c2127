// Gives this test run its own database names (`cmfc_test_<run>_…`), so two runs on one PostgreSQL
// (two checkouts, CI beside a developer) never drop each other's databases, and drops what runs
// older than a day left behind (a run killed before its teardown). The run id reaches the test
// workers through the environment, which they inherit. Plain JavaScript: Jest loads this file
// outside its module system.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const server = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const STALE_SECONDS = 24 * 3600;

export default async function globalSetup() {
  const startedAt = Math.floor(Date.now() / 1000);
  process.env.CMFC_TEST_RUN ??= `${startedAt.toString(36)}_${randomBytes(2).toString('hex')}`;
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT datname FROM pg_database WHERE datname LIKE 'cmfc\\_test\\_%'`);
    for (const { datname } of rows) {
      const run = /^cmfc_test_([0-9a-z]+)_[0-9a-f]{4}_/.exec(datname);
      const runStartedAt = run ? parseInt(run[1], 36) : 0;
      if (startedAt - runStartedAt > STALE_SECONDS) {
        await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(datname)} WITH (FORCE)`);
      }
    }
  } finally {
    await client.end();
  }
}
