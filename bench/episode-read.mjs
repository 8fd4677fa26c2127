// GET /api/v1/episodes/:id as a clerk: an episode with six obligations (and its
// hearing request), the audit row written on every read. 10 s, 20 connections.
// Target on 2 cores: >= 1,500 req/s, p99 <= 25 ms.
//   npm run build && node bench/episode-read.mjs
import autocannon from 'autocannon';
import pg from 'pg';
import { freshDatabase, login, mb, rssSampler, seedDemo, serviceEnv, startService } from './support.mjs';

const CHILD = '0d5f3c1e-0000-4000-8000-000000000201';
const databaseUrl = await freshDatabase('cmfc_bench_episode');
const env = serviceEnv(databaseUrl);
seedDemo(env);
const { child, base } = await startService(env, 'api');
try {
  const clerk = await login(base, 'clerk@demo.court', 'demo-password-2026');
  const headers = {
    authorization: `Bearer ${clerk}`,
    'content-type': 'application/json',
  };
  const opened = await fetch(`${base}/api/v1/episodes`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      childId: CHILD,
      missingSince: new Date(Date.now() - 3_600_000).toISOString(),
    }),
  }).then((r) => r.json());
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  // A second status-update period, so the episode carries six obligations as in the target.
  await db.query(
    `INSERT INTO obligations (id, episode_id, court_id, agency_id, child_id, episode_discovered_at, type, sequence, status, due_at, order_id, terms)
     SELECT gen_random_uuid(), episode_id, court_id, agency_id, child_id, episode_discovered_at, type, 2, 'OPEN', due_at + interval '30 days', order_id, terms
       FROM obligations WHERE episode_id = $1 AND type = 'STATUS_UPDATE'`,
    [opened.id],
  );
  const url = `${base}/api/v1/episodes/${opened.id}`;
  const check = await fetch(url, { headers }).then((r) => r.json());
  if (check.obligations.length !== 6) throw new Error(`expected 6 obligations, got ${check.obligations.length}`);
  await autocannon({ url, headers, connections: 20, duration: 3 });
  const count = async () =>
    (await db.query(`SELECT count(*)::int AS n FROM audit_events WHERE entity_type = 'episode' AND action = 'read'`)).rows[0].n;
  const before = await count();
  const rss = rssSampler(child.pid);
  const result = await autocannon({
    url,
    headers,
    connections: 20,
    duration: 10,
  });
  const peak = rss.stop();
  const audited = (await count()) - before;
  await db.end();
  console.log(
    JSON.stringify(
      {
        bench: 'GET /api/v1/episodes/:id (clerk, 6 obligations, audited)',
        requestsPerSecond: Math.round(result.requests.average),
        latencyMs: {
          p50: result.latency.p50,
          p90: result.latency.p90,
          p99: result.latency.p99,
          max: result.latency.max,
        },
        responses2xx: result['2xx'],
        non2xx: result.non2xx,
        auditRowsWritten: audited,
        processPeakRss: mb(peak),
      },
      null,
      2,
    ),
  );
} finally {
  child.kill('SIGTERM');
}
