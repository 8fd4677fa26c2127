import { getDataSourceToken } from '@nestjs/typeorm';
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { CHAIN_HMAC, CHAIN_SHA256, chainHash, GENESIS_HASH } from '../src/audit/audit-chain.js';
import { createHttpApp } from '../src/bootstrap.js';
import { loadConfig } from '../src/common/config/app-config.js';
import { databaseUrl, withServer } from './support/databases.js';
import { cleanUp, createTestDatabase, testEnv, type TestApp } from './support/test-app.js';
import { seedWorld, type World } from './support/world.js';

/** The service on a fresh database, with any environment changes (another DATABASE_URL) and something done to the database first. */
async function startOn(databaseName: string, overrides: Record<string, string>): Promise<TestApp> {
  const env = testEnv(databaseName, overrides);
  const config = loadConfig(env);
  const app = await createHttpApp(config, 'api');
  return {
    app,
    env,
    http: request(app.getHttpServer()),
    config,
    db: app.get<DataSource>(getDataSourceToken()),
    databaseName,
    async close() {
      await app.close();
      await cleanUp(config, databaseName);
    },
  };
}

describe('the application role (DATABASE_URL) beside the owner (MIGRATIONS_DATABASE_URL)', () => {
  const role = `cmfc_app_${randomBytes(4).toString('hex')}`;
  let t: TestApp;
  let w: World;
  let asApp: pg.Client;

  beforeAll(async () => {
    const name = await createTestDatabase();
    await withServer(async (server) => {
      // What the init SQL of docker-compose does: a login role with nothing but CONNECT.
      await server.query(`CREATE ROLE ${role} LOGIN`);
      await server.query(`GRANT CONNECT ON DATABASE ${pg.escapeIdentifier(name)} TO ${role}`);
    });
    const appUrl = new URL(databaseUrl(name));
    appUrl.username = role;
    t = await startOn(name, { DATABASE_URL: appUrl.toString(), MIGRATIONS_DATABASE_URL: databaseUrl(name) });
    w = await seedWorld(t);
    asApp = new pg.Client({ connectionString: appUrl.toString() });
    await asApp.connect();
  });
  afterAll(async () => {
    await asApp?.end();
    await t?.close();
    await withServer((server) => server.query(`DROP ROLE IF EXISTS ${role}`));
  });

  it('serves reads and changes, each audited, as the application role', async () => {
    const [{ user }] = await t.db.query(`SELECT current_user AS user`);
    expect(user).toBe(role);
    await t.http.get(`/api/v1/children/${w.caseA.childId}`).set(w.clerkA.auth).expect(200);
    await t.http.patch(`/api/v1/children/${w.caseA.childId}`).set(w.clerkA.auth).send({ weightPounds: 91 }).expect(200);
    const verified = await t.http.get('/api/v1/audit-events/verify').set(w.admin.auth).expect(200);
    expect(verified.body).toMatchObject({ valid: true, nextFrom: null });
    expect(verified.body.checked).toBeGreaterThan(2);
  });

  it('cannot UPDATE, DELETE or TRUNCATE audit events, nor switch off the append-only trigger', async () => {
    const refused = async (sql: string) => {
      await expect(asApp.query(sql)).rejects.toMatchObject({ code: '42501' });
    };
    await refused(`UPDATE audit_events SET outcome = 'x' WHERE seq = 1`);
    await refused(`DELETE FROM audit_events WHERE seq = 1`);
    await refused(`TRUNCATE audit_events`);
    await refused(`ALTER TABLE audit_events DISABLE TRIGGER tr_audit_events_append_only`);
    await refused(`DROP TABLE audit_events`);
    await refused(`DELETE FROM schema_migrations`);
    // It still reads and appends (the service does both), and changes the other tables.
    const { rows } = await asApp.query(`SELECT count(*)::int AS n FROM audit_events`);
    expect(rows[0].n).toBeGreaterThan(0);
    const changed = await asApp.query(`UPDATE courts SET county = county WHERE id = $1`, [w.courtA]);
    expect(changed.rowCount).toBe(1);
  });
});

describe('a log written before the HMAC (SHA-256 rows)', () => {
  let t: TestApp;
  let w: World;
  const legacyIds = [randomUUID(), randomUUID(), randomUUID()];

  beforeAll(async () => {
    const name = await createTestDatabase();
    // Three events as the service wrote them before AUDIT_HMAC_KEY: version 1, plain SHA-256.
    const client = new pg.Client({ connectionString: databaseUrl(name) });
    await client.connect();
    try {
      let prev = GENESIS_HASH;
      for (const [i, id] of legacyIds.entries()) {
        const fields = {
          seq: String(i + 1),
          id,
          at: new Date(Date.UTC(2026, 0, 1, 12, i)),
          actorId: null,
          actorRole: null,
          action: 'login_failed',
          outcome: 'denied',
          entityType: null,
          entityId: null,
          courtId: null,
          requestId: `legacy-${i}`,
          details: { reason: 'unknown_email' },
        };
        const hash = chainHash(prev, fields);
        await client.query(
          `INSERT INTO audit_events (seq, id, at, action, outcome, request_id, details, prev_hash, hash, chain_version)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
          [fields.seq, id, fields.at, fields.action, fields.outcome, fields.requestId, fields.details, prev, hash, CHAIN_SHA256],
        );
        prev = hash;
      }
      await client.query(`UPDATE audit_head SET seq = $1, hash = $2`, [legacyIds.length, prev]);
    } finally {
      await client.end();
    }
    t = await startOn(name, {});
    w = await seedWorld(t);
  });
  afterAll(() => t?.close());

  it('is sealed with a keyed event at start, and verifies (old rows by SHA-256, new ones by HMAC)', async () => {
    const [seal] = await t.db.query(`SELECT seq::int AS seq, action, chain_version, details FROM audit_events WHERE seq = 4`);
    expect(seal).toEqual({ seq: 4, action: 'chain_sealed', chain_version: CHAIN_HMAC, details: { sha256Events: 3 } });
    await t.http.get(`/api/v1/children/${w.caseA.childId}`).set(w.clerkA.auth).expect(200);
    const res = await t.http.get('/api/v1/audit-events/verify').set(w.admin.auth).expect(200);
    expect(res.body).toMatchObject({ valid: true, nextFrom: null });
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE chain_version = ${CHAIN_SHA256}`);
    expect(n).toBe(3);
  });

  it('still finds an old row changed after the seal', async () => {
    await t.db.query(`ALTER TABLE audit_events DISABLE TRIGGER tr_audit_events_append_only`);
    await t.db.query(`UPDATE audit_events SET outcome = 'success' WHERE id = $1`, [legacyIds[1]]);
    await t.db.query(`ALTER TABLE audit_events ENABLE TRIGGER tr_audit_events_append_only`);
    const res = await t.http.get('/api/v1/audit-events/verify').set(w.admin.auth).expect(200);
    expect(res.body).toMatchObject({ valid: false, firstBrokenId: legacyIds[1], checked: 1 });
  });
});
