// GET /api/v1/children/:id as a clerk: 10 s, 20 connections (autocannon), with
// the audit row written on every read. Target on 2 cores: >= 1,500 req/s, p99 <= 25 ms.
//   npm run build && node bench/children-read.mjs
import autocannon from 'autocannon';
import pg from 'pg';
import { freshDatabase, login, mb, rssSampler, seedDemo, serviceEnv, startService } from './support.mjs';

const CHILD = '0d5f3c1e-0000-4000-8000-000000000201';
const databaseUrl = await freshDatabase('cmfc_bench_read');
const env = serviceEnv(databaseUrl);
seedDemo(env);
const { child, base } = await startService(env, 'api');
try {
  const token = await login(base, 'clerk@demo.court', 'demo-password-2026');
  const headers = { authorization: `Bearer ${token}` };
  // warm up
  await autocannon({ url: `${base}/api/v1/children/${CHILD}`, headers, connections: 20, duration: 3 });
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const before = (await db.query(`SELECT count(*)::int AS n FROM audit_events WHERE entity_type = 'child' AND action = 'read'`)).rows[0].n;
  const rss = rssSampler(child.pid);
  const result = await autocannon({ url: `${base}/api/v1/children/${CHILD}`, headers, connections: 20, duration: 10 });
  const peak = rss.stop();
  const after = (await db.query(`SELECT count(*)::int AS n FROM audit_events WHERE entity_type = 'child' AND action = 'read'`)).rows[0].n;
  await db.end();
  const ok = result['2xx'];
  console.log(
    JSON.stringify(
      {
        bench: 'GET /api/v1/children/:id (clerk, audited)',
        connections: 20,
        seconds: 10,
        requestsPerSecond: Math.round(result.requests.average),
        latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
        non2xx: result.non2xx,
        errors: result.errors,
        auditRowsWritten: after - before,
        responses2xx: ok,
        apiPeakRss: mb(peak),
      },
      null,
      2,
    ),
  );
} finally {
  child.kill('SIGTERM');
}
