// What the per-request revocation check costs: GET /api/v1/episodes/:id (the reference read of
// bench/episode-read.mjs: a clerk, six obligations, an audit row per read) with a Bearer token and
// with the browser session cookie, each against the service as built (the check on: token version,
// disabled, role/tenant and signed-out token ids, re-read every AUTH_STATE_CACHE_MS) and against the
// same build with the check taken out (bench/without-revocation-check.mjs, loaded with --import).
// Both processes run at once on two ports; the runs alternate (on, off, on, off, …) so drift in the
// machine falls on both alike. 20 connections, 10 s a run after a 3 s warm-up, ROUNDS rounds.
// Also the API process's CPU time per request, which a busy machine disturbs far less than requests/s.
// Target: the check costs at most 5% of requests/s.
//   npm run build && node bench/auth-read.mjs
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { freshDatabase, login, seedDemo, serviceEnv, startService } from './support.mjs';

/** CPU seconds (user + system) the process has used: robust to a busy machine, unlike requests/s. */
function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

const CHILD = '0d5f3c1e-0000-4000-8000-000000000201';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const databaseUrl = await freshDatabase('cmfc_bench_auth');
const common = { AUDIT_HMAC_KEY: 'bench-audit-key-bench-audit-key-0123456789' };
const env = serviceEnv(databaseUrl, common);
seedDemo(env);
const withCheck = await startService({ ...env, PORT: '3911' }, 'api');
const withoutCheck = await startService(
  { ...env, PORT: '3912', NODE_OPTIONS: `${env.NODE_OPTIONS} --import ./bench/without-revocation-check.mjs` },
  'api',
);
const services = { on: withCheck, off: withoutCheck };

async function sessionCookie(base, email, password) {
  const res = await fetch(`${base}/api/v1/auth/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`session sign-in failed: ${res.status}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

try {
  const clerk = await login(withCheck.base, 'clerk@demo.court', 'demo-password-2026');
  const bearer = { authorization: `Bearer ${clerk}`, 'content-type': 'application/json' };
  const opened = await fetch(`${withCheck.base}/api/v1/episodes`, {
    method: 'POST',
    headers: bearer,
    body: JSON.stringify({ childId: CHILD, missingSince: new Date(Date.now() - 3_600_000).toISOString() }),
  }).then((r) => r.json());
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  // A second status-update period, so the episode carries six obligations as in the reference read.
  await db.query(
    `INSERT INTO obligations (id, episode_id, court_id, agency_id, child_id, episode_discovered_at, type, sequence, status, due_at, order_id, terms)
     SELECT gen_random_uuid(), episode_id, court_id, agency_id, child_id, episode_discovered_at, type, 2, 'OPEN', due_at + interval '30 days', order_id, terms
       FROM obligations WHERE episode_id = $1 AND type = 'STATUS_UPDATE'`,
    [opened.id],
  );
  await db.end();
  const credentials = {};
  for (const [check, { base }] of Object.entries(services)) {
    credentials[check] = {
      bearer: { authorization: `Bearer ${await login(base, 'clerk@demo.court', 'demo-password-2026')}` },
      session: { cookie: await sessionCookie(base, 'clerk@demo.court', 'demo-password-2026') },
    };
    for (const headers of Object.values(credentials[check])) {
      const check6 = await fetch(`${base}/api/v1/episodes/${opened.id}`, { headers }).then((r) => r.json());
      if (check6.obligations?.length !== 6) throw new Error(`expected 6 obligations, got ${JSON.stringify(check6).slice(0, 200)}`);
    }
  }
  const runs = { bearer: { on: [], off: [] }, session: { on: [], off: [] } };
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const kind of ['bearer', 'session']) {
      for (const check of round % 2 === 0 ? ['on', 'off'] : ['off', 'on']) {
        const url = `${services[check].base}/api/v1/episodes/${opened.id}`;
        const headers = credentials[check][kind];
        await autocannon({ url, headers, connections: 20, duration: 3 });
        const cpuBefore = cpuSeconds(services[check].child.pid);
        const result = await autocannon({ url, headers, connections: 20, duration: DURATION });
        const cpu = cpuSeconds(services[check].child.pid) - cpuBefore;
        if (result.non2xx > 0) throw new Error(`${kind}/${check}: ${result.non2xx} answers not 2xx`);
        runs[kind][check].push({
          rps: result.requests.average,
          p99: result.latency.p99,
          cpuUsPerRequest: Math.round((cpu * 1e6) / result['2xx']),
        });
      }
    }
  }
  const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length;
  const summary = {};
  for (const [kind, byCheck] of Object.entries(runs)) {
    const average = (list) => ({
      rps: mean(list.map((r) => r.rps)),
      p99: mean(list.map((r) => r.p99)),
      cpu: mean(list.map((r) => r.cpuUsPerRequest)),
    });
    const [on, off] = [average(byCheck.on), average(byCheck.off)];
    summary[kind] = {
      withoutCheck: { requestsPerSecond: Math.round(off.rps), p99Ms: off.p99, apiCpuUsPerRequest: Math.round(off.cpu) },
      withCheck: { requestsPerSecond: Math.round(on.rps), p99Ms: on.p99, apiCpuUsPerRequest: Math.round(on.cpu) },
      costPercent: Number((((off.rps - on.rps) / off.rps) * 100).toFixed(1)),
      cpuCostPercent: Number((((on.cpu - off.cpu) / off.cpu) * 100).toFixed(1)),
      runs: byCheck,
    };
  }
  console.log(
    JSON.stringify(
      { bench: 'GET /api/v1/episodes/:id (clerk, 6 obligations, audited), revocation check on and off', rounds: ROUNDS, summary },
      null,
      2,
    ),
  );
} finally {
  withCheck.child.kill('SIGTERM');
  withoutCheck.child.kill('SIGTERM');
}
