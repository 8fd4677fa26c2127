import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config.js';

const base = () => ({ DATA_DIR: mkdtempSync(join(tmpdir(), 'cfg-')) });
// As generated secrets look (random, many distinct characters).
const JWT = 'Jq8vX2mR7tLp4Wz9Kd3Ns6Bh1Yf5Gc0Ua';
const AUDIT_KEY = 'Au7dH3kM9pQ2wE6rT1yZ5xC8vB4nL0sF';
const WEBHOOK_SECRET = 'Wh5sK8dJ2fL9gP3qR7tY1uI6oA4zX0cV';

describe('loadConfig', () => {
  it('fills the documented defaults', () => {
    const config = loadConfig(base());
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/cmfc');
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(config.deadlineSweepSeconds).toBe(60);
    expect(config.migrationsRun).toBe(true);
    expect(config.docketWebhookUrl).toBeNull();
    expect(config.storageDir).toBe(join(config.dataDir, 'files'));
  });

  it('generates a JWT secret once and keeps it in the data directory', () => {
    const env = base();
    const first = loadConfig(env).jwtSecret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig(env).jwtSecret).toBe(first);
    expect(readFileSync(join(env.DATA_DIR, 'jwt-secret'), 'utf8')).toBe(first);
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x@y/z'],
    ['REDIS_URL', 'not a url'],
    ['DEADLINE_SWEEP_SECONDS', '0'],
    ['MIGRATIONS_RUN', 'maybe'],
    ['DOCKET_WEBHOOK_URL', 'ftp://cms.example'],
    ['LOG_LEVEL', 'loud'],
  ])('names %s when its value "%s" is bad', (variable, value) => {
    expect(() => loadConfig({ ...base(), [variable]: value })).toThrow(new RegExp(`^${variable}:`));
    expect(() => loadConfig({ ...base(), [variable]: value })).toThrow(ConfigError);
  });

  it('needs a webhook secret with a webhook URL', () => {
    expect(() => loadConfig({ ...base(), DOCKET_WEBHOOK_URL: 'https://cms.example/hook' })).toThrow(/DOCKET_WEBHOOK_SECRET/);
  });

  it('takes an http docket webhook only outside production, and a whsec_ secret only when it is real base64', () => {
    const production = {
      ...base(),
      NODE_ENV: 'production',
      JWT_SECRET: JWT,
      AUDIT_HMAC_KEY: AUDIT_KEY,
      DOCKET_WEBHOOK_SECRET: WEBHOOK_SECRET,
    };
    expect(() => loadConfig({ ...production, DOCKET_WEBHOOK_URL: 'http://cms.example/hook' })).toThrow(
      /^DOCKET_WEBHOOK_URL: must use https:/,
    );
    expect(loadConfig({ ...production, DOCKET_WEBHOOK_URL: 'https://cms.example/hook' }).docketWebhookUrl).toBe('https://cms.example/hook');
    const development = { ...base(), DOCKET_WEBHOOK_URL: 'http://127.0.0.1:9/hook' };
    expect(loadConfig({ ...development, DOCKET_WEBHOOK_SECRET: WEBHOOK_SECRET }).docketWebhookUrl).toBe('http://127.0.0.1:9/hook');
    const whsec = `whsec_${Buffer.alloc(24, 7).toString('base64')}`;
    expect(loadConfig({ ...development, DOCKET_WEBHOOK_SECRET: whsec }).docketWebhookSecret).toBe(whsec);
    expect(() => loadConfig({ ...development, DOCKET_WEBHOOK_SECRET: 'whsec_not*base64*at*all!' })).toThrow(/^DOCKET_WEBHOOK_SECRET:/);
  });

  it('reads the mail settings: SMTP_URL smtp: or smtps:, MAIL_FROM an address with or without a name', () => {
    expect(loadConfig(base())).toMatchObject({
      smtpUrl: null,
      mailFrom: 'cmfc-court <no-reply@localhost>',
      mailAttempts: 8,
      mailBackoffMs: 28_000,
    });
    expect(loadConfig({ ...base(), SMTP_URL: 'smtps://u:p@mail.example:465', MAIL_FROM: 'Clerk <clerk@court.example>' })).toMatchObject({
      smtpUrl: 'smtps://u:p@mail.example:465',
      mailFrom: 'Clerk <clerk@court.example>',
    });
    expect(() => loadConfig({ ...base(), SMTP_URL: 'http://mail.example' })).toThrow(/^SMTP_URL:/);
    expect(() => loadConfig({ ...base(), MAIL_FROM: 'clerk at court' })).toThrow(/^MAIL_FROM:/);
    expect(() => loadConfig({ ...base(), MAIL_ATTEMPTS: '0' })).toThrow(/^MAIL_ATTEMPTS:/);
  });

  it('needs ADMIN_EMAIL and ADMIN_PASSWORD together, with a 12-character password', () => {
    expect(() => loadConfig({ ...base(), ADMIN_EMAIL: 'a@b.c' })).toThrow(/ADMIN_PASSWORD/);
    expect(() => loadConfig({ ...base(), ADMIN_EMAIL: 'a@b.c', ADMIN_PASSWORD: 'short' })).toThrow(/ADMIN_PASSWORD/);
  });

  it('refuses a missing or placeholder JWT secret in production', () => {
    const production = { ...base(), NODE_ENV: 'production', AUDIT_HMAC_KEY: AUDIT_KEY };
    expect(() => loadConfig(production)).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ ...production, JWT_SECRET: 'changeme' })).toThrow(/JWT_SECRET/);
    expect(loadConfig({ ...production, JWT_SECRET: JWT }).jwtSecret).toBe(JWT);
  });

  it('needs AUDIT_HMAC_KEY in production, and generates one into the data directory elsewhere', () => {
    const production = { ...base(), NODE_ENV: 'production', JWT_SECRET: JWT };
    expect(() => loadConfig(production)).toThrow(/^AUDIT_HMAC_KEY: is required in production/);
    expect(() => loadConfig({ ...production, AUDIT_HMAC_KEY: 'short' })).toThrow(/^AUDIT_HMAC_KEY:/);
    expect(loadConfig({ ...production, AUDIT_HMAC_KEY: AUDIT_KEY }).auditHmacKey).toBe(AUDIT_KEY);
    const env = base();
    const generated = loadConfig(env).auditHmacKey;
    expect(generated.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(join(env.DATA_DIR, 'audit-hmac-key'), 'utf8')).toBe(generated);
    expect(loadConfig(env).auditHmacKey).toBe(generated);
    expect(generated).not.toBe(loadConfig(env).jwtSecret);
  });

  it('migrates as MIGRATIONS_DATABASE_URL when given, else as DATABASE_URL', () => {
    const app = 'postgres://cmfc_app@db.example:5432/cmfc';
    expect(loadConfig({ ...base(), DATABASE_URL: app }).migrationsDatabaseUrl).toBe(app);
    const owner = 'postgres://cmfc@db.example:5432/cmfc';
    expect(loadConfig({ ...base(), DATABASE_URL: app, MIGRATIONS_DATABASE_URL: owner })).toMatchObject({
      databaseUrl: app,
      migrationsDatabaseUrl: owner,
    });
    expect(() => loadConfig({ ...base(), MIGRATIONS_DATABASE_URL: 'mysql://x@y/z' })).toThrow(/^MIGRATIONS_DATABASE_URL:/);
  });

  it.each([
    ['JWT_SECRET', 'x'.repeat(40)],
    ['JWT_SECRET', 'short-but-random-9f3k'],
    ['JWT_SECRET', 'changeme-changeme-changeme-changeme'],
    ['AUDIT_HMAC_KEY', 'replace-me-with-a-random-value-of-32-chars'],
    ['DOCKET_WEBHOOK_SECRET', 's'.repeat(32)],
  ])('refuses a short or placeholder %s outside the tests ("%s")', (variable, value) => {
    const env: Record<string, string> = {
      ...base(),
      [variable]: value,
      ...(variable === 'DOCKET_WEBHOOK_SECRET' ? { DOCKET_WEBHOOK_URL: 'https://cms.example/hook' } : {}),
    };
    expect(() => loadConfig(env)).toThrow(new RegExp(`^${variable}:`));
    expect(() =>
      loadConfig({ ...env, NODE_ENV: 'production', JWT_SECRET: env.JWT_SECRET ?? JWT, AUDIT_HMAC_KEY: env.AUDIT_HMAC_KEY ?? AUDIT_KEY }),
    ).toThrow(new RegExp(`^${variable}:`));
    expect(loadConfig({ ...env, NODE_ENV: 'test' })).toBeDefined();
  });
});
