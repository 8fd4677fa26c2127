// From POST /api/v1/episodes to the hearing_request.created webhook received by a
// local receiver (the court's CMS): p50/p95 over 200 episodes. Target p95 <= 500 ms.
// The receiver speaks HTTPS (production refuses an http: webhook) with a throwaway self-signed
// certificate, made by openssl for this run, that the service trusts through NODE_EXTRA_CA_CERTS.
//   npm run build && node bench/docket-latency.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freshDatabase, login, seedDemo, seedPlacedChildren, serviceEnv, startService } from './support.mjs';

const EPISODES = Number(process.env.EPISODES ?? 200);
const received = new Map();
const certDir = mkdtempSync(join(tmpdir(), 'cmfc-bench-tls-'));
const [keyFile, certFile] = [join(certDir, 'key.pem'), join(certDir, 'cert.pem')];
execFileSync(
  'openssl',
  [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1',
    '-keyout',
    keyFile,
    '-out',
    certFile,
  ],
  { stdio: 'ignore' },
);
const receiver = createServer({ key: readFileSync(keyFile), cert: readFileSync(certFile) }, (req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const event = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (event.type === 'hearing_request.created') received.get(event.data.episodeId)?.(performance.now());
    res.writeHead(200).end();
  });
});
await new Promise((r) => receiver.listen(0, '127.0.0.1', r));
const hook = `https://127.0.0.1:${receiver.address().port}/hooks`;

const databaseUrl = await freshDatabase('cmfc_bench_docket');
const env = serviceEnv(databaseUrl, {
  DOCKET_WEBHOOK_URL: hook,
  DOCKET_WEBHOOK_SECRET: 'bench-webhook-secret-0123456789',
  NODE_EXTRA_CA_CERTS: certFile,
});
seedDemo(env);
// One child per episode: cases placed with the demo agency.
const db = new pg.Client({ connectionString: databaseUrl });
await db.connect();
const children = (await seedPlacedChildren(db, EPISODES, 'BENCH')).map((child_id) => ({ child_id }));
await db.end();

const { child, base } = await startService(env, 'all');
try {
  const token = await login(base, 'caseworker@dfps.demo', 'demo-password-2026');
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const latencies = [];
  for (const { child_id: childId } of children) {
    const started = performance.now();
    const res = await fetch(`${base}/api/v1/episodes`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ childId, missingSince: new Date(Date.now() - 3_600_000).toISOString() }),
    });
    if (res.status !== 201) throw new Error(`POST /episodes: ${res.status}`);
    const episode = await res.json();
    const arrived = await new Promise((resolve, reject) => {
      received.set(episode.id, resolve);
      setTimeout(() => reject(new Error('webhook not received within 10 s')), 10_000).unref();
    });
    latencies.push(arrived - started);
  }
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)];
  console.log(
    JSON.stringify(
      {
        bench: 'POST /episodes -> hearing_request.created received by the CMS webhook',
        episodes: latencies.length,
        latencyMs: { p50: +at(0.5).toFixed(1), p95: +at(0.95).toFixed(1), max: +latencies.at(-1).toFixed(1) },
      },
      null,
      2,
    ),
  );
} finally {
  child.kill('SIGTERM');
  receiver.close();
}
