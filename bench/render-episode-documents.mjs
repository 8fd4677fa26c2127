// Report packet and poster, data to PDF with the latest photo embedded, through the same
// Markdown -> pdfkit pipeline as the orders: p50/p95 of 500 renders each. Target p95 <= 50 ms.
//   npm run build && node bench/render-episode-documents.mjs
import { readFileSync } from 'node:fs';
import { buildPoster, SAMPLE_POSTER } from '../dist/src/episodes/poster.js';
import { buildReportPacket, SAMPLE_REPORT_PACKET } from '../dist/src/episodes/report-packet.js';
import { renderMarkdownPdf } from '../dist/src/orders/rendering/document-pipeline.js';
import { loadDocumentTemplate } from '../dist/src/orders/rendering/document-templates.js';

const RENDERS = Number(process.env.RENDERS ?? 500);
// A phone photo as the service stores it (metadata stripped); PHOTO=path to try another.
const photo = readFileSync(process.env.PHOTO ?? new URL('../test/fixtures/gps.jpg', import.meta.url));
const now = new Date('2026-03-02T12:00:00-06:00');
const child = {
  firstName: 'Jamie',
  middleName: 'Lee',
  lastName: 'Doe',
  dateOfBirth: '2011-04-17',
  sex: 'F',
  heightInches: 61,
  weightPounds: 98,
  hairColor: 'Brown',
  eyeColor: 'Green',
  identifyingMarks: ['butterfly tattoo on left wrist', 'pierced left eyebrow'],
  wearsGlasses: true,
  hasBraces: false,
  riskFactors: ['asthma (inhaler)', 'autism'],
};
const episode = {
  missingSince: new Date('2026-03-01T18:00:00-06:00'),
  discoveredAt: new Date('2026-03-01T21:15:00-06:00'),
  lastSeenLocation: 'Bus stop on 5th and Main',
  lastSeenCity: 'Austin',
  clothingDescription: 'Red hoodie, blue jeans, white sneakers',
  circumstances: 'Left after dinner without a word; phone off since 8 pm',
  companions: ['an older friend called Sam'],
  childPhone: '512-555-0100',
  socialMedia: ['@jamie.runs', 'snap: jamie_d'],
};
const documents = {
  packet: {
    template: loadDocumentTemplate('report-packet', SAMPLE_REPORT_PACKET),
    data: () =>
      buildReportPacket({
        child,
        episode,
        traffickingConcern: false,
        photo: { takenAt: new Date('2026-02-20T15:00:00-06:00') },
        agency: {
          name: 'Department of Family and Protective Services',
          caseworkerName: 'Casey Worker',
          caseworkerEmail: 'casey@dfps.example',
        },
        court: { name: 'Travis County Juvenile Court', timezone: 'America/Chicago' },
        docketNumber: 'JV-2026-00123',
        release: { orderNumber: '2026-IO-0001', authorized: true },
        now,
      }),
  },
  poster: {
    template: loadDocumentTemplate('poster', SAMPLE_POSTER),
    data: () =>
      buildPoster({
        ...child,
        missingSince: episode.missingSince,
        lastSeenCity: 'Austin',
        photo: { takenAt: new Date('2026-02-20T15:00:00-06:00') },
        timezone: 'America/Chicago',
        now,
        withheldNames: ['Travis County Juvenile Court', 'Department of Family and Protective Services'],
      }),
  },
};

const result = { bench: 'report packet and poster, data to PDF with the photo embedded', renders: RENDERS, photoBytes: photo.length };
for (const [name, doc] of Object.entries(documents)) {
  const settings = {
    title: doc.template.title,
    author: 'bench',
    draft: false,
    footer: { reference: null, verification: null },
    createdAt: now,
    modifiedAt: now,
    align: 'left',
    images: { photo },
  };
  for (let i = 0; i < 20; i += 1) await renderMarkdownPdf(doc.template.template.render(doc.data()), settings); // warm up
  const times = [];
  let bytes = 0;
  for (let i = 0; i < RENDERS; i += 1) {
    const started = performance.now();
    const pdf = await renderMarkdownPdf(doc.template.template.render(doc.data()), settings);
    times.push(performance.now() - started);
    bytes = pdf.length;
  }
  times.sort((a, b) => a - b);
  const at = (q) => +times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)].toFixed(2);
  result[name] = { p50Ms: at(0.5), p95Ms: at(0.95), maxMs: +times.at(-1).toFixed(2), pdfBytes: bytes };
}
console.log(JSON.stringify(result, null, 2));
