import { randomUUID } from 'node:crypto';
import { DocumentRenderingService } from '../src/orders/document-rendering.service.js';
import { TemplateDataError } from '../src/orders/rendering/template-compiler.js';
import { SAMPLE_DATA } from '../src/orders/rendering/template-data.js';
import { defaultTemplatesDir, loadTemplateFiles } from '../src/orders/rendering/template-files.js';
import { binary, pdfText, sha256 } from './support/files.js';
import { expectProblem, refusedWithoutWrites } from './support/orders.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { seedWorld, type SeededUser, type World } from './support/world.js';

/** Template versions (built-in and court-specific), their checks, escaping end to end, and rendering for other modules. */

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await startTestApp();
  w = await seedWorld(t);
});
afterAll(() => t?.close());

const builtIn = loadTemplateFiles(defaultTemplatesDir());
const individualBody = builtIn.find((f) => f.kind === 'INDIVIDUAL_ORDER')!.body;
const courtVersion = (marker: string) => individualBody.replace('### Findings', `${marker}\n\n### Findings`);
const postTemplate = (body: Record<string, unknown>, by: SeededUser = w.admin) =>
  t.http.post('/api/v1/order-templates').set(by.auth).send(body);
const pdfOf = async (id: string) =>
  (await t.http.get(`/api/v1/orders/${id}/pdf`).set(w.judgeA.auth).buffer(true).parse(binary).expect(200)).body as Buffer;
type TemplateItem = {
  id: string;
  key: string;
  kind: string;
  version: number;
  courtId: string | null;
  current: boolean;
};

describe('GET /order-templates', () => {
  it.each(['admin', 'judgeA', 'clerkB', 'agency3User'] as const)('lists the five built-in templates to %s', async (who) => {
    const res = await t.http.get('/api/v1/order-templates').set(w[who].auth).expect(200);
    const builtIns = (res.body.items as TemplateItem[]).filter((x) => x.courtId === null);
    expect(builtIns.map((x) => [x.kind, x.key, x.version]).sort()).toEqual([
      ['INDIVIDUAL_ORDER', 'individual-order', 1],
      ['NOTICE_OF_HEARING', 'notice-of-hearing', 1],
      ['ORDER_CONTINUING_JURISDICTION', 'order-continuing-jurisdiction', 1],
      ['ORDER_TO_SHOW_CAUSE', 'order-to-show-cause', 1],
      ['STANDING_ORDER', 'standing-order', 1],
    ]);
    for (const item of res.body.items as Array<Record<string, unknown>>)
      expect(item).toEqual(
        expect.objectContaining({
          key: expect.any(String),
          kind: expect.any(String),
          version: expect.any(Number),
          title: expect.any(String),
        }),
      );
  });

  it('refuses a caller without credentials (401) and bad filters (400)', async () => {
    expectProblem(await t.http.get('/api/v1/order-templates'), 401);
    expectProblem(await t.http.get('/api/v1/order-templates?kind=LETTER').set(w.judgeA.auth), 400, 'kind');
  });
});

describe("a court's own template versions", () => {
  let pinnedDraft: string;

  beforeAll(async () => {
    pinnedDraft = (
      await t.http.post('/api/v1/orders').set(w.clerkA.auth).send({ kind: 'INDIVIDUAL', courtId: w.courtA, caseId: w.caseA.id }).expect(201)
    ).body.id;
  });

  it('lets an ADMIN add versions (1, 2, ...) that are never edited in place', async () => {
    const first = await postTemplate({
      courtId: w.courtA,
      kind: 'INDIVIDUAL_ORDER',
      title: 'Court A Missing-Child Order',
      body: courtVersion('Court A wording, first version.'),
    }).expect(201);
    expect(first.body).toMatchObject({
      key: 'individual-order',
      kind: 'INDIVIDUAL_ORDER',
      version: 1,
      courtId: w.courtA,
      title: 'Court A Missing-Child Order',
    });
    const second = await postTemplate({
      courtId: w.courtA,
      kind: 'INDIVIDUAL_ORDER',
      title: 'Court A Missing-Child Order',
      body: courtVersion('Court A wording, second version.'),
    }).expect(201);
    expect(second.body).toMatchObject({ version: 2, courtId: w.courtA });
    const [audit] = await t.db.query(
      `SELECT action, court_id, details FROM audit_events WHERE entity_type = 'order_template' AND entity_id = $1`,
      [second.body.id],
    );
    expect(audit).toEqual({
      action: 'create',
      court_id: w.courtA,
      details: { kind: 'INDIVIDUAL_ORDER', version: 2 },
    });
    await expect(t.db.query(`UPDATE order_templates SET body = 'x' WHERE id = $1`, [second.body.id])).rejects.toThrow(/immutable/);
  });

  it("shows a court's versions to that court only, marking the one new orders use", async () => {
    const mine = (await t.http.get(`/api/v1/order-templates?courtId=${w.courtA}&kind=INDIVIDUAL_ORDER`).set(w.clerkA.auth).expect(200)).body
      .items as TemplateItem[];
    expect(mine.map((x) => [x.courtId, x.version, x.current])).toEqual([
      [null, 1, false],
      [w.courtA, 1, false],
      [w.courtA, 2, true],
    ]);
    // Page by page, the same versions in the same order, each still marked as on one page.
    const paged: TemplateItem[] = [];
    let cursor: string | null = null;
    do {
      const page = await t.http
        .get(`/api/v1/order-templates?courtId=${w.courtA}&kind=INDIVIDUAL_ORDER&limit=1${cursor ? `&cursor=${cursor}` : ''}`)
        .set(w.clerkA.auth)
        .expect(200);
      paged.push(...(page.body.items as TemplateItem[]));
      cursor = page.body.nextCursor as string | null;
    } while (cursor);
    expect(paged).toEqual(mine);
    const theirs = (await t.http.get('/api/v1/order-templates').set(w.judgeB.auth).expect(200)).body.items as TemplateItem[];
    expect(theirs.every((x) => x.courtId === null)).toBe(true);
    const courtA = mine.find((x) => x.courtId === w.courtA)!;
    expectProblem(await t.http.get(`/api/v1/order-templates/${courtA.id}`).set(w.judgeB.auth), 404);
    const detail = await t.http.get(`/api/v1/order-templates/${courtA.id}`).set(w.judgeA.auth).expect(200);
    expect(detail.body.body).toContain('Court A wording, first version.');
  });

  it("renders a new order with the court's newest version and records it; another court keeps the built-in; an older draft keeps its version", async () => {
    const order = (
      await t.http.post('/api/v1/orders').set(w.judgeA.auth).send({ kind: 'INDIVIDUAL', courtId: w.courtA, caseId: w.caseA.id }).expect(201)
    ).body;
    expect(order.template).toMatchObject({
      key: 'individual-order',
      version: 2,
      courtId: w.courtA,
    });
    const signed = (await t.http.post(`/api/v1/orders/${order.id}/sign`).set(w.judgeA.auth).expect(200)).body;
    const { text } = await pdfText(await pdfOf(order.id));
    expect(text).toContain('Court A wording, second version.');
    expect(text).toContain(signed.orderNumber);

    const pinned = (await t.http.get(`/api/v1/orders/${pinnedDraft}`).set(w.judgeA.auth).expect(200)).body;
    expect(pinned.template).toMatchObject({ version: 1, courtId: null });
    expect((await pdfText(await pdfOf(pinnedDraft))).text).not.toContain('Court A wording');

    const other = (
      await t.http.post('/api/v1/orders').set(w.judgeB.auth).send({ kind: 'INDIVIDUAL', courtId: w.courtB, caseId: w.caseB.id }).expect(201)
    ).body;
    expect(other.template).toMatchObject({ version: 1, courtId: null });
  });

  describe('bad templates: a 400 naming the problem, and nothing written', () => {
    it.each<[string, string, RegExp]>([
      ['a syntax error', courtVersion('{{#if signed}}unclosed'), /^syntax error: Parse error on line \d+/],
      ['an unknown variable', courtVersion('Child: {{child.name}}'), /^unknown variable "child.name" \(line \d+\)$/],
      [
        'a deadline left out',
        individualBody.replace('{{deadlines.ncmecReport}}', '24 hours'),
        /^required variable "deadlines.ncmecReport" is never printed$/,
      ],
      ['a helper call', courtVersion('{{lookup court "name"}}'), /^helpers are not allowed/],
      ['a partial', courtVersion('{{> caption}}'), /^partials are not allowed/],
    ])('%s', async (_name, body, message) => {
      const res = await refusedWithoutWrites(
        t,
        () =>
          postTemplate({
            courtId: w.courtA,
            kind: 'INDIVIDUAL_ORDER',
            title: 'Bad',
            body,
          }),
        400,
        'body',
      );
      expect(
        (res.body.errors as Array<{ field: string; message: string }>).some((e) => e.field === 'body' && message.test(e.message)),
      ).toBe(true);
    });

    it.each<[string, () => Record<string, unknown>, string]>([
      [
        'a court that does not exist',
        () => ({
          courtId: randomUUID(),
          kind: 'NOTICE_OF_HEARING',
          title: 'x',
          body: '{{court.name}}',
        }),
        'courtId',
      ],
      [
        'an unknown kind',
        () => ({
          courtId: w.courtA,
          kind: 'LETTER',
          title: 'x',
          body: '{{court.name}}',
        }),
        'kind',
      ],
      [
        'an empty body',
        () => ({
          courtId: w.courtA,
          kind: 'NOTICE_OF_HEARING',
          title: 'x',
          body: '',
        }),
        'body',
      ],
      [
        'no title',
        () => ({
          courtId: w.courtA,
          kind: 'NOTICE_OF_HEARING',
          title: '  ',
          body: '{{court.name}}',
        }),
        'title',
      ],
      [
        'an unknown field',
        () => ({
          courtId: w.courtA,
          kind: 'NOTICE_OF_HEARING',
          title: 'x',
          body: '{{court.name}}',
          version: 9,
        }),
        'version',
      ],
    ])('%s', async (_name, body, field) => {
      await refusedWithoutWrites(t, () => postTemplate(body()), 400, field);
    });
  });

  it.each(['judgeA', 'clerkA', 'agency1User'] as const)('refuses %s with 403 and writes nothing', async (who) => {
    await refusedWithoutWrites(
      t,
      () =>
        postTemplate(
          {
            courtId: w.courtA,
            kind: 'NOTICE_OF_HEARING',
            title: 'x',
            body: '{{court.name}}',
          },
          w[who],
        ),
      403,
    );
  });
});

describe('escaping, end to end', () => {
  it('prints an agency named like markup literally in the PDF and the preview, and a template cannot inject HTML', async () => {
    const agency = randomUUID();
    await t.db.query(`INSERT INTO agencies (id, name, kind, state) VALUES ($1, '*Jo_<b> & {{court.name}}', 'CHILD_WELFARE', 'TX')`, [
      agency,
    ]);
    const body = builtIn
      .find((f) => f.kind === 'STANDING_ORDER')!
      .body.replace('### Findings', '<script>alert(1)</script>\n\n### Findings');
    await postTemplate({
      courtId: w.courtB,
      kind: 'STANDING_ORDER',
      title: 'Standing Order',
      body,
    }).expect(201);
    const order = (
      await t.http
        .post('/api/v1/orders')
        .set(w.clerkB.auth)
        .send({ kind: 'STANDING', courtId: w.courtB, agencyIds: [agency] })
        .expect(201)
    ).body;
    const bytes = (await t.http.get(`/api/v1/orders/${order.id}/pdf`).set(w.clerkB.auth).buffer(true).parse(binary).expect(200))
      .body as Buffer;
    const { text } = await pdfText(bytes);
    expect(text).toContain('• *Jo_<b> & {{court.name}}');
    expect(text).toContain('<script>alert(1)</script>');
    const preview = await t.http.get(`/api/v1/orders/${order.id}/preview`).set(w.clerkB.auth).expect(200);
    expect(preview.text).toContain('*Jo_&lt;b&gt; &amp; {{court.name}}');
    expect(preview.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(preview.text).not.toMatch(/<b>|<script>/);
  });
});

describe('DocumentRenderingService (for the hearings and episodes modules)', () => {
  it("renders a notice of hearing with the court's current version, deterministically", async () => {
    const renderer = t.app.get(DocumentRenderingService);
    const data = {
      ...SAMPLE_DATA.NOTICE_OF_HEARING,
      case: { docketNumber: 'A-0001' },
      hearing: {
        ...SAMPLE_DATA.NOTICE_OF_HEARING.hearing,
        date: 'Friday, March 6, 2026',
      },
    };
    const options = {
      draft: false,
      documentDate: new Date('2026-03-02T15:00:00Z'),
      reference: 'Notice for case A-0001',
    };
    const a = await renderer.render('NOTICE_OF_HEARING', w.courtA, data, options);
    const b = await renderer.render('NOTICE_OF_HEARING', w.courtA, data, options);
    expect(sha256(a.pdf)).toBe(sha256(b.pdf));
    expect(a.template).toMatchObject({
      key: 'notice-of-hearing',
      version: 1,
      courtId: null,
      title: 'Notice of Hearing',
    });
    const { text } = await pdfText(a.pdf);
    expect(text).toContain('NOTICE OF HEARING');
    expect(text).toContain('Date: Friday, March 6, 2026');
    expect(text).toContain('Case No. A-0001');
    expect(text).toContain('Page 1 of 1');
    expect(a.markdown).toContain('**Date:** Friday\\, March 6\\, 2026');
    expect(a.html).toContain('<strong>Date:</strong> Friday, March 6, 2026');
  });

  it('renders an order to show cause with its table of missed steps, and names a missing variable', async () => {
    const renderer = t.app.get(DocumentRenderingService);
    const osc = await renderer.render('ORDER_TO_SHOW_CAUSE', w.courtA, SAMPLE_DATA.ORDER_TO_SHOW_CAUSE, {
      draft: true,
      documentDate: new Date('2026-03-02T15:00:00Z'),
    });
    const { text } = await pdfText(osc.pdf);
    expect(text).toContain('Report the child to NCMEC March 2, 2026 at 10:15 AM CST OVERDUE');
    expect(text).toContain('DRAFT');
    const { hearing: _omitted, ...withoutHearing } = SAMPLE_DATA.ORDER_TO_SHOW_CAUSE;
    await expect(
      renderer.render('ORDER_TO_SHOW_CAUSE', w.courtA, withoutHearing as never, { draft: true, documentDate: new Date() }),
    ).rejects.toThrow(new TemplateDataError('template data: missing variable "hearing"'));
  });
});
