// A piscina worker for bench/render-orders.mjs: renders one notice of hearing
// end to end (data -> Handlebars -> Markdown -> PDF) with the built renderer.
import { workerData } from 'node:worker_threads';

const { dist, templatesDir } = workerData;
const { loadTemplateFiles } = await import(`${dist}/src/orders/rendering/template-files.js`);
const { compileTemplate } = await import(`${dist}/src/orders/rendering/template-compiler.js`);
const { renderDocumentPdf } = await import(`${dist}/src/orders/rendering/document-pipeline.js`);
const { SAMPLE_DATA } = await import(`${dist}/src/orders/rendering/template-data.js`);

const file = loadTemplateFiles(templatesDir).find((f) => f.kind === 'NOTICE_OF_HEARING');
const template = compileTemplate('NOTICE_OF_HEARING', file.body);

/** A batch of notices `[from, to)`, as a bulk job hands them to a worker; answers the bytes produced. */
export default async function renderNotices({ from, to }) {
  let bytes = 0;
  for (let n = from; n < to; n += 1) bytes += await renderNotice(n);
  return bytes;
}

/** One notice: its own docket number and hearing time, so no two documents are alike. */
async function renderNotice(n) {
  const data = {
    ...SAMPLE_DATA.NOTICE_OF_HEARING,
    case: { docketNumber: `JV-2026-${String(n).padStart(5, '0')}` },
    child: {
      initials: `${String.fromCharCode(65 + (n % 26))}.${String.fromCharCode(65 + ((n * 7) % 26))}.`,
    },
    hearing: {
      ...SAMPLE_DATA.NOTICE_OF_HEARING.hearing,
      time: `${8 + (n % 8)}:${n % 2 ? '30' : '00'} AM`,
    },
  };
  const pdf = await renderDocumentPdf(template, data, {
    title: file.title,
    author: data.court.name,
    draft: false,
    footer: {
      reference: `Notice of hearing, case ${data.case.docketNumber}`,
      verification: null,
    },
    createdAt: new Date(Date.UTC(2026, 2, 2, 15, 0, n % 60)),
    modifiedAt: new Date(Date.UTC(2026, 2, 2, 15, 0, n % 60)),
  });
  return pdf.length;
}
