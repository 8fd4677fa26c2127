// Drops this run's test databases (files drop their own; this catches a file that crashed) and
// its migrated template; other runs' databases are left alone. Plain JavaScript: Jest loads this
// file outside its module system.
import pg from 'pg';

const server = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export default async function globalTeardown() {
  const run = process.env.CMFC_TEST_RUN;
  if (!run) return;
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    const prefix = `cmfc_test_${run}_`.replace(/_/g, '\\_');
    const { rows } = await client.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${prefix}%`]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(datname)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
