// Order rendering (DESIGN.md §8), in one run:
//  1. one individual order, end to end (data -> Handlebars -> Markdown -> PDF with pdfkit and the
//     standard Times fonts): p50/p95 over 500 renders, one after another on one core;
//  2. 1,000 notices of hearing on a worker pool using every core (piscina): documents/s;
//  3. side by side, a warm headless Chromium (Debian chromium, one browser kept open) printing the
//     HTML preview of the same order: p50/p95, and the ratio to (1).
// Targets on 2 cores: p95 <= 20 ms, >= 200 documents/s, >= 10x faster than Chromium.
//
//   npm run build && node bench/render-orders.mjs
//
// BENCH_DIST points at another build output (default dist/); CHROMIUM at the browser (default /usr/bin/chromium).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = process.env.BENCH_DIST ? new URL(`file://${process.env.BENCH_DIST.replace(/\/$/, '')}`).pathname : `${root}dist`;
const templatesDir = `${root}templates`;
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(`${dist}/src/orders/rendering/document-pipeline.js`)) {
  console.error(`No build in ${dist}: run npm run build first.`);
  process.exit(2);
}

const { loadTemplateFiles } = await import(`${dist}/src/orders/rendering/template-files.js`);
const { compileTemplate } = await import(`${dist}/src/orders/rendering/template-compiler.js`);
const { renderDocumentPdf, renderDocumentHtml } = await import(`${dist}/src/orders/rendering/document-pipeline.js`);
const { buildOrderRendering } = await import(`${dist}/src/orders/order-document-data.js`);
const { DEFAULT_TERMS } = await import(`${dist}/src/orders/order-terms.js`);

const RENDERS = 500;
const NOTICES = 1000;
const CHROMIUM_RENDERS = 100;

const file = loadTemplateFiles(templatesDir).find((f) => f.kind === 'INDIVIDUAL_ORDER');
const template = compileTemplate('INDIVIDUAL_ORDER', file.body);
const signedAt = new Date('2026-03-03T16:20:00Z');

/** A signed individual order with its terms, as the service builds it when a judge signs. */
function orderInput(n) {
  return buildOrderRendering({
    order: {
      id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      kind: 'INDIVIDUAL',
      effectiveAt: signedAt,
      terms: { ...DEFAULT_TERMS, ncicEntryHours: 1.5, ncmecReportHours: 12 },
      orderNumber: `2026-IO-${String((n % 9999) + 1).padStart(4, '0')}`,
      verificationCode: '7KQ2M-9XD4T',
      signedAt,
      signedByName: 'Hon. Maria Alvarez',
      createdAt: new Date('2026-03-02T15:00:00Z'),
      updatedAt: signedAt,
    },
    court: {
      name: 'Travis County Juvenile Court',
      county: 'Travis',
      state: 'TX',
      stateName: 'Texas',
      timezone: 'America/Chicago',
    },
    case: { docketNumber: `JC-2026-${String(n).padStart(4, '0')}` },
    child: { firstName: 'Avery', lastName: 'Demo' },
    agencies: null,
    title: file.title,
    publicBaseUrl: 'https://court.example',
  });
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
const summary = (times) => {
  const sorted = [...times].sort((a, b) => a - b);
  const round = (x) => Math.round(x * 100) / 100;
  return {
    n: sorted.length,
    p50: round(quantile(sorted, 0.5)),
    p95: round(quantile(sorted, 0.95)),
    p99: round(quantile(sorted, 0.99)),
    max: round(sorted[sorted.length - 1]),
  };
};

// 1. One order end to end, one core: as the service renders it (justified), and ragged right.
const sample = orderInput(1);
const samplePdf = await renderDocumentPdf(template, sample.data, sample.settings);
const pages = (samplePdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
const again = await renderDocumentPdf(template, sample.data, sample.settings);
const deterministic = createHash('sha256').update(samplePdf).digest('hex') === createHash('sha256').update(again).digest('hex');
let renderCount = 0;
async function timeRenders(n, align, into) {
  for (let i = 0; i < n; i += 1) {
    const start = performance.now();
    const { data, settings } = orderInput(renderCount++);
    await renderDocumentPdf(template, data, { ...settings, align });
    into.push(performance.now() - start);
  }
}
for (const align of ['justify', 'left']) await timeRenders(200, align, []);

// 2. 1,000 notices of hearing on every core.
const threads = availableParallelism();
const pool = new Piscina({
  filename: new URL('./render-worker.mjs', import.meta.url).href,
  minThreads: threads,
  maxThreads: threads,
  workerData: { dist, templatesDir },
});
// Warm every worker (JIT, templates compiled, widths measured) before timing; then hand out batches of 10, as a bulk job would.
const BATCH = 10;
await Promise.all(Array.from({ length: threads * 30 }, (_, i) => pool.run({ from: NOTICES + i * BATCH, to: NOTICES + (i + 1) * BATCH })));
const bulkStart = performance.now();
const sizes = await Promise.all(Array.from({ length: NOTICES / BATCH }, (_, i) => pool.run({ from: i * BATCH, to: (i + 1) * BATCH })));
const bulkSeconds = (performance.now() - bulkStart) / 1000;
await pool.destroy();
const oneCoreStart = performance.now();
{
  const notice = loadTemplateFiles(templatesDir).find((f) => f.kind === 'NOTICE_OF_HEARING');
  const { SAMPLE_DATA } = await import(`${dist}/src/orders/rendering/template-data.js`);
  const compiled = compileTemplate('NOTICE_OF_HEARING', notice.body);
  for (let i = 0; i < 200; i += 1) {
    await renderDocumentPdf(compiled, SAMPLE_DATA.NOTICE_OF_HEARING, {
      title: notice.title,
      author: 'Court',
      draft: false,
      footer: { reference: null, verification: null },
      createdAt: signedAt,
      modifiedAt: signedAt,
    });
  }
}
const oneCoreNoticesPerSecond = 200 / ((performance.now() - oneCoreStart) / 1000);

// 3. Chromium printing the preview HTML of the same order, browser kept open. Interleaved with
// pdfkit rounds, so that both see the same machine (a shared VM drifts over a run).
const justifiedTimes = [];
const raggedTimes = [];
let chrome = null;
const ROUNDS = 10;
if (existsSync(chromiumPath)) {
  const html = renderDocumentHtml(template, sample.data, sample.settings);
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    const print = async () => {
      await page.setContent(html, { waitUntil: 'load' });
      return page.pdf({ format: 'Letter', printBackground: true });
    };
    for (let i = 0; i < 10; i += 1) await print();
    const times = [];
    let bytes = 0;
    // Chromium's helper processes go on working a moment after page.pdf() answers: let them settle
    // before each block, so neither side is timed while the other still runs.
    const settle = () => new Promise((resolve) => setTimeout(resolve, 250));
    for (let round = 0; round < ROUNDS; round += 1) {
      await settle();
      await timeRenders(RENDERS / ROUNDS, 'justify', justifiedTimes);
      await timeRenders(RENDERS / ROUNDS, 'left', raggedTimes);
      await settle();
      for (let i = 0; i < CHROMIUM_RENDERS / ROUNDS; i += 1) {
        const start = performance.now();
        bytes = (await print()).length;
        times.push(performance.now() - start);
      }
    }
    chrome = { ...summary(times), pdfBytes: bytes };
  } finally {
    await browser.close();
  }
} else {
  await timeRenders(RENDERS, 'justify', justifiedTimes);
  await timeRenders(RENDERS, 'left', raggedTimes);
}
const single = summary(justifiedTimes);
const ragged = summary(raggedTimes);

const result = {
  bench: 'order rendering',
  cores: threads,
  node: process.version,
  individualOrder: {
    pages,
    pdfBytes: samplePdf.length,
    deterministic,
    renderMs: single,
    raggedRightRenderMs: ragged,
    target: 'p95 <= 20 ms',
  },
  noticesOfHearing: {
    documents: NOTICES,
    threads,
    seconds: Math.round(bulkSeconds * 100) / 100,
    documentsPerSecond: Math.round(NOTICES / bulkSeconds),
    oneCoreDocumentsPerSecond: Math.round(oneCoreNoticesPerSecond),
    batch: BATCH,
    averagePdfBytes: Math.round(sizes.reduce((a, b) => a + b, 0) / NOTICES),
    target: '>= 200 documents/s',
  },
  chromium: chrome
    ? {
        printMs: chrome,
        pdfBytes: chrome.pdfBytes,
        ratioP50: Math.round((chrome.p50 / single.p50) * 10) / 10,
        ratioP95: Math.round((chrome.p95 / single.p95) * 10) / 10,
        raggedRightRatioP50: Math.round((chrome.p50 / ragged.p50) * 10) / 10,
        target: '>= 10x',
      }
    : `skipped: ${chromiumPath} not found (apt-get install -y chromium)`,
};
console.log(JSON.stringify(result, null, 2));
mkdirSync(`${root}bench/results`, { recursive: true });
writeFileSync(
  `${root}bench/results/render-orders-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
  `${JSON.stringify(result, null, 2)}\n`,
);
