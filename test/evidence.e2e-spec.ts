import { binary, fixture, pdf, sha256 } from './support/files.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { waitFor } from './support/wait.js';
import { createCase, seedWorld, type World } from './support/world.js';

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await startTestApp();
  w = await seedWorld(t);
});
afterAll(() => t?.close());

interface Obligation {
  id: string;
  type: string;
  status: string;
  dueAt: string;
  onTime: boolean | null;
  performedAt: string | null;
}

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
let docket = 0;

/** An episode discovered `discoveredHoursAgo` hours ago, optionally recovered; its obligations by type. */
async function episode(discoveredHoursAgo = 2, recovered = false) {
  const c = await createCase(t, w.clerkA, w.courtA, w.judgeA.id, `EV-${(docket += 1)}`, w.agency1);
  const opened = await t.http
    .post('/api/v1/episodes')
    .set(w.agency1User.auth)
    .send({
      childId: c.childId,
      missingSince: hoursAgo(discoveredHoursAgo + 1),
      discoveredAt: hoursAgo(discoveredHoursAgo),
    })
    .expect(201);
  let body = opened.body;
  if (recovered) {
    body = (
      await t.http
        .post(`/api/v1/episodes/${body.id}/recovery`)
        .set(w.agency1User.auth)
        .send({ recoveredAt: hoursAgo(0.5), recoveryLocation: 'Home' })
        .expect(200)
    ).body;
  }
  const by = Object.fromEntries((body.obligations as Obligation[]).map((o) => [o.type, o])) as Record<string, Obligation>;
  return { episode: body, child: c, by };
}

const obligation = async (id: string) => (await t.http.get(`/api/v1/obligations/${id}`).set(w.clerkA.auth).expect(200)).body as Obligation;
const submit = (id: string, who = w.agency1User) => t.http.post(`/api/v1/obligations/${id}/evidence`).set(who.auth);
const review = (id: string, body: Record<string, unknown>, who = w.clerkA) =>
  t.http.post(`/api/v1/evidence/${id}/review`).set(who.auth).send(body);

describe('law-enforcement report proof', () => {
  it('is submitted as JSON by the agency, reviewed by the clerk; a rejection reopens it, an acceptance satisfies it on time', async () => {
    const { by } = await episode();
    const performedAt = hoursAgo(1);
    const first = await submit(by.LAW_ENFORCEMENT_REPORT.id)
      .send({
        lawEnforcementAgency: 'Austin Police Department',
        reportNumber: 'APD-26-1234',
        officerName: 'Ofc. Smith',
        performedAt,
      })
      .expect(201);
    expect(first.body).toMatchObject({
      obligationId: by.LAW_ENFORCEMENT_REPORT.id,
      status: 'SUBMITTED',
      performedAt,
      reportNumber: 'APD-26-1234',
      file: null,
    });
    expect((await obligation(by.LAW_ENFORCEMENT_REPORT.id)).status).toBe('SUBMITTED');

    const second = await submit(by.LAW_ENFORCEMENT_REPORT.id)
      .send({ lawEnforcementAgency: 'APD', reportNumber: 'x', performedAt })
      .expect(409);
    expect(second.body.code).toBe('ProofAwaitingReview');

    const noReason = await review(first.body.id, {
      decision: 'REJECTED',
    }).expect(400);
    expect(noReason.body.errors[0].field).toBe('reason');
    await review(first.body.id, {
      decision: 'REJECTED',
      reason: 'Report number does not match the scan',
    }).expect(200);
    expect((await obligation(by.LAW_ENFORCEMENT_REPORT.id)).status).toBe('OPEN');
    await review(first.body.id, { decision: 'ACCEPTED' }).expect(409);

    const again = await submit(by.LAW_ENFORCEMENT_REPORT.id)
      .send({
        lawEnforcementAgency: 'Austin Police Department',
        reportNumber: 'APD-26-1235',
        performedAt,
      })
      .expect(201);
    const accepted = await review(again.body.id, { decision: 'ACCEPTED' }, w.judgeA).expect(200);
    expect(accepted.body.status).toBe('ACCEPTED');
    expect(await obligation(by.LAW_ENFORCEMENT_REPORT.id)).toMatchObject({
      status: 'SATISFIED',
      onTime: true,
      performedAt,
    });

    // the NCIC entry is re-dated to 2 hours after the report was made
    const ncic = await obligation(by.NCIC_ENTRY.id);
    expect(Date.parse(ncic.dueAt) - Date.parse(performedAt)).toBe(2 * 3_600_000);
    const history = await t.http.get(`/api/v1/obligations/${by.LAW_ENFORCEMENT_REPORT.id}/evidence`).set(w.clerkA.auth).expect(200);
    expect(history.body.items.map((e: { status: string }) => e.status)).toEqual(['REJECTED', 'ACCEPTED']);
    const firstPage = await t.http
      .get(`/api/v1/obligations/${by.LAW_ENFORCEMENT_REPORT.id}/evidence?limit=1`)
      .set(w.clerkA.auth)
      .expect(200);
    expect(firstPage.body.items.map((e: { status: string }) => e.status)).toEqual(['REJECTED']);
    const rest = await t.http
      .get(`/api/v1/obligations/${by.LAW_ENFORCEMENT_REPORT.id}/evidence?limit=1&cursor=${firstPage.body.nextCursor as string}`)
      .set(w.clerkA.auth)
      .expect(200);
    expect(rest.body).toMatchObject({ items: [{ status: 'ACCEPTED' }], nextCursor: null });
  });

  it('is late (onTime false) when performed after the deadline, even if the proof is accepted', async () => {
    const { by } = await episode(30);
    await waitFor(async () => (await obligation(by.LAW_ENFORCEMENT_REPORT.id)).status === 'OVERDUE', 15_000);
    const performedAt = hoursAgo(2); // 28 h after discovery, 4 h late
    const ev = await submit(by.LAW_ENFORCEMENT_REPORT.id)
      .send({ lawEnforcementAgency: 'APD', reportNumber: 'L-1', performedAt })
      .expect(201);
    await review(ev.body.id, { decision: 'ACCEPTED' }).expect(200);
    expect(await obligation(by.LAW_ENFORCEMENT_REPORT.id)).toMatchObject({
      status: 'SATISFIED',
      onTime: false,
    });
  });

  it.each([
    [{ reportNumber: 'x', performedAt: '2026-11-20T10:00:00Z' }, 'lawEnforcementAgency'],
    [{ lawEnforcementAgency: 'APD', reportNumber: 'x', performedAt: 'NOW' }, 'performedAt'],
    [{ lawEnforcementAgency: 'APD', performedAt: '2026-11-20T10:00:00Z' }, 'reportNumber'],
    [{ lawEnforcementAgency: 'APD', reportNumber: 'x' }, 'performedAt'],
    [
      {
        lawEnforcementAgency: 'APD',
        reportNumber: 'x',
        performedAt: '2099-01-01T00:00:00Z',
      },
      'performedAt',
    ],
    [
      {
        lawEnforcementAgency: 'APD',
        reportNumber: 'x',
        performedAt: '2020-01-01T00:00:00Z',
      },
      'performedAt',
    ],
    [
      {
        lawEnforcementAgency: 'APD',
        reportNumber: 'x',
        performedAt: '2026-11-20T10:00:00Z',
        ncicNumber: 'M123456789',
      },
      'ncicNumber',
    ],
    [
      {
        lawEnforcementAgency: 'APD',
        reportNumber: 'x',
        performedAt: '2026-11-20T10:00:00Z',
        shoeSize: 9,
      },
      'shoeSize',
    ],
  ])('refuses %j naming %s, writing nothing', async (body, field) => {
    const { by } = await episode();
    const res = await submit(by.LAW_ENFORCEMENT_REPORT.id).send(body).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect((await obligation(by.LAW_ENFORCEMENT_REPORT.id)).status).toBe('OPEN');
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM evidence WHERE obligation_id = $1`, [by.LAW_ENFORCEMENT_REPORT.id]);
    expect(n).toBe(0);
  });

  it('accepts a scanned report (PDF) and serves it back in scope', async () => {
    const { by } = await episode();
    const scan = await pdf('Offense report APD-26-77');
    const res = await submit(by.LAW_ENFORCEMENT_REPORT.id)
      .field('lawEnforcementAgency', 'APD')
      .field('reportNumber', 'APD-26-77')
      .field('performedAt', hoursAgo(1))
      .attach('file', scan, 'report.pdf')
      .expect(201);
    expect(res.body.file).toEqual({
      sha256: sha256(scan),
      contentType: 'application/pdf',
      byteSize: scan.length,
    });
    const file = await t.http.get(`/api/v1/evidence/${res.body.id}/file`).set(w.clerkA.auth).buffer(true).parse(binary).expect(200);
    expect((file.body as Buffer).equals(scan)).toBe(true);
    // An uploaded file is saved, never shown as a page of the API's origin.
    expect(file.headers['content-disposition']).toBe(`attachment; filename="evidence-${res.body.id as string}.pdf"`);
    expect(file.headers['content-security-policy']).toBe('sandbox');
    await t.http.get(`/api/v1/evidence/${res.body.id}/file`).set(w.clerkB.auth).expect(404);
    await t.http.get(`/api/v1/evidence/${res.body.id}`).set(w.agency2User.auth).expect(404);
  });
});

describe('other proof types', () => {
  it('NCIC entry needs an NCIC number: M and nine digits', async () => {
    const { by } = await episode();
    for (const ncicNumber of ['123456789', 'M12345678', 'N123456789', 'M1234567890']) {
      const res = await submit(by.NCIC_ENTRY.id)
        .send({ ncicNumber, performedAt: hoursAgo(1) })
        .expect(400);
      expect(res.body.errors[0].field).toBe('ncicNumber');
    }
    await submit(by.NCIC_ENTRY.id)
      .send({ ncicNumber: 'M123456789', performedAt: hoursAgo(1) })
      .expect(201);
  });

  it('NCMEC report needs the NCMEC case number', async () => {
    const { by } = await episode();
    const res = await submit(by.NCMEC_REPORT.id)
      .send({ performedAt: hoursAgo(1) })
      .expect(400);
    expect(res.body.errors[0].field).toBe('ncmecCaseNumber');
    await submit(by.NCMEC_REPORT.id)
      .send({ ncmecCaseNumber: '1234567', performedAt: hoursAgo(1) })
      .expect(201);
  });

  it('a photo proof is a JPEG or PNG, stripped of location data, and becomes the child’s latest photo', async () => {
    const { by, child } = await episode(2, true);
    const text = await submit(by.POST_RECOVERY_PHOTO.id)
      .field('performedAt', hoursAgo(0.25))
      .attach('file', fixture('not-an-image.jpg'), 'x.jpg')
      .expect(415);
    expect(text.body.errors[0].field).toBe('file');
    const missing = await submit(by.POST_RECOVERY_PHOTO.id)
      .send({ performedAt: hoursAgo(0.25) })
      .expect(400);
    expect(missing.body.errors[0].field).toBe('file');
    const before = await submit(by.POST_RECOVERY_PHOTO.id)
      .field('performedAt', hoursAgo(1.5))
      .attach('file', fixture('gps.jpg'), 'x.jpg')
      .expect(400);
    expect(before.body.errors[0]).toMatchObject({
      field: 'performedAt',
      message: expect.stringContaining('recovery'),
    });
    const res = await submit(by.POST_RECOVERY_PHOTO.id)
      .field('performedAt', hoursAgo(0.25))
      .attach('file', fixture('gps.jpg'), 'IMG.jpg')
      .expect(201);
    expect(res.body.photoId).toEqual(expect.any(String));
    const photo = await t.http.get(`/api/v1/photos/${res.body.photoId}`).set(w.clerkA.auth).buffer(true).parse(binary).expect(200);
    expect((photo.body as Buffer).toString('latin1')).not.toMatch(/TestPhone|GPS/);
    const kid = await t.http.get(`/api/v1/children/${child.childId}`).set(w.clerkA.auth).expect(200);
    expect(kid.body.latestPhoto.id).toBe(res.body.photoId);
  });

  it('a safety assessment is a PDF with traffickingConcern (multipart text "true"/"false" accepted)', async () => {
    const { by } = await episode(2, true);
    const jpeg = await submit(by.SAFETY_ASSESSMENT.id)
      .field('performedAt', hoursAgo(0.2))
      .field('traffickingConcern', 'false')
      .attach('file', fixture('plain.jpg'), 'a.jpg')
      .expect(415);
    expect(jpeg.body.errors[0].field).toBe('file');
    const noFlag = await submit(by.SAFETY_ASSESSMENT.id)
      .field('performedAt', hoursAgo(0.2))
      .attach('file', await pdf(), 'a.pdf')
      .expect(400);
    expect(noFlag.body.errors[0].field).toBe('traffickingConcern');
    const bad = await submit(by.SAFETY_ASSESSMENT.id)
      .field('performedAt', hoursAgo(0.2))
      .field('traffickingConcern', 'maybe')
      .attach('file', await pdf(), 'a.pdf')
      .expect(400);
    expect(bad.body.errors[0].field).toBe('traffickingConcern');
    const res = await submit(by.SAFETY_ASSESSMENT.id)
      .field('performedAt', hoursAgo(0.2))
      .field('traffickingConcern', 'true')
      .attach('file', await pdf(), 'a.pdf')
      .expect(201);
    expect(res.body).toMatchObject({
      traffickingConcern: true,
      file: { contentType: 'application/pdf' },
    });
  });

  it('a recovery notification carries both notice times; performedAt is the later one', async () => {
    const { by } = await episode(2, true);
    const le = hoursAgo(0.4);
    const ncmec = hoursAgo(0.3);
    const derived = await submit(by.RECOVERY_NOTIFICATION.id)
      .send({
        lawEnforcementNotifiedAt: le,
        ncmecNotifiedAt: ncmec,
        performedAt: le,
      })
      .expect(400);
    expect(derived.body.errors[0].field).toBe('performedAt');
    const missing = await submit(by.RECOVERY_NOTIFICATION.id).send({ lawEnforcementNotifiedAt: le }).expect(400);
    expect(missing.body.errors[0].field).toBe('ncmecNotifiedAt');
    const res = await submit(by.RECOVERY_NOTIFICATION.id).send({ lawEnforcementNotifiedAt: le, ncmecNotifiedAt: ncmec }).expect(201);
    expect(res.body.performedAt).toBe(ncmec);
  });

  it('a run debrief lists the factors; a status update has notes', async () => {
    const { by } = await episode(2, true);
    const empty = await submit(by.RUN_DEBRIEF.id)
      .send({ factors: [], performedAt: hoursAgo(0.2) })
      .expect(400);
    expect(empty.body.errors[0].field).toBe('factors');
    await submit(by.RUN_DEBRIEF.id)
      .send({
        factors: ['conflict with foster parent', 'contact with older boyfriend'],
        performedAt: hoursAgo(0.2),
        notes: 'Referred to counseling',
      })
      .expect(201);
    const open = await episode();
    const note = await submit(open.by.STATUS_UPDATE.id)
      .send({ performedAt: hoursAgo(0.5) })
      .expect(400);
    expect(note.body.errors[0].field).toBe('notes');
    await submit(open.by.STATUS_UPDATE.id)
      .send({ notes: 'Search continues with APD', performedAt: hoursAgo(0.5) })
      .expect(201);
  });
});

describe('who may', () => {
  it('submit: the agency and the court’s clerk; not a judge or admin (403), nor another tenant (404)', async () => {
    const { by } = await episode();
    const body = { ncmecCaseNumber: '99', performedAt: hoursAgo(1) };
    await submit(by.NCMEC_REPORT.id, w.judgeA).send(body).expect(403);
    await submit(by.NCMEC_REPORT.id, w.admin).send(body).expect(403);
    await submit(by.NCMEC_REPORT.id, w.clerkB).send(body).expect(404);
    await submit(by.NCMEC_REPORT.id, w.agency2User).send(body).expect(404);
    await submit(by.NCMEC_REPORT.id, w.clerkA).send(body).expect(201);
  });

  it('review: the court’s clerk or judge; not an agency (403) or another court (404)', async () => {
    const { by } = await episode();
    const ev = await submit(by.NCMEC_REPORT.id)
      .send({ ncmecCaseNumber: '7', performedAt: hoursAgo(1) })
      .expect(201);
    await review(ev.body.id, { decision: 'ACCEPTED' }, w.agency1User).expect(403);
    await review(ev.body.id, { decision: 'ACCEPTED' }, w.clerkB).expect(404);
    await review(ev.body.id, { decision: 'MAYBE' }).expect(400);
    await review(ev.body.id, { decision: 'ACCEPTED', extra: 1 }).expect(400);
    await review(ev.body.id, { decision: 'ACCEPTED' }).expect(200);
  });

  it('waive: a judge of the court with a reason', async () => {
    const { by } = await episode();
    const url = `/api/v1/obligations/${by.NCMEC_REPORT.id}/waive`;
    await t.http.post(url).set(w.clerkA.auth).send({ reason: 'x' }).expect(403);
    await t.http.post(url).set(w.agency1User.auth).send({ reason: 'x' }).expect(403);
    await t.http.post(url).set(w.judgeB.auth).send({ reason: 'x' }).expect(404);
    const noReason = await t.http.post(url).set(w.judgeA.auth).send({}).expect(400);
    expect(noReason.body.errors[0].field).toBe('reason');
    const res = await t.http
      .post(url)
      .set(w.judgeA.auth)
      .send({ reason: 'NCMEC intake confirmed by phone; case number pending' })
      .expect(200);
    expect(res.body).toMatchObject({
      status: 'WAIVED',
      waiverReason: 'NCMEC intake confirmed by phone; case number pending',
    });
    await t.http.post(url).set(w.judgeA.auth).send({ reason: 'again' }).expect(409);
    await submit(by.NCMEC_REPORT.id)
      .send({ ncmecCaseNumber: '1', performedAt: hoursAgo(1) })
      .expect(409);
    // a proof awaiting review must be reviewed first
    const ev = await submit(by.LAW_ENFORCEMENT_REPORT.id)
      .send({
        lawEnforcementAgency: 'APD',
        reportNumber: 'r',
        performedAt: hoursAgo(1),
      })
      .expect(201);
    await t.http.post(`/api/v1/obligations/${by.LAW_ENFORCEMENT_REPORT.id}/waive`).set(w.judgeA.auth).send({ reason: 'x' }).expect(409);
    expect(ev.body.id).toBeDefined();
  });
});

describe('GET /obligations', () => {
  it('lists in scope with filters, soonest due first', async () => {
    const { episode: e } = await episode();
    const res = await t.http
      .get(`/api/v1/obligations?courtId=${w.courtA}&type=NCMEC_REPORT&status=OPEN&limit=500`)
      .set(w.clerkA.auth)
      .expect(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(res.body.items.every((o: Obligation) => o.type === 'NCMEC_REPORT' && o.status === 'OPEN')).toBe(true);
    const dues = res.body.items.map((o: Obligation) => o.dueAt);
    expect([...dues].sort()).toEqual(dues);
    const soon = await t.http
      .get(`/api/v1/obligations?dueBefore=${encodeURIComponent(new Date(Date.now() + 48 * 3_600_000).toISOString())}&limit=500`)
      .set(w.agency1User.auth)
      .expect(200);
    expect(soon.body.items.every((o: Obligation) => Date.parse(o.dueAt) < Date.now() + 48 * 3_600_000)).toBe(true);
    const other = await t.http.get('/api/v1/obligations').set(w.clerkB.auth).expect(200);
    expect(other.body.items).toEqual([]);
    await t.http.get(`/api/v1/obligations/${e.obligations[0].id}`).set(w.agency2User.auth).expect(404);
    await t.http.get('/api/v1/obligations?type=SELFIE').set(w.clerkA.auth).expect(400);
    await t.http.get('/api/v1/obligations?dueBefore=tomorrow').set(w.clerkA.auth).expect(400);
  });
});
