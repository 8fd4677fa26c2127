import { PDFParse } from 'pdf-parse';
import { posterLeaks } from '../src/episodes/poster.js';
import { binary, fixture, pdf as scannedPdf, pdfText } from './support/files.js';
import { expectProblem } from './support/orders.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createCase, seedWorld, type SeededUser, type World } from './support/world.js';

/** The report packet and the poster: what each says (read back from the PDF), who may have them, and when the poster is refused. */

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await startTestApp();
  w = await seedWorld(t);
});
afterAll(() => t?.close());

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

/** A case in court A placed with agency 1 (with a caseworker), a photo on file, and a signed individual order. */
async function childOnRecord(docket: string, terms: Record<string, unknown> = {}) {
  const c = await createCase(t, w.clerkA, w.courtA, w.judgeA.id, docket, null, {
    hairColor: 'Brown',
    eyeColor: 'Green',
    hasBraces: false,
    riskFactors: ['asthma (inhaler)', 'autism'],
  });
  await t.http
    .post(`/api/v1/cases/${c.id}/placements`)
    .set(w.clerkA.auth)
    .send({
      agencyId: w.agency1,
      placementType: 'GROUP_HOME',
      startedAt: '2026-01-05T09:00:00-06:00',
      caseworkerName: 'Casey Worker',
      caseworkerEmail: 'casey@agency-one.example',
    })
    .expect(201);
  const photo = await t.http
    .post(`/api/v1/children/${c.childId}/photos`)
    .set(w.clerkA.auth)
    .field('takenAt', hoursAgo(48))
    .attach('file', fixture('plain.jpg'), { filename: 'photo.jpg', contentType: 'image/jpeg' })
    .expect(201);
  const order = await t.http
    .post('/api/v1/orders')
    .set(w.clerkA.auth)
    .send({ kind: 'INDIVIDUAL', courtId: w.courtA, caseId: c.id, terms })
    .expect(201);
  const signed = await t.http.post(`/api/v1/orders/${order.body.id}/sign`).set(w.judgeA.auth).expect(200);
  const episode = await t.http
    .post('/api/v1/episodes')
    .set(w.agency1User.auth)
    .send({
      childId: c.childId,
      missingSince: hoursAgo(3),
      lastSeenLocation: 'Bus stop on 5th and Main, outside the group home',
      lastSeenCity: 'Austin',
      clothingDescription: 'Red hoodie, blue jeans',
      circumstances: 'Left after dinner without a word',
      companions: ['an older friend called Sam'],
      childPhone: '512-555-0100',
      socialMedia: ['@jamie.runs'],
    })
    .expect(201);
  return { ...c, episodeId: episode.body.id as string, photoId: photo.body.id as string, orderNumber: signed.body.orderNumber as string };
}

const download = async (episodeId: string, document: 'report-packet' | 'poster', by: SeededUser = w.clerkA): Promise<Buffer> => {
  const res = await t.http.get(`/api/v1/episodes/${episodeId}/${document}.pdf`).set(by.auth).buffer(true).parse(binary).expect(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  expect(res.headers['cache-control']).toBe('private, no-store');
  return res.body as Buffer;
};
const photoBytes = async (photoId: string): Promise<Buffer> =>
  (await t.http.get(`/api/v1/photos/${photoId}`).set(w.clerkA.auth).buffer(true).parse(binary).expect(200)).body as Buffer;
const metadata = async (pdf: Buffer): Promise<string> => {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return JSON.stringify((await parser.getInfo()).info);
  } finally {
    await parser.destroy();
  }
};

describe('GET /episodes/:id/report-packet.pdf', () => {
  let child: Awaited<ReturnType<typeof childOnRecord>>;
  let pdf: Buffer;

  beforeAll(async () => {
    child = await childOnRecord('A-PKT-1');
    pdf = await download(child.episodeId, 'report-packet', w.agency1User);
  });

  it('has everything law enforcement and NCMEC ask for, on one or two pages', async () => {
    const { text, pages } = await pdfText(pdf);
    expect(pages).toBeLessThanOrEqual(2);
    for (const expected of [
      'MISSING CHILD REPORT PACKET',
      'call 1-800-THE-LOST (1-800-843-5678)',
      'Case No. A-PKT-1',
      'Name Jamie Doe',
      'Date of birth April 17, 2011',
      'Sex Female',
      'Height 5 ft 1 in (61 in)',
      'Weight 98 lbs',
      'Hair Brown',
      'Eyes Green',
      'Glasses Yes',
      'Braces No',
      'butterfly tattoo on left wrist',
      'asthma (inhaler)',
      'autism',
      'Where Bus stop on 5th and Main, outside the group home',
      'City Austin',
      'Clothing Red hoodie, blue jeans',
      'Left after dinner without a word',
      "Child's phone 512-555-0100",
      'an older friend called Sam',
      '@jamie.runs',
      'Agency Agency One',
      'Caseworker Casey Worker, casey@agency-one.example',
      `authorized by Order No. ${child.orderNumber}`,
      'Latest photo, taken',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/When \w+ \d+, \d{4} at \d+:\d\d [AP]M C[SD]T/);
  });

  it('embeds the latest photo, byte for byte as stored', async () => {
    expect(pdf.includes(await photoBytes(child.photoId))).toBe(true);
    expect(pdf.toString('latin1')).toMatch(/\/Subtype \/Image[\s\S]*\/Filter \/DCTDecode/);
  });

  it('is for the agency of the episode, the clerk and the judge of the court', async () => {
    await download(child.episodeId, 'report-packet', w.clerkA);
    await download(child.episodeId, 'report-packet', w.judgeA);
    expectProblem(await t.http.get(`/api/v1/episodes/${child.episodeId}/report-packet.pdf`).set(w.admin.auth), 403);
    expectProblem(await t.http.get(`/api/v1/episodes/${child.episodeId}/report-packet.pdf`).set(w.clerkB.auth), 404);
    expectProblem(await t.http.get(`/api/v1/episodes/${child.episodeId}/report-packet.pdf`).set(w.agency2User.auth), 404);
    expectProblem(await t.http.get(`/api/v1/episodes/${child.episodeId}/report-packet.pdf`), 401);
  });

  it('refuses an id that is not a UUID (400) and an unknown episode (404)', async () => {
    expectProblem(await t.http.get('/api/v1/episodes/nope/report-packet.pdf').set(w.clerkA.auth), 400, 'id');
    expectProblem(await t.http.get('/api/v1/episodes/0c8d2f8e-54a1-4c1f-9a5e-4c2b8b0b7a11/report-packet.pdf').set(w.clerkA.auth), 404);
  });

  it('is audited as a read of the child', async () => {
    const rows = await t.db.query(
      `SELECT actor_id, court_id, details FROM audit_events WHERE entity_type = 'child' AND entity_id = $1 AND action = 'read' ORDER BY seq`,
      [child.childId],
    );
    expect(rows.filter((r: { details: { document?: string } }) => r.details.document === 'report_packet')).toEqual(
      [w.agency1User, w.clerkA, w.judgeA].map((u) => ({
        actor_id: u.id,
        court_id: w.courtA,
        details: { document: 'report_packet', episodeId: child.episodeId, photoId: child.photoId },
      })),
    );
  });
});

describe('GET /episodes/:id/poster.pdf', () => {
  let child: Awaited<ReturnType<typeof childOnRecord>>;
  let pdf: Buffer;

  beforeAll(async () => {
    child = await childOnRecord('A-PST-1');
    pdf = await download(child.episodeId, 'poster', w.agency1User);
  });

  it('prints the publishable subset on one page: name, age, height, weight, hair, eyes, missing since, city, whom to call', async () => {
    const { text, pages } = await pdfText(pdf);
    expect(pages).toBe(1);
    for (const expected of [
      'MISSING',
      'JAMIE DOE',
      'Age now: 15 years old',
      'Height: 5 ft 1 in',
      'Weight: 98 lbs',
      'Hair: Brown',
      'Eyes: Green',
      'Missing since:',
      'Last seen in: Austin',
      'call 1-800-THE-LOST (1-800-843-5678) or local law enforcement',
    ]) {
      expect(text).toContain(expected);
    }
    expect(pdf.includes(await photoBytes(child.photoId))).toBe(true);
  });

  it('says nothing more: no forbidden word, no court or agency name, no birth date, marks or risks, in the text or the metadata', async () => {
    const { text } = await pdfText(pdf);
    expect(posterLeaks(text, ['Court A', 'Agency One'])).toEqual([]);
    expect(posterLeaks(await metadata(pdf), ['Court A', 'Agency One'])).toEqual([]);
    expect(text).not.toMatch(/2011|tattoo|asthma|autism|group home|hoodie|5th and Main|512-555|@jamie|A-PST-1|Casey/);
  });

  it('is refused (409) once the child is recovered, while the packet stays available (and names a trafficking concern found)', async () => {
    const c = await childOnRecord('A-PST-2');
    const recovered = await t.http
      .post(`/api/v1/episodes/${c.episodeId}/recovery`)
      .set(w.agency1User.auth)
      .send({ recoveredAt: hoursAgo(1), recoveryLocation: 'Downtown shelter' })
      .expect(200);
    const res = await t.http.get(`/api/v1/episodes/${c.episodeId}/poster.pdf`).set(w.agency1User.auth);
    expectProblem(res, 409);
    expect(res.body.code ?? res.body.type).toMatch(/PosterWithdrawn/);
    expect((await pdfText(await download(c.episodeId, 'report-packet'))).text).not.toContain('Suspected trafficking');
    const assessment = (recovered.body.obligations as Array<{ id: string; type: string }>).find((o) => o.type === 'SAFETY_ASSESSMENT')!;
    const proof = await t.http
      .post(`/api/v1/obligations/${assessment.id}/evidence`)
      .set(w.agency1User.auth)
      .field('performedAt', hoursAgo(0.5))
      .field('traffickingConcern', 'true')
      .attach('file', await scannedPdf(), 'assessment.pdf')
      .expect(201);
    await t.http.post(`/api/v1/evidence/${proof.body.id}/review`).set(w.clerkA.auth).send({ decision: 'ACCEPTED' }).expect(200);
    expect((await pdfText(await download(c.episodeId, 'report-packet'))).text).toContain(
      'Suspected trafficking (a safety assessment found a concern)',
    );
  });

  it('is refused (409) when the order that governs the episode does not authorize releasing the photo; the packet says so', async () => {
    const c = await childOnRecord('A-PST-3', { photoReleaseAuthorized: false });
    const res = await t.http.get(`/api/v1/episodes/${c.episodeId}/poster.pdf`).set(w.clerkA.auth);
    expectProblem(res, 409);
    expect(res.body.code ?? res.body.type).toMatch(/PhotoReleaseNotAuthorized/);
    const { text } = await pdfText(await download(c.episodeId, 'report-packet'));
    expect(text).toContain(`Release of the photo for publication is NOT authorized (Order No. ${c.orderNumber})`);
    const order = await t.db.query(`SELECT terms FROM orders WHERE order_number = $1 AND court_id = $2`, [c.orderNumber, w.courtA]);
    expect(order[0].terms.photoReleaseAuthorized).toBe(false);
  });

  it('is for the agency of the episode, the clerk and the judge of the court', async () => {
    await download(child.episodeId, 'poster', w.judgeA);
    expectProblem(await t.http.get(`/api/v1/episodes/${child.episodeId}/poster.pdf`).set(w.admin.auth), 403);
    expectProblem(await t.http.get(`/api/v1/episodes/${child.episodeId}/poster.pdf`).set(w.judgeB.auth), 404);
    expectProblem(await t.http.get(`/api/v1/episodes/${child.episodeId}/poster.pdf`).set(w.agency3User.auth), 404);
    expectProblem(await t.http.get(`/api/v1/episodes/${child.episodeId}/poster.pdf`), 401);
    expectProblem(await t.http.get('/api/v1/episodes/123/poster.pdf').set(w.clerkA.auth), 400, 'id');
  });

  it('is audited as a read of the child', async () => {
    const [row] = await t.db.query(
      `SELECT actor_id, details FROM audit_events WHERE entity_type = 'child' AND entity_id = $1 AND details->>'document' = 'poster' ORDER BY seq LIMIT 1`,
      [child.childId],
    );
    expect(row).toEqual({
      actor_id: w.agency1User.id,
      details: { document: 'poster', episodeId: child.episodeId, photoId: child.photoId },
    });
  });
});
