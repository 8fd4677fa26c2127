// 1,000,000 obligations (SQL generate_series: 20,000 children, 166,667 episodes over the
// last year, six obligations each) in one court, then:
//  - GET /api/v1/compliance/summary for that court, through HTTP (target <= 200 ms);
//  - the reconciliation sweep as the worker runs it, idle and with 1,000 obligations just due
//    (target <= 100 ms), read from BullMQ's own processedOn/finishedOn.
//   npm run build && node bench/compliance-scale.mjs
import { Queue } from 'bullmq';
import pg from 'pg';
import { freshDatabase, login, seedDemo, serviceEnv, startService } from './support.mjs';

const COURT = '0d5f3c1e-0000-4000-8000-000000000001';
const JUDGE = '0d5f3c1e-0000-4000-8000-000000000022';
const AGENCIES = ['0d5f3c1e-0000-4000-8000-000000000011', '0d5f3c1e-0000-4000-8000-000000000012'];
const CHILDREN = 20_000;
const EPISODES = 166_667;

const databaseUrl = await freshDatabase('cmfc_bench_scale');
const env = serviceEnv(databaseUrl, { DEADLINE_SWEEP_SECONDS: '2' });
seedDemo(env);
const db = new pg.Client({ connectionString: databaseUrl });
await db.connect();
const seeded = performance.now();
await db.query(`
  INSERT INTO cases (id, court_id, docket_number, case_type, judge_id)
  SELECT md5('case' || n)::uuid, '${COURT}', 'SCALE-' || n, 'DEPENDENCY', '${JUDGE}' FROM generate_series(1, ${CHILDREN}) n`);
await db.query(`
  INSERT INTO children (id, case_id, court_id, first_name, last_name, date_of_birth)
  SELECT md5('child' || n)::uuid, md5('case' || n)::uuid, '${COURT}', 'Scale', 'Child', DATE '2010-01-01' + (n % 2000)
    FROM generate_series(1, ${CHILDREN}) n`);
await db.query(`
  INSERT INTO placements (id, case_id, child_id, agency_id, placement_type, started_at)
  SELECT gen_random_uuid(), md5('case' || n)::uuid, md5('child' || n)::uuid, (ARRAY['${AGENCIES[0]}', '${AGENCIES[1]}']::uuid[])[1 + n % 2],
         'FOSTER_HOME', now() - interval '2 years'
    FROM generate_series(1, ${CHILDREN}) n`);
await db.query(`
  INSERT INTO episodes (id, child_id, case_id, court_id, agency_id, status, missing_since, discovered_at, terms, opened_by, opened_by_role,
                        recovered_at, pre_majority_at)
  SELECT md5('episode' || e)::uuid, md5('child' || (e % ${CHILDREN} + 1))::uuid, md5('case' || (e % ${CHILDREN} + 1))::uuid, '${COURT}',
         (ARRAY['${AGENCIES[0]}', '${AGENCIES[1]}']::uuid[])[1 + (e % ${CHILDREN} + 1) % 2], 'RECOVERED',
         now() - (e % 360) * interval '1 day' - interval '3 hours', now() - (e % 360) * interval '1 day' - interval '2 hours',
         '{"lawEnforcementReportHours":24,"ncicEntryHours":2,"ncmecReportHours":24,"photoMaxAgeDays":180,"statusUpdateDays":30,"recoveryNotificationHours":24,"postRecoveryPhotoHours":72,"safetyAssessmentHours":72,"runDebriefHours":168,"hearingWithinCourtDays":3,"requestHearingOnMissing":true,"requestHearingOnNonCompliance":true}',
         '${JUDGE}', 'JUDGE', now() - (e % 360) * interval '1 day', now() + interval '10 years'
    FROM generate_series(1, ${EPISODES}) e`);
await db.query(`
  INSERT INTO obligations (id, episode_id, court_id, agency_id, child_id, episode_discovered_at, type, sequence, status, due_at, terms,
                           performed_at, on_time)
  SELECT gen_random_uuid(), e.id, e.court_id, e.agency_id, e.child_id, e.discovered_at, t.type, 1,
         (ARRAY['SATISFIED', 'SATISFIED', 'SATISFIED', 'OVERDUE', 'WAIVED', 'SUBMITTED'])[1 + (abs(hashtext(e.id::text || t.type)) % 6)],
         e.discovered_at + interval '24 hours', e.terms,
         e.discovered_at + (abs(hashtext(t.type || e.id::text)) % 40) * interval '1 hour',
         (abs(hashtext(t.type || e.id::text)) % 40) <= 24
    FROM episodes e
    CROSS JOIN unnest(ARRAY['LAW_ENFORCEMENT_REPORT', 'NCIC_ENTRY', 'NCMEC_REPORT', 'CURRENT_PHOTO', 'RECOVERY_NOTIFICATION', 'RUN_DEBRIEF']) AS t(type)`);
await db.query(`UPDATE obligations SET performed_at = NULL, on_time = NULL WHERE status <> 'SATISFIED'`);
await db.query(`VACUUM ANALYZE`);
const { rows: counted } = await db.query(`SELECT count(*)::int AS n FROM obligations`);
const seedSeconds = ((performance.now() - seeded) / 1000).toFixed(0);

const { child, base } = await startService(env, 'all');
const queue = new Queue('deadlines', { connection: { url: env.REDIS_URL }, prefix: env.QUEUE_PREFIX });
try {
  const token = await login(base, 'clerk@demo.court', 'demo-password-2026');
  const summaryMs = [];
  let agencies = 0;
  for (let i = 0; i < 12; i += 1) {
    const start = performance.now();
    const res = await fetch(`${base}/api/v1/compliance/summary`, { headers: { authorization: `Bearer ${token}` } });
    const body = await res.json();
    summaryMs.push(performance.now() - start);
    agencies = body.agencies.length;
  }
  const timed = summaryMs.slice(2).sort((a, b) => a - b);

  const sweepDurations = async (sinceMs) => {
    const jobs = await queue.getJobs(['completed'], 0, 200);
    return jobs
      .filter((j) => j.name === 'deadline-sweep' && j.processedOn > sinceMs)
      .map((j) => ({ ms: j.finishedOn - j.processedOn, result: j.returnvalue }))
      .sort((a, b) => a.ms - b.ms);
  };
  const idleFrom = Date.now();
  await new Promise((r) => setTimeout(r, 9000));
  const idle = await sweepDurations(idleFrom);
  // 1,000 obligations whose timers were lost: open, already due, no job armed.
  await db.query(`
    UPDATE obligations SET status = 'OPEN', due_at = now() - interval '1 second', performed_at = NULL, on_time = NULL
     WHERE id IN (SELECT id FROM obligations WHERE status = 'WAIVED' LIMIT 1000)`);
  const busyFrom = Date.now();
  let busy = [];
  for (let i = 0; i < 20 && !busy.some((s) => s.result?.overdue > 0); i += 1) {
    await new Promise((r) => setTimeout(r, 1000));
    busy = await sweepDurations(busyFrom);
  }
  console.log(
    JSON.stringify(
      {
        bench: 'compliance summary and sweep over 1,000,000 obligations',
        obligations: counted[0].n,
        seedSeconds: Number(seedSeconds),
        summary: {
          agencies,
          ms: { min: Math.round(timed[0]), median: Math.round(timed[Math.floor(timed.length / 2)]), max: Math.round(timed.at(-1)) },
        },
        sweepIdleMs: idle.map((s) => s.ms),
        sweepWith1000Due: busy.filter((s) => s.result?.overdue > 0).map((s) => ({ ms: s.ms, overdue: s.result.overdue })),
      },
      null,
      2,
    ),
  );
} finally {
  await queue.close();
  await db.end();
  child.kill('SIGTERM');
}
