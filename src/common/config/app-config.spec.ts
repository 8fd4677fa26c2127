import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config.js';

const base = () => ({ DATA_DIR: mkdtempSync(join(tmpdir(), 'cfg-')) });

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

  it('needs ADMIN_EMAIL and ADMIN_PASSWORD together, with a 12-character password', () => {
    expect(() => loadConfig({ ...base(), ADMIN_EMAIL: 'a@b.c' })).toThrow(/ADMIN_PASSWORD/);
    expect(() => loadConfig({ ...base(), ADMIN_EMAIL: 'a@b.c', ADMIN_PASSWORD: 'short' })).toThrow(/ADMIN_PASSWORD/);
  });

  it('refuses a missing or placeholder JWT secret in production', () => {
    expect(() => loadConfig({ ...base(), NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ ...base(), NODE_ENV: 'production', JWT_SECRET: 'changeme' })).toThrow(/JWT_SECRET/);
    expect(loadConfig({ ...base(), NODE_ENV: 'production', JWT_SECRET: 'k'.repeat(40) }).jwtSecret).toBe('k'.repeat(40));
  });
});
