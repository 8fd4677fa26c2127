// From POST /api/v1/episodes to the last "child missing" message accepted by a local SMTP server
// (smtp-server in this process): 20 episodes, 5 recipients each (the judge, the clerk, the
// caseworker, a GAL and a CASA volunteer), one episode at a time. p50/p95. Target p95 <= 2 s.
//   npm run build && node bench/notification-latency.mjs
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { freshDatabase, login, seedDemo, seedPlacedChildren, serviceEnv, startService } from './support.mjs';

const EPISODES = Number(process.env.EPISODES ?? 20);
const RECIPIENTS = 5;
/** Per docket number: the addresses accepted so far, and who waits for all five. */
const arrivals = new Map();
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', () => {
      const at = performance.now();
      const docket = /Case No\. (NOTIFY-\d+)/.exec(Buffer.concat(chunks).toString('utf8'))?.[1];
      const entry = docket && arrivals.get(docket);
      if (entry) {
        for (const rcpt of session.envelope.rcptTo) entry.addresses.add(rcpt.address);
        if (entry.addresses.size >= RECIPIENTS) entry.done(at);
      }
      callback();
    });
  },
});
await new Promise((r) => smtp.listen(0, '127.0.0.1', r));

const databaseUrl = await freshDatabase('cmfc_bench_notify');
const env = serviceEnv(databaseUrl, { SMTP_URL: `smtp://127.0.0.1:${smtp.server.address().port}`, MAIL_FROM: 'clerk@demo.court' });
seedDemo(env);
const db = new pg.Client({ connectionString: databaseUrl });
await db.connect();
const children = await seedPlacedChildren(db, EPISODES, 'NOTIFY');
// Each case: a caseworker on the placement and two participants, so five people are told (with the judge and the clerk).
await db.query(
  `UPDATE placements SET caseworker_name = 'Case Worker', caseworker_email = 'caseworker+' || child_id || '@dfps.demo' WHERE child_id = ANY($1)`,
  [children],
);
await db.query(
  `INSERT INTO case_participants (id, case_id, court_id, role, name, email, created_by)
   SELECT gen_random_uuid(), c.case_id, c.court_id, r.role, r.role, lower(r.role) || '+' || c.id || '@advocates.example', '0d5f3c1e-0000-4000-8000-000000000022'
     FROM children c CROSS JOIN (VALUES ('GUARDIAN_AD_LITEM'), ('CASA')) r(role) WHERE c.id = ANY($1)`,
  [children],
);
const dockets = new Map(
  (
    await db.query(`SELECT c.id, k.docket_number FROM children c JOIN cases k ON k.id = c.case_id WHERE c.id = ANY($1)`, [children])
  ).rows.map((r) => [r.id, r.docket_number]),
);
await db.end();

const { child, base } = await startService(env, 'all');
try {
  const token = await login(base, 'caseworker@dfps.demo', 'demo-password-2026');
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const latencies = [];
  for (const childId of children) {
    const docket = dockets.get(childId);
    const delivered = new Promise((resolve, reject) => {
      arrivals.set(docket, { addresses: new Set(), done: resolve });
      setTimeout(() => reject(new Error(`${docket}: not all ${RECIPIENTS} messages accepted within 30 s`)), 30_000).unref();
    });
    const started = performance.now();
    const res = await fetch(`${base}/api/v1/episodes`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ childId, missingSince: new Date(Date.now() - 3_600_000).toISOString() }),
    });
    if (res.status !== 201) throw new Error(`POST /episodes: ${res.status}`);
    latencies.push((await delivered) - started);
  }
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)];
  console.log(
    JSON.stringify(
      {
        bench: 'POST /episodes -> last "child missing" message accepted by the SMTP server',
        episodes: latencies.length,
        recipientsPerEpisode: RECIPIENTS,
        latencyMs: { p50: +at(0.5).toFixed(1), p95: +at(0.95).toFixed(1), max: +latencies.at(-1).toFixed(1) },
      },
      null,
      2,
    ),
  );
} finally {
  child.kill('SIGTERM');
  smtp.close();
}
