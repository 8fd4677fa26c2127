import { DateTime } from 'luxon';
import { readFileSync } from 'node:fs';
import { jobId } from '../src/outbox/queues.js';
import { ApplicableOrderService } from '../src/orders/applicable-order.service.js';
import { OrderDocumentsService } from '../src/orders/order-documents.service.js';
import { DEFAULT_TERMS } from '../src/orders/order-terms.js';
import { binary, pdfText, sha256 } from './support/files.js';
import { expectProblem, refusedWithoutWrites } from './support/orders.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createCase, seedWorld, type SeededUser, type World } from './support/world.js';

/** Signing, the signed PDF, its verification, vacating, superseding, and which order applies. */

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await startTestApp({ PUBLIC_BASE_URL: 'https://court.example' });
  w = await seedWorld(t);
});
afterAll(() => t?.close());

type Order = { id: string; [key: string]: unknown };
const year = () => DateTime.now().setZone('America/Chicago').year;
const draft = async (body: Record<string, unknown>, by: SeededUser = w.clerkA): Promise<Order> =>
  (await t.http.post('/api/v1/orders').set(by.auth).send(body).expect(201)).body as Order;
const sign = async (id: string, by: SeededUser = w.judgeA): Promise<Order> =>
  (await t.http.post(`/api/v1/orders/${id}/sign`).set(by.auth).expect(200)).body as Order;
const pdf = async (id: string, by: SeededUser = w.judgeA): Promise<Buffer> => {
  const res = await t.http.get(`/api/v1/orders/${id}/pdf`).set(by.auth).buffer(true).parse(binary).expect(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  return res.body as Buffer;
};
const verifyHash = async (hash: string) =>
  (await t.http.get(`/api/v1/orders/verify?sha256=${hash}`).expect(200)).body as Record<string, unknown>;
const verifyFile = (bytes: Buffer, name = 'order.pdf') =>
  t.http.post('/api/v1/orders/verify').attach('file', bytes, { filename: name, contentType: 'application/pdf' });

const TERMS = {
  lawEnforcementReportHours: 6,
  ncicEntryHours: 1.5,
  ncmecReportHours: 12,
  runDebriefHours: 96,
  photoMaxAgeDays: 90,
  hearingWithinCourtDays: 2,
};

describe('signing an individual order', () => {
  let order: Order;
  let signed: Order;
  let bytes: Buffer;

  beforeAll(async () => {
    order = await draft({
      kind: 'INDIVIDUAL',
      courtId: w.courtA,
      caseId: w.caseA.id,
      terms: TERMS,
    });
    signed = await sign(order.id);
    bytes = await pdf(order.id);
  });

  it('answers SIGNED with signer, number, hash and effectiveAt defaulting to signedAt', () => {
    expect(signed).toMatchObject({
      id: order.id,
      status: 'SIGNED',
      signedBy: w.judgeA.id,
      signedByName: 'JudgeA',
      orderNumber: `${year()}-IO-0001`,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      verificationCode: expect.stringMatching(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/),
    });
    expect(signed.effectiveAt).toBe(signed.signedAt);
    expect(signed.terms).toEqual({ ...DEFAULT_TERMS, ...TERMS });
  });

  it('stores the PDF: the SHA-256 of the downloaded bytes is the one recorded, and the same bytes come back each time', async () => {
    expect(sha256(bytes)).toBe(signed.sha256);
    expect(sha256(await pdf(order.id, w.clerkA))).toBe(signed.sha256);
    const [row] = await t.db.query(`SELECT sha256, byte_size FROM order_documents WHERE order_id = $1`, [order.id]);
    expect(row).toEqual({ sha256: signed.sha256, byte_size: bytes.length });
  });

  it('reads like a court order: caption, every clause, the deadlines from its terms, signature, number and how to verify', async () => {
    const { text, pages } = await pdfText(bytes);
    expect(pages).toBeGreaterThanOrEqual(2);
    const expected = [
      'COURT A',
      'Travis County, Texas',
      'In the Interest of J.D., a minor child',
      'Case No. A-0001',
      'ORDER REGARDING A CHILD MISSING FROM CARE',
      // LE immediately, with documentation to the court
      'Report the child as missing to the law-enforcement agency with jurisdiction immediately, and in no event later than 6 hours',
      'file documentation of the report',
      // what LE must be given
      "Give law enforcement, with the report, the child's: • name;",
      '• date of birth;',
      '• height and weight;',
      '• description, including any unique identifiers such as tattoos, body piercings, eyeglasses and braces;',
      '• clothing worn when the child went missing or was last seen; and',
      '• current photograph.',
      // NCIC and its documentation
      'National Crime Information Center (NCIC) Missing Person File within 1.5 hours of the report, and file documentation of the entry',
      // NCMEC within the deadline
      '1-800-THE-LOST (1-800-843-5678) within 12 hours',
      'taken within the last 90 days',
      'missing-child poster is AUTHORIZED',
      'the poster shall not state that the child is in state care',
      'take an updated photograph of the child',
      'complete a safety assessment of the child, including a screening for sex trafficking, within 72 hours (3 days)',
      'within 96 hours (4 days)',
      'Request a hearing before this Court immediately upon learning that the child is missing; the hearing shall be set within 2 court days',
      'because the child is missing, has been missing for a long time, or turns 18 while missing',
      'IT IS SO ORDERED.',
      `SIGNED on ${DateTime.fromISO(signed.signedAt as string)
        .setZone('America/Chicago')
        .setLocale('en-US')
        .toFormat('MMMM d, yyyy')}.`,
      '/s/ JudgeA Judge Presiding',
      `Order No. ${signed.orderNumber} | Verification code ${signed.verificationCode}`,
      `https://court.example/api/v1/orders/verify?code=${signed.verificationCode}`,
    ];
    for (const phrase of expected) expect(text).toContain(phrase);
    for (let page = 1; page <= pages; page += 1) expect(text).toContain(`Page ${page} of ${pages}`);
    expect(text).not.toContain('DRAFT');
    // the child appears by initials only
    expect(text).not.toMatch(/Jamie|Doe|2011/);
  });

  it('re-renders a signed order to the very same bytes from what it stored (deterministic)', async () => {
    const again = await t.app.get(OrderDocumentsService).rerenderSigned(order.id);
    expect(sha256(again)).toBe(signed.sha256);
    const [row] = await t.db.query(`SELECT rendered_from FROM orders WHERE id = $1`, [order.id]);
    expect(row.rendered_from.data).toMatchObject({
      child: { initials: 'J.D.' },
      case: { docketNumber: 'A-0001' },
      signed: true,
    });
    expect(JSON.stringify(row.rendered_from)).not.toMatch(/Jamie|Doe/);
  });

  it('writes one outbox row order.signed for the docket (and one to serve it on the case), and audits the signature, without child data', async () => {
    const rows = await t.db.query(
      `SELECT queue, job_name, job_id, payload FROM outbox WHERE payload->>'orderId' = $1 AND queue = 'docket-sync'`,
      [order.id],
    );
    const served = await t.db.query(`SELECT job_name, payload FROM outbox WHERE payload->>'orderId' = $1 AND queue = 'notifications'`, [
      order.id,
    ]);
    expect(served).toEqual([
      {
        job_name: 'notification.fan-out',
        payload: {
          type: 'order.signed',
          orderId: order.id,
          orderNumber: signed.orderNumber,
          kind: 'INDIVIDUAL',
          caseId: w.caseA.id,
          courtId: w.courtA,
        },
      },
    ]);
    expect(rows).toEqual([
      {
        queue: 'docket-sync',
        job_name: 'order.signed',
        job_id: jobId('order', order.id, 'signed'),
        payload: expect.objectContaining({
          orderId: order.id,
          orderNumber: signed.orderNumber,
          kind: 'INDIVIDUAL',
          docketNumber: 'A-0001',
          sha256: signed.sha256,
        }),
      },
    ]);
    const audits = await t.db.query(`SELECT action, actor_id, details FROM audit_events WHERE entity_id = $1 AND action = 'sign'`, [
      order.id,
    ]);
    expect(audits).toEqual([
      {
        action: 'sign',
        actor_id: w.judgeA.id,
        details: expect.objectContaining({ orderNumber: signed.orderNumber }),
      },
    ]);
    expect(JSON.stringify([rows, audits])).not.toMatch(/Jamie|Doe/);
  });

  it('serves the HTML preview of the same text', async () => {
    const res = await t.http.get(`/api/v1/orders/${order.id}/preview`).set(w.agency1User.auth).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    for (const phrase of [
      'Case No. <strong>A-0001</strong>',
      '1-800-THE-LOST',
      'within 1.5 hours',
      'IT IS SO ORDERED.',
      '/s/ JudgeA',
      `Order No. ${signed.orderNumber}`,
    ]) {
      expect(res.text).toContain(phrase);
    }
    expect(res.text).not.toContain('DRAFT');
    expectProblem(await t.http.get(`/api/v1/orders/${order.id}/preview`).set(w.judgeB.auth), 404);
    expectProblem(await t.http.get(`/api/v1/orders/${order.id}/pdf`).set(w.agency2User.auth), 404);
  });

  it('numbers orders per court, kind and year', async () => {
    const second = await sign(
      (
        await draft({
          kind: 'INDIVIDUAL',
          courtId: w.courtA,
          caseId: w.caseA.id,
        })
      ).id,
    );
    expect(second.orderNumber).toBe(`${year()}-IO-0002`);
    const courtB = await sign((await draft({ kind: 'INDIVIDUAL', courtId: w.courtB, caseId: w.caseB.id }, w.clerkB)).id, w.judgeB);
    expect(courtB.orderNumber).toBe(`${year()}-IO-0001`);
  });
});

describe('verification', () => {
  let signed: Order;
  let bytes: Buffer;
  beforeAll(async () => {
    signed = await sign(
      (
        await draft({
          kind: 'INDIVIDUAL',
          courtId: w.courtA,
          caseId: w.caseA.id,
        })
      ).id,
    );
    bytes = await pdf(signed.id);
  });

  it('confirms a genuine PDF by hash, by upload and by its code, with no child data and no login', async () => {
    const expected = {
      valid: true,
      orderNumber: signed.orderNumber,
      status: 'SIGNED',
      signedAt: signed.signedAt,
      courtName: 'Court A',
    };
    expect(await verifyHash(sha256(bytes))).toEqual(expected);
    expect(await verifyHash(sha256(bytes).toUpperCase())).toEqual(expected);
    const uploaded = await verifyFile(bytes).expect(200);
    expect(uploaded.body).toEqual(expected);
    const byCode = await t.http.get(`/api/v1/orders/verify?code=${(signed.verificationCode as string).toLowerCase()}`).expect(200);
    expect(byCode.body).toEqual(expected);
  });

  it('fails a PDF with one byte changed, and an unknown hash or code', async () => {
    const tampered = Buffer.from(bytes);
    const at = Math.floor(tampered.length / 2);
    tampered[at] = tampered[at] ^ 0x01;
    expect(await verifyHash(sha256(tampered))).toEqual({ valid: false });
    expect((await verifyFile(tampered).expect(200)).body).toEqual({
      valid: false,
    });
    expect(await verifyHash('0'.repeat(64))).toEqual({ valid: false });
    expect((await t.http.get('/api/v1/orders/verify?code=ZZZZZ-ZZZZZ').expect(200)).body).toEqual({ valid: false });
  });

  it('never verifies a draft', async () => {
    const d = await draft({
      kind: 'INDIVIDUAL',
      courtId: w.courtA,
      caseId: w.caseA.id,
    });
    expect((await verifyFile(await pdf(d.id)).expect(200)).body).toEqual({
      valid: false,
    });
  });

  it('refuses bad input: 400 for a malformed hash or none, 415 for a file that is not a PDF, 400 without a file, 413 over 20 MB', async () => {
    expectProblem(await t.http.get('/api/v1/orders/verify?sha256=abc'), 400, 'sha256');
    expectProblem(await t.http.get('/api/v1/orders/verify'), 400, 'sha256');
    expectProblem(await t.http.get(`/api/v1/orders/verify?sha256=${'a'.repeat(64)}&code=ABCDE-12345`), 400, 'sha256');
    expectProblem(await t.http.get('/api/v1/orders/verify?other=1'), 400, 'other');
    const jpeg = readFileSync(new URL('./fixtures/plain.jpg', import.meta.url));
    expectProblem(
      await t.http.post('/api/v1/orders/verify').attach('file', jpeg, {
        filename: 'order.pdf',
        contentType: 'application/pdf',
      }),
      415,
      'file',
    );
    expectProblem(await t.http.post('/api/v1/orders/verify').field('note', 'no file'), 400, 'file');
    const huge = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(21 * 1024 * 1024, 0x20)]);
    expectProblem(await verifyFile(huge), 413);
  });
});

describe('drafts', () => {
  it('carry a DRAFT mark, no number and no signature, and render the same bytes until changed', async () => {
    const d = await draft({
      kind: 'INDIVIDUAL',
      courtId: w.courtA,
      caseId: w.caseA.id,
    });
    const first = await pdf(d.id);
    const { text } = await pdfText(first);
    expect(text).toContain('DRAFT - NOT SIGNED - NOT AN ORDER OF THE COURT');
    expect(text).toContain('Case No. A-0001');
    expect(text).not.toContain('/s/');
    expect(text).not.toContain('Order No.');
    expect(sha256(await pdf(d.id, w.clerkA))).toBe(sha256(first));
    await t.http
      .patch(`/api/v1/orders/${d.id}`)
      .set(w.clerkA.auth)
      .send({ terms: { ncicEntryHours: 1 } })
      .expect(200);
    const changed = await pdf(d.id);
    expect(sha256(changed)).not.toBe(sha256(first));
    expect((await pdfText(changed)).text).toContain('within 1 hour of the report');
    const preview = await t.http.get(`/api/v1/orders/${d.id}/preview`).set(w.judgeA.auth).expect(200);
    expect(preview.text).toContain('DRAFT - NOT SIGNED - NOT AN ORDER OF THE COURT');
    expectProblem(await t.http.get(`/api/v1/orders/${d.id}/pdf`).set(w.agency1User.auth), 404);
  });
});

describe('who may sign, and signing twice', () => {
  let d: Order;
  beforeAll(async () => {
    d = await draft({
      kind: 'INDIVIDUAL',
      courtId: w.courtA,
      caseId: w.caseA.id,
    });
  });

  it.each(['clerkA', 'agency1User', 'admin'] as const)('refuses %s with 403 and writes nothing', async (who) => {
    await refusedWithoutWrites(t, () => t.http.post(`/api/v1/orders/${d.id}/sign`).set(w[who].auth), 403);
  });

  it('answers a judge of another court 404 and writes nothing', async () => {
    await refusedWithoutWrites(t, () => t.http.post(`/api/v1/orders/${d.id}/sign`).set(w.judgeB.auth), 404);
    await refusedWithoutWrites(t, () => t.http.post(`/api/v1/orders/00000000-0000-4000-8000-000000000000/sign`).set(w.judgeA.auth), 404);
  });

  it('refuses a second signature with 409 and writes nothing (no second number, PDF or outbox row)', async () => {
    await sign(d.id);
    const res = await refusedWithoutWrites(t, () => t.http.post(`/api/v1/orders/${d.id}/sign`).set(w.judgeA.auth), 409);
    expect(res.body.code).toBe('OrderAlreadySigned');
  });

  it('refuses to sign an order whose effectiveAt has passed (400), writing nothing', async () => {
    const late = await draft({
      kind: 'INDIVIDUAL',
      courtId: w.courtA,
      caseId: w.caseA.id,
    });
    await t.db.query(`UPDATE orders SET effective_at = now() - interval '1 day' WHERE id = $1`, [late.id]);
    await refusedWithoutWrites(t, () => t.http.post(`/api/v1/orders/${late.id}/sign`).set(w.judgeA.auth), 400, 'effectiveAt');
  });

  it('is frozen by the database too: a signed order cannot be edited or its PDF replaced', async () => {
    await expect(t.db.query(`UPDATE orders SET terms = '{}' WHERE id = $1`, [d.id])).rejects.toThrow(/frozen/);
    await expect(t.db.query(`UPDATE order_documents SET pdf = '\\x00' WHERE order_id = $1`, [d.id])).rejects.toThrow(/never changed/);
  });
});

describe('standing orders and vacating', () => {
  it('marks the earlier standing order SUPERSEDED when a second is signed; its PDF still verifies, with that status', async () => {
    const first = await sign(
      (
        await draft({
          kind: 'STANDING',
          courtId: w.courtA,
          agencyIds: [w.agency1],
        })
      ).id,
    );
    expect(first.orderNumber).toBe(`${year()}-SO-0001`);
    const firstPdf = await pdf(first.id);
    const { text } = await pdfText(firstPdf);
    expect(text).toContain(`Standing Order No. ${first.orderNumber}`);
    expect(text).toContain('Agency One');
    expect(text).toContain('1-800-THE-LOST');
    const second = await sign((await draft({ kind: 'STANDING', courtId: w.courtA })).id);
    expect(second.orderNumber).toBe(`${year()}-SO-0002`);
    expect((await pdfText(await pdf(second.id))).text).toContain(
      'every child-welfare agency, juvenile-justice agency and placement provider',
    );
    const old = await t.http.get(`/api/v1/orders/${first.id}`).set(w.judgeA.auth).expect(200);
    expect(old.body).toMatchObject({
      status: 'SUPERSEDED',
      supersededBy: second.id,
      supersededAt: second.signedAt,
    });
    expect(await verifyHash(sha256(firstPdf))).toMatchObject({
      valid: true,
      status: 'SUPERSEDED',
      orderNumber: first.orderNumber,
    });
    const audit = await t.db.query(`SELECT details FROM audit_events WHERE entity_id = $1 AND action = 'sign'`, [second.id]);
    expect(audit[0].details.supersedes).toEqual([first.id]);
  });

  it('vacates a signed order with its reason; its PDF verifies as VACATED', async () => {
    const signed = await sign(
      (
        await draft({
          kind: 'INDIVIDUAL',
          courtId: w.courtA,
          caseId: w.caseA.id,
        })
      ).id,
    );
    const bytes = await pdf(signed.id);
    const res = await t.http
      .post(`/api/v1/orders/${signed.id}/vacate`)
      .set(w.judgeA.auth)
      .send({ reason: '  Entered in error.  ' })
      .expect(200);
    expect(res.body).toMatchObject({
      status: 'VACATED',
      vacatedBy: w.judgeA.id,
      vacateReason: 'Entered in error.',
      vacatedAt: expect.any(String),
    });
    expect(await verifyHash(sha256(bytes))).toMatchObject({
      valid: true,
      status: 'VACATED',
    });
    expect(sha256(await pdf(signed.id))).toBe(signed.sha256);
    const [{ count }] = await t.db.query(`SELECT count(*) FROM audit_events WHERE entity_id = $1 AND action = 'vacate'`, [signed.id]);
    expect(count).toBe(1);
  });

  it('refuses to vacate without a reason (400), twice or a draft (409), by a clerk (403) or another court (404), writing nothing', async () => {
    const signed = await sign(
      (
        await draft({
          kind: 'INDIVIDUAL',
          courtId: w.courtA,
          caseId: w.caseA.id,
        })
      ).id,
    );
    const vacate =
      (by: SeededUser, body: Record<string, unknown>, id = signed.id) =>
      () =>
        t.http.post(`/api/v1/orders/${id}/vacate`).set(by.auth).send(body);
    await refusedWithoutWrites(t, vacate(w.judgeA, {}), 400, 'reason');
    await refusedWithoutWrites(t, vacate(w.judgeA, { reason: '   ' }), 400, 'reason');
    await refusedWithoutWrites(t, vacate(w.judgeA, { reason: 42 }), 400, 'reason');
    await refusedWithoutWrites(t, vacate(w.clerkA, { reason: 'x' }), 403);
    await refusedWithoutWrites(t, vacate(w.agency1User, { reason: 'x' }), 403);
    await refusedWithoutWrites(t, vacate(w.judgeB, { reason: 'x' }), 404);
    const d = await draft({
      kind: 'INDIVIDUAL',
      courtId: w.courtA,
      caseId: w.caseA.id,
    });
    await refusedWithoutWrites(t, vacate(w.judgeA, { reason: 'x' }, d.id), 409);
    await t.http.post(`/api/v1/orders/${signed.id}/vacate`).set(w.judgeA.auth).send({ reason: 'x' }).expect(200);
    const again = await refusedWithoutWrites(t, vacate(w.judgeA, { reason: 'again' }), 409);
    expect(again.body.code).toBe('OrderAlreadyVacated');
  });
});

describe('which order applies (ApplicableOrderService against the database)', () => {
  it("prefers the case's individual order, falls back to the binding standing order in force, else none", async () => {
    const applicable = t.app.get(ApplicableOrderService);
    const find = (caseId: string, agencyId: string | null, at = new Date()) =>
      applicable.find(t.db.manager, {
        courtId: w.courtA,
        caseId,
        agencyId,
        at,
      });
    // a fresh court-A case, placed with agency 3, so earlier tests' orders do not interfere with its individual orders
    const fresh = await createCase(t, w.clerkA, w.courtA, w.judgeA.id, 'A-APPLY-1', w.agency3);

    // the court's newest standing order (from the tests above) binds every agency
    const standing = (await t.db.query(`SELECT id FROM orders WHERE court_id = $1 AND kind = 'STANDING' AND status = 'SIGNED'`, [
      w.courtA,
    ])) as Array<{ id: string }>;
    expect(standing).toHaveLength(1);
    expect((await find(fresh.id, w.agency3))?.orderId).toBe(standing[0].id);

    const io = await sign(
      (
        await draft({
          kind: 'INDIVIDUAL',
          courtId: w.courtA,
          caseId: fresh.id,
          terms: { ncmecReportHours: 6 },
        })
      ).id,
    );
    const found = await find(fresh.id, w.agency3);
    expect(found).toEqual({
      orderId: io.id,
      terms: { ...DEFAULT_TERMS, ncmecReportHours: 6 },
    });
    // before it took effect, the standing order governed
    expect((await find(fresh.id, w.agency3, new Date(new Date(io.effectiveAt as string).getTime() - 1)))?.orderId).toBe(standing[0].id);

    await t.http.post(`/api/v1/orders/${io.id}/vacate`).set(w.judgeA.auth).send({ reason: 'replaced' }).expect(200);
    expect((await find(fresh.id, w.agency3))?.orderId).toBe(standing[0].id);

    // a new standing order for agency 2 only, effective in an hour: until then the old one is in force (though SUPERSEDED)
    const later = new Date(Date.now() + 3_600_000);
    const narrow = await sign(
      (
        await draft({
          kind: 'STANDING',
          courtId: w.courtA,
          agencyIds: [w.agency2],
          effectiveAt: later.toISOString(),
        })
      ).id,
    );
    const [{ status }] = await t.db.query(`SELECT status FROM orders WHERE id = $1`, [standing[0].id]);
    expect(status).toBe('SUPERSEDED');
    expect((await find(fresh.id, w.agency3))?.orderId).toBe(standing[0].id);
    const afterwards = new Date(later.getTime() + 1000);
    expect(await find(fresh.id, w.agency3, afterwards)).toBeNull();
    expect((await find(fresh.id, w.agency2, afterwards))?.orderId).toBe(narrow.id);
    expect(await find(fresh.id, null, afterwards)).toBeNull();
  });
});

describe('public verification is rate limited', () => {
  it('answers 429 once an address has checked 60 times in a minute', async () => {
    // (the tests above already used some of this minute's checks)
    const answers = [];
    for (let i = 0; i < 65; i += 1) answers.push(await t.http.get(`/api/v1/orders/verify?sha256=${'0'.repeat(64)}`));
    const statuses = answers.map((res) => res.status);
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(60);
    expect(statuses.slice(statuses.indexOf(429))).toEqual(statuses.slice(statuses.indexOf(429)).map(() => 429));
    const limited = answers.find((res) => res.status === 429)!;
    expect(limited.headers['content-type']).toMatch(/problem\+json/);
    expect(limited.headers['retry-after']).toBeDefined();
  });
});
