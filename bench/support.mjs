// Shared helpers for the benchmarks: a throwaway database, the built service
// started as a child process, and RSS sampling. Run `npm run build` first.
import { spawn, execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';

export const SERVER = process.env.BENCH_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432';

export async function freshDatabase(name) {
  const client = new pg.Client({ connectionString: `${SERVER}/postgres` });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  return `${SERVER}/${name}`;
}

export function serviceEnv(databaseUrl, extra = {}) {
  return {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
    AUDIT_HMAC_KEY: 'bench-audit-key-bench-audit-key-0123456789',
    QUEUE_PREFIX: `bench-${process.pid}`,
    DATA_DIR: `/tmp/cmfc-bench-${process.pid}`,
    // BENCH_LOG_LEVEL=info measures the service as the README runs it (a log line per request).
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    PORT: process.env.BENCH_PORT ?? '3900',
    // As the Docker image runs it: a heap cap keeps V8 from growing the old space it could collect.
    NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS ?? '--max-old-space-size=256 --max-semi-space-size=32',
    ...extra,
  };
}

/** The demo data (seed-demo refuses NODE_ENV=production: it creates known passwords). */
export function seedDemo(env) {
  execFileSync(process.execPath, ['dist/main.js', 'seed-demo'], { env: { ...env, NODE_ENV: 'development' }, stdio: 'inherit' });
}

/** `role`: api, worker or all (`node dist/main.js` with no argument); BENCH_ROLE overrides the bench's choice. */
export async function startService(env, role = 'api') {
  const chosen = process.env.BENCH_ROLE ?? role;
  const child = spawn(process.execPath, ['dist/main.js', ...(chosen === 'all' ? [] : [chosen])], {
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${env.PORT}`;
  for (let i = 0; i < 120; i += 1) {
    try {
      if ((await fetch(`${base}/health`)).ok) return { child, base };
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill();
  throw new Error('service did not start');
}

/** Peak RSS of the process and every process under it (an entry point that re-executes itself counts whole). */
export function rssSampler(pid) {
  let peak = 0;
  const rssOf = (p) => {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      const children = readdirSync(`/proc/${p}/task`).flatMap((task) =>
        readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').split(' ').filter(Boolean),
      );
      return (match ? Number(match[1]) * 1024 : 0) + children.reduce((sum, c) => sum + rssOf(c), 0);
    } catch {
      return 0; // the process ended between two reads
    }
  };
  const read = () => {
    peak = Math.max(peak, rssOf(pid));
  };
  const timer = setInterval(read, 200);
  return {
    stop() {
      clearInterval(timer);
      read();
      return peak;
    },
  };
}

export async function login(base, email, password) {
  const res = await fetch(`${base}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status}`);
  return (await res.json()).accessToken;
}

export const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** `n` demo-court cases whose children are placed with the demo child-welfare agency; returns the child ids. */
export async function seedPlacedChildren(db, n, docketPrefix) {
  const { rows } = await db.query(`
    WITH made AS (
      INSERT INTO cases (id, court_id, docket_number, case_type, judge_id)
      SELECT gen_random_uuid(), '0d5f3c1e-0000-4000-8000-000000000001', '${docketPrefix}-' || n, 'DEPENDENCY', '0d5f3c1e-0000-4000-8000-000000000022'
        FROM generate_series(1, ${Number(n)}) n RETURNING id),
    kids AS (
      INSERT INTO children (id, case_id, court_id, first_name, last_name, date_of_birth)
      SELECT gen_random_uuid(), id, '0d5f3c1e-0000-4000-8000-000000000001', 'Bench', 'Child', '2012-01-01' FROM made RETURNING id, case_id)
    INSERT INTO placements (id, case_id, child_id, agency_id, placement_type, started_at)
    SELECT gen_random_uuid(), case_id, id, '0d5f3c1e-0000-4000-8000-000000000011', 'FOSTER_HOME', now() - interval '30 days' FROM kids
    RETURNING child_id`);
  return rows.map((row) => row.child_id);
}
