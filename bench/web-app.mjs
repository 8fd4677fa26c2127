// The web app's weight and speed, never asserted in a test:
//  1. initial JS + CSS gzipped: what index.html loads before any page chunk (budget 350 KB);
//  2. in Debian's Chromium, the time from navigating to an episode page to its duties showing,
//     with the service warm (budget 1 s): 20 navigations after 3 warm-ups, p50/p95/max, timed in
//     the page (navigation start to the duties in the DOM) and, for reference, as Playwright's
//     polling wait sees it.
// Run `npm run build` first. Uses its own database (cmfc_bench_web) on the PostgreSQL at
// BENCH_DATABASE_URL or 127.0.0.1, and the Redis at REDIS_URL or 127.0.0.1.
/* global window, document, MutationObserver -- the callbacks given to page.addInitScript and page.evaluate run in the browser */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import pg from 'pg';

const root = new URL('../', import.meta.url);
const html = readFileSync(new URL('dist/web/index.html', root), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
let gzipped = 0;
for (const asset of initial) gzipped += gzipSync(readFileSync(new URL(`dist/web${asset}`, root))).length;
console.log(`initial JS+CSS: ${initial.length} files, ${(gzipped / 1024).toFixed(1)} KB gzipped (budget 350 KB)`);

const PORT = process.env.BENCH_PORT ?? '3197';
const server = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = 'cmfc_bench_web';
const admin = new pg.Client({ connectionString: server });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
await admin.query(`CREATE DATABASE ${dbName}`);
await admin.end();
const databaseUrl = server.replace(/\/[^/]*$/, `/${dbName}`);
const env = {
  ...process.env,
  PORT,
  DATABASE_URL: databaseUrl,
  QUEUE_PREFIX: 'cmfc-bench-web',
  DATA_DIR: `/tmp/cmfc-bench-web`,
  LOG_LEVEL: 'warn',
  MFA_REQUIRED_ROLES: '',
  JWT_SECRET: 'bench-secret-that-is-long-enough-for-hs256-0123456789',
};
const run = (args) =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['dist/main.js', ...args], { cwd: root, env, stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args} exited ${code}`))));
  });
await run(['seed-demo']);
const app = spawn(process.execPath, ['dist/main.js'], { cwd: root, env, stdio: 'inherit' });
const base = `http://127.0.0.1:${PORT}`;
try {
  for (let i = 0; ; i++) {
    if ((await fetch(`${base}/health/ready`).catch(() => null))?.ok) break;
    if (i > 300) throw new Error('service did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  const { DEMO_LOGINS, DEMO_PASSWORD } = await import('../dist/src/demo/seed-demo.js');
  const agency = DEMO_LOGINS.find((login) => login.role.startsWith('AGENCY'));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const page = await (await browser.newContext({ baseURL: base })).newPage();
  await page.goto('/sign-in');
  await page.getByLabel('E-mail address').fill(agency.email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('Signed in as').waitFor();
  // One episode to look at: the agency reports its first child missing through the API, on the session.
  const csrf = (await page.context().cookies()).find((c) => c.name === 'cmfc_csrf')?.value;
  const cases = await page.evaluate(() => fetch('/api/v1/cases?limit=50').then((r) => r.json()));
  const child = cases.items.map((c) => c.child).find((c) => c.currentPlacement);
  const episode = await page.evaluate(
    ([childId, token]) =>
      fetch('/api/v1/episodes', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': token },
        body: JSON.stringify({ childId, missingSince: new Date(Date.now() - 3_600_000).toISOString() }),
      }).then((r) => r.json()),
    [child.id, csrf],
  );
  // The moment the duties enter the page, from the navigation's start (performance.now() counts from
  // it), seen by a MutationObserver: Playwright's own wait polls at up to 500 ms and would add that.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('[data-duty="LAW_ENFORCEMENT_REPORT"]')) {
        window.__dutiesShownAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { subtree: true, childList: true });
  });
  const times = [];
  const wall = [];
  for (let i = 0; i < 23; i++) {
    const started = performance.now();
    await page.goto(`/episodes/${episode.id}`);
    await page.locator('[data-duty="LAW_ENFORCEMENT_REPORT"]').waitFor();
    const shownAt = await page.evaluate(() => window.__dutiesShownAt);
    if (i >= 3) {
      times.push(shownAt);
      wall.push(performance.now() - started);
    }
  }
  const at = (list, q) => [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor(q * list.length))].toFixed(0);
  console.log(
    `navigation to the episode's duties, warm: p50 ${at(times, 0.5)} ms, p95 ${at(times, 0.95)} ms, max ${at(times, 1)} ms over ${times.length} (budget 1,000 ms)`,
  );
  console.log(`  as Playwright's wait sees it (it polls): p50 ${at(wall, 0.5)} ms, p95 ${at(wall, 0.95)} ms`);
  await browser.close();
} finally {
  app.kill('SIGTERM');
}
