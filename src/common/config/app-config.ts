import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { BlockList, isIP } from 'node:net';
import { dirname, resolve } from 'node:path';
import { ROLES, type Role } from '../principal.js';

/** What a process runs: HTTP, background workers, or both (the default). */
export type ProcessRole = 'all' | 'api' | 'worker';

export const STORAGE_DRIVERS = ['local', 'postgres', 's3'] as const;
export type StorageDriver = (typeof STORAGE_DRIVERS)[number];

/** An S3 bucket, or an S3-compatible server's (S3_ENDPOINT, addressed path-style). */
export interface S3Config {
  bucket: string;
  endpoint: string | null;
  region: string;
  /** Both or neither: without them the AWS SDK's default credential chain applies. */
  accessKeyId: string | null;
  secretAccessKey: string | null;
}

/** The validated, typed configuration. Nothing else in the service reads `process.env`. */
export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  /** The application's connection: a role that may only INSERT and SELECT audit events. */
  databaseUrl: string;
  /** The owner's connection, for migrations (MIGRATIONS_DATABASE_URL; DATABASE_URL when unset). */
  migrationsDatabaseUrl: string;
  redisUrl: string;
  jwtSecret: string;
  /** Keys the audit chain's HMAC-SHA-256; kept outside the database. */
  auditHmacKey: string;
  jwtTtlSeconds: number;
  adminEmail: string | null;
  adminPassword: string | null;
  dataDir: string;
  storageDir: string;
  /** Where uploaded files live: one host's directory, the database, or an S3 bucket. */
  storageDriver: StorageDriver;
  /** STORAGE_DRIVER=s3 only. */
  s3: S3Config | null;
  docketWebhookUrl: string | null;
  docketWebhookSecret: string | null;
  docketWebhookAttempts: number;
  docketWebhookBackoffMs: number;
  deadlineSweepSeconds: number;
  migrationsRun: boolean;
  queuePrefix: string;
  logLevel: string;
  /** Readable log lines (pino-pretty) instead of JSON: `auto` (the default) when stdout is a terminal outside production. */
  logPretty: boolean | 'auto';
  authThrottleLimit: number;
  authThrottleTtlSeconds: number;
  dbPoolSize: number;
  publicBaseUrl: string;
  /** Fastify's `trustProxy`: false, a hop count, or the addresses/CIDRs of the trusted proxies. Never `true`. */
  trustProxy: false | number | string[];
  jobLockMs: number;
  /** Outgoing mail; null writes each message as an .eml file under DATA_DIR/mail instead. */
  smtpUrl: string | null;
  mailFrom: string;
  mailAttempts: number;
  mailBackoffMs: number;
  /** Roles that must use a second factor (TOTP, or the identity provider's MFA). */
  mfaRequiredRoles: Role[];
  /** How long a replica may keep a user's token version, revoked token ids and a session row. */
  authStateCacheMs: number;
  /** Sign-in attempts allowed per account (email) per AUTH_THROTTLE_TTL_SECONDS, across all addresses. */
  authAccountThrottleLimit: number;
  /** Multipart requests read or handled at once in this process; more get a 503 with Retry-After. */
  uploadConcurrency: number;
  /** Session cookies get `Secure` (production, whatever a proxy forwards). */
  secureCookies: boolean;
  oidc: OidcConfig | null;
}

export interface OidcConfig {
  issuerUrl: string;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends the browser back: this service's /api/v1/auth/oidc/callback. */
  redirectUrl: string;
  /** Where a signed-in browser is sent: the web app. */
  appUrl: string;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
  }
}

type Env = Record<string, string | undefined>;

const PLACEHOLDER_SECRETS = new Set(['secret', 'changeme', 'change-me', 'password', 'jwt-secret', 'dev', 'test']);
/** Words that mark a value copied from an example rather than generated. */
const PLACEHOLDER_WORDS = ['changeme', 'change-me', 'change_me', 'replaceme', 'replace-me', 'placeholder', 'your-secret', 'example'];

/**
 * A secret that is too short, a known placeholder, or of so few distinct
 * characters (`xxxx…`) that it was typed rather than generated.
 */
function weakSecret(value: string, minLength: number): boolean {
  const lower = value.toLowerCase();
  return (
    value.length < minLength ||
    PLACEHOLDER_SECRETS.has(lower) ||
    PLACEHOLDER_WORDS.some((word) => lower.includes(word)) ||
    new Set(value).size < 8
  );
}

/**
 * Reads and validates the environment once, at start. A bad value throws a
 * ConfigError naming the variable, so the process exits with a clear message.
 */
export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'], 'development');
  const dataDir = resolve(str(env, 'DATA_DIR', './data'));
  // Children's hearing data never crosses the network in clear in production.
  const docketWebhookUrl = optionalUrl(env, 'DOCKET_WEBHOOK_URL', nodeEnv === 'production' ? ['https:'] : ['http:', 'https:']);
  const docketWebhookSecret = env.DOCKET_WEBHOOK_SECRET?.trim() || null;
  if (docketWebhookUrl && !docketWebhookSecret) {
    throw new ConfigError('DOCKET_WEBHOOK_SECRET', 'is required when DOCKET_WEBHOOK_URL is set');
  }
  if (docketWebhookSecret && docketWebhookSecret.length < 16) {
    throw new ConfigError('DOCKET_WEBHOOK_SECRET', 'must be at least 16 characters');
  }
  if (docketWebhookSecret && nodeEnv !== 'test' && weakSecret(docketWebhookSecret, 16)) {
    throw new ConfigError('DOCKET_WEBHOOK_SECRET', 'is a placeholder: use a random value (only NODE_ENV=test accepts it)');
  }
  if (docketWebhookSecret?.startsWith('whsec_') && !/^whsec_[A-Za-z0-9+/]{22,}={0,2}$/.test(docketWebhookSecret)) {
    throw new ConfigError('DOCKET_WEBHOOK_SECRET', 'in the whsec_ form must be whsec_ and the base64 of at least 16 bytes');
  }
  const adminEmail = env.ADMIN_EMAIL?.trim() || null;
  const adminPassword = env.ADMIN_PASSWORD || null;
  if ((adminEmail === null) !== (adminPassword === null)) {
    throw new ConfigError(adminEmail ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL', 'ADMIN_EMAIL and ADMIN_PASSWORD go together');
  }
  if (adminEmail && !/^[^\s@]+@[^\s@]+$/.test(adminEmail)) {
    throw new ConfigError('ADMIN_EMAIL', 'is not an email address');
  }
  if (adminPassword && adminPassword.length < 12) {
    throw new ConfigError('ADMIN_PASSWORD', 'must have at least 12 characters');
  }
  const port = int(env, 'PORT', 3000, 0, 65535);
  const storageDriver = oneOf(env, 'STORAGE_DRIVER', STORAGE_DRIVERS, 'local');
  const databaseUrl = url(env, 'DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/cmfc', ['postgres:', 'postgresql:']);
  return {
    nodeEnv,
    port,
    databaseUrl,
    migrationsDatabaseUrl: url(env, 'MIGRATIONS_DATABASE_URL', databaseUrl, ['postgres:', 'postgresql:']),
    redisUrl: url(env, 'REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:']),
    jwtSecret: keptSecret(env, 'JWT_SECRET', 'jwt-secret', nodeEnv, dataDir, 'every replica must share it'),
    auditHmacKey: keptSecret(
      env,
      'AUDIT_HMAC_KEY',
      'audit-hmac-key',
      nodeEnv,
      dataDir,
      'it keys the audit chain and must stay outside the database',
    ),
    jwtTtlSeconds: int(env, 'JWT_TTL_SECONDS', 3600, 60, 86400),
    adminEmail,
    adminPassword,
    dataDir,
    storageDir: resolve(str(env, 'STORAGE_DIR', `${dataDir}/files`)),
    storageDriver,
    s3: storageDriver === 's3' ? s3Config(env) : null,
    docketWebhookUrl,
    docketWebhookSecret,
    docketWebhookAttempts: int(env, 'DOCKET_WEBHOOK_ATTEMPTS', 8, 1, 100),
    docketWebhookBackoffMs: int(env, 'DOCKET_WEBHOOK_BACKOFF_MS', 28_000, 1, 3_600_000),
    deadlineSweepSeconds: int(env, 'DEADLINE_SWEEP_SECONDS', 60, 1, 86400),
    migrationsRun: bool(env, 'MIGRATIONS_RUN', true),
    queuePrefix: str(env, 'QUEUE_PREFIX', 'cmfc'),
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info'),
    logPretty: env.LOG_PRETTY?.trim() ? bool(env, 'LOG_PRETTY', false) : 'auto',
    authThrottleLimit: int(env, 'AUTH_THROTTLE_LIMIT', 20, 1, 1_000_000),
    authThrottleTtlSeconds: int(env, 'AUTH_THROTTLE_TTL_SECONDS', 60, 1, 86400),
    dbPoolSize: int(env, 'DB_POOL_SIZE', 20, 1, 500),
    publicBaseUrl: url(env, 'PUBLIC_BASE_URL', `http://localhost:${port || 3000}`, ['http:', 'https:']).replace(/\/$/, ''),
    trustProxy: trustProxy(env),
    jobLockMs: int(env, 'JOB_LOCK_MS', 30_000, 1_000, 600_000),
    smtpUrl: optionalUrl(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: mailFrom(env),
    mailAttempts: int(env, 'MAIL_ATTEMPTS', 8, 1, 100),
    mailBackoffMs: int(env, 'MAIL_BACKOFF_MS', 28_000, 1, 3_600_000),
    mfaRequiredRoles: roleList(env, 'MFA_REQUIRED_ROLES', ['ADMIN', 'JUDGE']),
    authStateCacheMs: int(env, 'AUTH_STATE_CACHE_MS', 2000, 0, 5000),
    authAccountThrottleLimit: int(env, 'AUTH_ACCOUNT_THROTTLE_LIMIT', 10, 1, 1_000_000),
    uploadConcurrency: int(env, 'UPLOAD_CONCURRENCY', 4, 1, 1000),
    secureCookies: nodeEnv === 'production',
    oidc: oidcConfig(env, port, nodeEnv),
  };
}

/** `false` (the default), a hop count, or a comma-separated list of proxy addresses or CIDRs. */
function trustProxy(env: Env): false | number | string[] {
  const raw = env.TRUST_PROXY?.trim();
  if (!raw || ['false', '0', 'no'].includes(raw.toLowerCase())) return false;
  if (/^\d+$/.test(raw)) return int(env, 'TRUST_PROXY', 0, 0, 20);
  if (['true', 'yes', '*'].includes(raw.toLowerCase())) {
    throw new ConfigError(
      'TRUST_PROXY',
      "trusting every address lets any client forge its address; give a hop count or the proxies' addresses",
    );
  }
  const entries = raw.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    const [address, bits, ...rest] = entry.split('/');
    const family = isIP(address ?? '');
    const maxBits = family === 4 ? 32 : 128;
    const validBits = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= maxBits);
    if (family === 0 || !validBits || rest.length > 0) {
      throw new ConfigError(
        'TRUST_PROXY',
        `"${entry}" is not an IP address or CIDR (false, a hop count, or a list such as 10.0.0.1,10.1.0.0/16)`,
      );
    }
    new BlockList().addSubnet(address, bits === undefined ? maxBits : Number(bits), family === 4 ? 'ipv4' : 'ipv6');
  }
  return entries;
}

function roleList(env: Env, name: string, fallback: Role[]): Role[] {
  const raw = env[name];
  if (raw === undefined) return fallback;
  const roles = raw
    .split(',')
    .map((role) => role.trim().toUpperCase())
    .filter(Boolean);
  for (const role of roles) {
    if (!(ROLES as readonly string[]).includes(role)) throw new ConfigError(name, `"${role}" is not a role (${ROLES.join(', ')})`);
  }
  return [...new Set(roles)] as Role[];
}

function oidcConfig(env: Env, port: number, nodeEnv: AppConfig['nodeEnv']): OidcConfig | null {
  const issuer = env.OIDC_ISSUER_URL?.trim();
  if (!issuer) return null;
  const clientId = env.OIDC_CLIENT_ID?.trim();
  const clientSecret = env.OIDC_CLIENT_SECRET?.trim();
  if (!clientId) throw new ConfigError('OIDC_CLIENT_ID', 'is required when OIDC_ISSUER_URL is set');
  if (!clientSecret) throw new ConfigError('OIDC_CLIENT_SECRET', 'is required when OIDC_ISSUER_URL is set');
  const base = url(env, 'PUBLIC_BASE_URL', `http://localhost:${port || 3000}`, ['http:', 'https:']).replace(/\/$/, '');
  return {
    // Tokens and the user's identity cross this connection: https only in production.
    issuerUrl: url(env, 'OIDC_ISSUER_URL', '', nodeEnv === 'production' ? ['https:'] : ['http:', 'https:']),
    clientId,
    clientSecret,
    redirectUrl: url(env, 'OIDC_REDIRECT_URL', `${base}/api/v1/auth/oidc/callback`, ['http:', 'https:']),
    appUrl: url(env, 'WEB_APP_URL', `${base}/`, ['http:', 'https:']),
  };
}

function s3Config(env: Env): S3Config {
  const bucket = env.S3_BUCKET?.trim();
  if (!bucket) throw new ConfigError('S3_BUCKET', 'is required when STORAGE_DRIVER is s3');
  const accessKeyId = env.S3_ACCESS_KEY_ID?.trim() || null;
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY?.trim() || null;
  if ((accessKeyId === null) !== (secretAccessKey === null)) {
    throw new ConfigError(
      accessKeyId ? 'S3_SECRET_ACCESS_KEY' : 'S3_ACCESS_KEY_ID',
      'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together',
    );
  }
  return {
    bucket,
    endpoint: optionalUrl(env, 'S3_ENDPOINT', ['http:', 'https:']),
    region: str(env, 'S3_REGION', 'us-east-1'),
    accessKeyId,
    secretAccessKey,
  };
}

function str(env: Env, name: string, fallback: string): string {
  const value = env[name]?.trim();
  return value ? value : fallback;
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!/^-?\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (['true', '1', 'yes'].includes(raw)) return true;
  if (['false', '0', 'no'].includes(raw)) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

function url(env: Env, name: string, fallback: string, protocols: string[]): string {
  const value = str(env, name, fallback);
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ConfigError(name, 'is not a valid URL');
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must use ${protocols.join(' or ')}`);
  }
  return value;
}

function optionalUrl(env: Env, name: string, protocols: string[]): string | null {
  return env[name]?.trim() ? url(env, name, '', protocols) : null;
}

/** `clerk@court.example` or `Clerk of the Court <clerk@court.example>`. */
function mailFrom(env: Env): string {
  const value = str(env, 'MAIL_FROM', 'cmfc-court <no-reply@localhost>');
  if (!/^([^<>@\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/.test(value)) {
    throw new ConfigError('MAIL_FROM', 'must be an address, or a name and an address in angle brackets');
  }
  return value;
}

/**
 * A secret from the environment when set; otherwise (outside production) a
 * random one generated once and kept in the data directory, so restarts keep
 * it. Production refuses a missing secret (replicas must share one configured
 * value); everything but the tests refuses a short or placeholder one.
 */
function keptSecret(env: Env, name: string, fileName: string, nodeEnv: string, dataDir: string, why: string): string {
  const configured = env[name]?.trim();
  if (configured) {
    // Only the tests may run on a made-up secret: a development machine can hold real data too.
    if (nodeEnv !== 'test' && weakSecret(configured, 32)) {
      throw new ConfigError(name, `must be a random value of at least 32 characters (unset, one is generated into ${dataDir})`);
    }
    return configured;
  }
  if (nodeEnv === 'production') {
    throw new ConfigError(name, `is required in production (${why})`);
  }
  const file = resolve(dataDir, fileName);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(48).toString('base64url');
  mkdirSync(dirname(file), { recursive: true });
  try {
    writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    // Another process started at the same moment and wrote it first.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw error;
  }
}
