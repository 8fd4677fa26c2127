import { DEFAULT_TERMS } from '../src/orders/order-terms.js';
import { expectProblem, refusedWithoutWrites } from './support/orders.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { seedWorld, type World } from './support/world.js';

/** Drafting orders (POST, PATCH) and reading them (GET one, list), for every role. Signing: orders-signing.e2e-spec.ts. */

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await startTestApp();
  w = await seedWorld(t);
});
afterAll(() => t?.close());

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();
const individual = (overrides: Record<string, unknown> = {}) => ({
  kind: 'INDIVIDUAL',
  courtId: w.courtA,
  caseId: w.caseA.id,
  ...overrides,
});
const draft = async (by = w.judgeA, body: Record<string, unknown> = individual()) => {
  const res = await t.http.post('/api/v1/orders').set(by.auth).send(body).expect(201);
  return res.body as { id: string; [key: string]: unknown };
};

describe('POST /orders', () => {
  it('lets a judge draft an individual order with every default term filled in and the template version recorded', async () => {
    const res = await t.http
      .post('/api/v1/orders')
      .set(w.judgeA.auth)
      .send(
        individual({
          terms: { ncicEntryHours: 1.5, requestHearingOnMissing: false },
        }),
      )
      .expect(201);
    expect(res.body).toMatchObject({
      kind: 'INDIVIDUAL',
      status: 'DRAFT',
      courtId: w.courtA,
      caseId: w.caseA.id,
      agencyIds: null,
      effectiveAt: null,
      terms: {
        ...DEFAULT_TERMS,
        ncicEntryHours: 1.5,
        requestHearingOnMissing: false,
      },
      template: { key: 'individual-order', version: 1, courtId: null },
      orderNumber: null,
      sha256: null,
      signedAt: null,
      createdBy: w.judgeA.id,
    });
    expect(Object.keys(res.body.terms).sort()).toEqual(Object.keys(DEFAULT_TERMS).sort());
    const [row] = await t.db.query(`SELECT status, terms, template_id FROM orders WHERE id = $1`, [res.body.id]);
    expect(row).toEqual({
      status: 'DRAFT',
      terms: res.body.terms,
      template_id: res.body.template.id,
    });
    const audits = await t.db.query(`SELECT action, details FROM audit_events WHERE entity_type = 'order' AND entity_id = $1`, [
      res.body.id,
    ]);
    expect(audits).toEqual([
      {
        action: 'create',
        details: expect.objectContaining({
          kind: 'INDIVIDUAL',
          caseId: w.caseA.id,
        }),
      },
    ]);
    expect(JSON.stringify(audits)).not.toMatch(/Jamie|Doe|2011-04-17/);
  });

  it('lets a clerk draft a standing order for named agencies, or for every agency when none are named', async () => {
    const some = await draft(w.clerkA, {
      kind: 'STANDING',
      courtId: w.courtA,
      agencyIds: [w.agency1, w.agency2],
      effectiveAt: inAnHour(),
    });
    expect(some).toMatchObject({
      kind: 'STANDING',
      status: 'DRAFT',
      caseId: null,
      agencyIds: [w.agency1, w.agency2],
      terms: DEFAULT_TERMS,
    });
    expect(some.template).toMatchObject({ key: 'standing-order', version: 1 });
    const every = await draft(w.clerkA, {
      kind: 'STANDING',
      courtId: w.courtA,
    });
    expect(every.agencyIds).toBeNull();
    expect(
      (
        await draft(w.clerkA, {
          kind: 'STANDING',
          courtId: w.courtA,
          agencyIds: [],
        })
      ).agencyIds,
    ).toBeNull();
  });

  it('answers the first answer again for a repeated Idempotency-Key and creates nothing new', async () => {
    const send = () => t.http.post('/api/v1/orders').set(w.clerkA.auth).set('Idempotency-Key', 'order-draft-1').send(individual());
    const first = await send().expect(201);
    const again = await send().expect(201);
    expect(again.body.id).toBe(first.body.id);
    const [{ count }] = await t.db.query(`SELECT count(*) FROM orders WHERE id = $1`, [first.body.id]);
    expect(count).toBe(1);
  });

  describe('who may not', () => {
    it.each(['agency1User', 'admin'] as const)('refuses %s with 403 before anything is looked up', async (who) => {
      await refusedWithoutWrites(t, () => t.http.post('/api/v1/orders').set(w[who].auth).send(individual()), 403);
    });

    it('answers a judge or clerk of another court 404 for this court', async () => {
      await refusedWithoutWrites(t, () => t.http.post('/api/v1/orders').set(w.judgeB.auth).send(individual()), 404);
      await refusedWithoutWrites(
        t,
        () => t.http.post('/api/v1/orders').set(w.clerkB.auth).send({ kind: 'STANDING', courtId: w.courtA }),
        404,
      );
    });

    it('refuses a request without credentials (401)', async () => {
      await refusedWithoutWrites(t, () => t.http.post('/api/v1/orders').send(individual()), 401);
    });
  });

  describe('bad input: a 400 naming the field, and nothing written', () => {
    const NO_SUCH = '00000000-0000-4000-8000-000000000009';
    it.each<[string, () => Record<string, unknown>, string]>([
      ['an INDIVIDUAL order without caseId', () => ({ kind: 'INDIVIDUAL', courtId: w.courtA }), 'caseId'],
      ['a case of another court', () => individual({ caseId: w.caseB.id }), 'caseId'],
      ['a case that does not exist', () => individual({ caseId: NO_SUCH }), 'caseId'],
      ['agencyIds on an individual order', () => individual({ agencyIds: [w.agency1] }), 'agencyIds'],
      [
        'a STANDING order with an agency that does not exist',
        () => ({
          kind: 'STANDING',
          courtId: w.courtA,
          agencyIds: [w.agency1, NO_SUCH],
        }),
        'agencyIds',
      ],
      ['a STANDING order with a case', () => ({ kind: 'STANDING', courtId: w.courtA, caseId: w.caseA.id }), 'caseId'],
      ['agencyIds that are not ids', () => ({ kind: 'STANDING', courtId: w.courtA, agencyIds: ['nope'] }), 'agencyIds'],
      ['a zero term', () => individual({ terms: { ncicEntryHours: 0 } }), 'terms.ncicEntryHours'],
      ['a negative term', () => individual({ terms: { ncmecReportHours: -24 } }), 'terms.ncmecReportHours'],
      ['a term that is not a number', () => individual({ terms: { lawEnforcementReportHours: '24' } }), 'terms.lawEnforcementReportHours'],
      ['a null term', () => individual({ terms: { runDebriefHours: null } }), 'terms.runDebriefHours'],
      ['fractional days', () => individual({ terms: { photoMaxAgeDays: 1.5 } }), 'terms.photoMaxAgeDays'],
      ['a switch that is not a boolean', () => individual({ terms: { requestHearingOnMissing: 'yes' } }), 'terms.requestHearingOnMissing'],
      ['an unknown term', () => individual({ terms: { ncicEntryMinutes: 30 } }), 'terms.ncicEntryMinutes'],
      ['terms that are not an object', () => individual({ terms: [1, 2] }), 'terms'],
      ['an unknown field', () => individual({ judge: 'me' }), 'judge'],
      ['an unknown kind', () => individual({ kind: 'TEMPORARY' }), 'kind'],
      ['an effectiveAt without an offset', () => individual({ effectiveAt: '2030-01-01T10:00:00' }), 'effectiveAt'],
      ['an effectiveAt in the past', () => individual({ effectiveAt: '2020-01-01T10:00:00Z' }), 'effectiveAt'],
    ])('%s', async (_name, body, field) => {
      await refusedWithoutWrites(t, () => t.http.post('/api/v1/orders').set(w.judgeA.auth).send(body()), 400, field);
    });

    it('refuses malformed JSON and a body over 1 MB', async () => {
      await refusedWithoutWrites(
        t,
        () => t.http.post('/api/v1/orders').set(w.judgeA.auth).set('content-type', 'application/json').send('{"kind":'),
        400,
      );
      await refusedWithoutWrites(
        t,
        () =>
          t.http
            .post('/api/v1/orders')
            .set(w.judgeA.auth)
            .send({ ...individual(), pad: 'x'.repeat(1024 * 1024) }),
        413,
      );
    });
  });
});

describe('PATCH /orders/:id', () => {
  it('changes a draft: terms merge, effectiveAt set and cleared, agencies of a standing order', async () => {
    const order = await draft(w.clerkA);
    const res = await t.http
      .patch(`/api/v1/orders/${order.id}`)
      .set(w.judgeA.auth)
      .send({ terms: { ncmecReportHours: 12 }, effectiveAt: inAnHour() })
      .expect(200);
    expect(res.body.terms).toEqual({ ...DEFAULT_TERMS, ncmecReportHours: 12 });
    expect(res.body.effectiveAt).not.toBeNull();
    expect(new Date(res.body.updatedAt).getTime()).toBeGreaterThan(new Date(order.updatedAt as string).getTime());
    const again = await t.http
      .patch(`/api/v1/orders/${order.id}`)
      .set(w.clerkA.auth)
      .send({ terms: { ncicEntryHours: 1 }, effectiveAt: null })
      .expect(200);
    expect(again.body.terms).toEqual({
      ...DEFAULT_TERMS,
      ncmecReportHours: 12,
      ncicEntryHours: 1,
    });
    expect(again.body.effectiveAt).toBeNull();

    const standing = await draft(w.clerkA, {
      kind: 'STANDING',
      courtId: w.courtA,
      agencyIds: [w.agency1],
    });
    const bound = await t.http
      .patch(`/api/v1/orders/${standing.id}`)
      .set(w.clerkA.auth)
      .send({ agencyIds: [w.agency3] })
      .expect(200);
    expect(bound.body.agencyIds).toEqual([w.agency3]);
    const all = await t.http.patch(`/api/v1/orders/${standing.id}`).set(w.clerkA.auth).send({ agencyIds: null }).expect(200);
    expect(all.body.agencyIds).toBeNull();
    const audits = await t.db.query(`SELECT details FROM audit_events WHERE entity_id = $1 AND action = 'update' ORDER BY seq`, [
      standing.id,
    ]);
    expect(audits.map((a: { details: { fields: string[] } }) => a.details.fields)).toEqual([['agencyIds'], ['agencyIds']]);
  });

  it('refuses to change a signed order (409) and writes nothing', async () => {
    const order = await draft();
    await t.http.post(`/api/v1/orders/${order.id}/sign`).set(w.judgeA.auth).expect(200);
    const res = await refusedWithoutWrites(
      t,
      () =>
        t.http
          .patch(`/api/v1/orders/${order.id}`)
          .set(w.judgeA.auth)
          .send({ terms: { ncicEntryHours: 1 } }),
      409,
    );
    expect(res.body.code).toBe('OrderAlreadySigned');
  });

  it('refuses an agency or an admin (403) and a judge of another court (404)', async () => {
    const order = await draft();
    await refusedWithoutWrites(t, () => t.http.patch(`/api/v1/orders/${order.id}`).set(w.agency1User.auth).send({}), 403);
    await refusedWithoutWrites(t, () => t.http.patch(`/api/v1/orders/${order.id}`).set(w.admin.auth).send({}), 403);
    await refusedWithoutWrites(
      t,
      () =>
        t.http
          .patch(`/api/v1/orders/${order.id}`)
          .set(w.judgeB.auth)
          .send({ terms: { ncicEntryHours: 1 } }),
      404,
    );
    await refusedWithoutWrites(t, () => t.http.patch(`/api/v1/orders/${order.id}`).set(w.clerkB.auth).send({}), 404);
  });

  it('refuses bad input with a 400 naming the field and writes nothing', async () => {
    const order = await draft();
    await refusedWithoutWrites(
      t,
      () =>
        t.http
          .patch(`/api/v1/orders/${order.id}`)
          .set(w.judgeA.auth)
          .send({ terms: { ncicEntryHours: 0 } }),
      400,
      'terms.ncicEntryHours',
    );
    await refusedWithoutWrites(
      t,
      () =>
        t.http
          .patch(`/api/v1/orders/${order.id}`)
          .set(w.judgeA.auth)
          .send({ terms: { bogus: 1 } }),
      400,
      'terms.bogus',
    );
    await refusedWithoutWrites(
      t,
      () => t.http.patch(`/api/v1/orders/${order.id}`).set(w.judgeA.auth).send({ kind: 'STANDING' }),
      400,
      'kind',
    );
    await refusedWithoutWrites(
      t,
      () => t.http.patch(`/api/v1/orders/${order.id}`).set(w.judgeA.auth).send({ caseId: w.caseB.id }),
      400,
      'caseId',
    );
    await refusedWithoutWrites(
      t,
      () => t.http.patch(`/api/v1/orders/${order.id}`).set(w.judgeA.auth).send({ caseId: null }),
      400,
      'caseId',
    );
    await refusedWithoutWrites(
      t,
      () =>
        t.http
          .patch(`/api/v1/orders/${order.id}`)
          .set(w.judgeA.auth)
          .send({ agencyIds: [w.agency1] }),
      400,
      'agencyIds',
    );
    await refusedWithoutWrites(t, () => t.http.patch('/api/v1/orders/not-a-uuid').set(w.judgeA.auth).send({}), 400, 'id');
  });
});

describe('GET /orders/:id and GET /orders', () => {
  let signedIndividual: string;
  let draftIndividual: string;
  let standingForAll: string;
  let standingForAgency2: string;
  let courtBOrder: string;

  beforeAll(async () => {
    draftIndividual = (await draft()).id;
    signedIndividual = (await draft()).id;
    await t.http.post(`/api/v1/orders/${signedIndividual}/sign`).set(w.judgeA.auth).expect(200);
    standingForAll = (await draft(w.clerkA, { kind: 'STANDING', courtId: w.courtA })).id;
    await t.http.post(`/api/v1/orders/${standingForAll}/sign`).set(w.judgeA.auth).expect(200);
    standingForAgency2 = (
      await draft(w.clerkA, {
        kind: 'STANDING',
        courtId: w.courtA,
        agencyIds: [w.agency2],
      })
    ).id;
    courtBOrder = (
      await draft(w.judgeB, {
        kind: 'INDIVIDUAL',
        courtId: w.courtB,
        caseId: w.caseB.id,
      })
    ).id;
  });

  it('shows a judge, a clerk and an admin the order, drafts included, and audits the read', async () => {
    for (const who of [w.judgeA, w.clerkA, w.admin]) {
      const res = await t.http.get(`/api/v1/orders/${draftIndividual}`).set(who.auth).expect(200);
      expect(res.body).toMatchObject({
        id: draftIndividual,
        status: 'DRAFT',
        caseId: w.caseA.id,
      });
    }
    const [{ count }] = await t.db.query(
      `SELECT count(*) FROM audit_events WHERE entity_id = $1 AND action = 'read' AND outcome = 'success'`,
      [draftIndividual],
    );
    expect(count).toBe(3);
  });

  it("shows an agency the signed orders that bind it, never drafts or another agency's", async () => {
    await t.http.get(`/api/v1/orders/${signedIndividual}`).set(w.agency1User.auth).expect(200);
    await t.http.get(`/api/v1/orders/${standingForAll}`).set(w.agency1User.auth).expect(200);
    expectProblem(await t.http.get(`/api/v1/orders/${draftIndividual}`).set(w.agency1User.auth), 404);
    expectProblem(await t.http.get(`/api/v1/orders/${signedIndividual}`).set(w.agency2User.auth), 404);
    // agency 3 places no child in court A
    expectProblem(await t.http.get(`/api/v1/orders/${standingForAll}`).set(w.agency3User.auth), 404);
  });

  it("answers another court's judge and clerk 404, and audits it", async () => {
    const notFound = async () =>
      (await t.db.query(`SELECT count(*) FROM audit_events WHERE entity_id = $1 AND outcome = 'not_found'`, [signedIndividual]))[0]
        .count as number;
    const before = await notFound();
    expectProblem(await t.http.get(`/api/v1/orders/${signedIndividual}`).set(w.judgeB.auth), 404);
    expectProblem(await t.http.get(`/api/v1/orders/${courtBOrder}`).set(w.clerkA.auth), 404);
    expect(await notFound()).toBe(before + 1);
    expectProblem(await t.http.get('/api/v1/orders/123').set(w.judgeA.auth), 400, 'id');
    expectProblem(await t.http.get(`/api/v1/orders/${signedIndividual}`), 401);
  });

  it('lists with filters, scoped to the caller', async () => {
    const ids = async (who: typeof w.judgeA, query = '') => {
      const res = await t.http.get(`/api/v1/orders${query}`).set(who.auth).expect(200);
      expect(res.body).toHaveProperty('nextCursor');
      return (res.body.items as Array<{ id: string }>).map((o) => o.id);
    };
    const judgeA = await ids(w.judgeA, '?limit=500');
    expect(judgeA).toEqual(expect.arrayContaining([draftIndividual, signedIndividual, standingForAll, standingForAgency2]));
    expect(judgeA).not.toContain(courtBOrder);
    expect(await ids(w.judgeB)).toEqual([courtBOrder]);
    expect(await ids(w.admin, `?courtId=${w.courtB}`)).toEqual([courtBOrder]);
    expect(await ids(w.judgeA, '?kind=STANDING&status=DRAFT&limit=500')).toContain(standingForAgency2);
    expect(await ids(w.judgeA, '?kind=STANDING&status=DRAFT&limit=500')).not.toContain(standingForAll);
    const signed = await ids(w.judgeA, `?status=SIGNED&caseId=${w.caseA.id}&limit=500`);
    expect(signed).toContain(signedIndividual);
    expect(signed).not.toContain(draftIndividual);
    const agency1 = await ids(w.agency1User, '?limit=500');
    expect(agency1).toEqual(expect.arrayContaining([signedIndividual, standingForAll]));
    expect(agency1).not.toContain(draftIndividual);
    expect(await ids(w.agency3User)).toEqual([]);
  });

  it('pages with limit and cursor', async () => {
    const first = await t.http.get('/api/v1/orders?limit=2').set(w.judgeA.auth).expect(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await t.http.get(`/api/v1/orders?limit=2&cursor=${first.body.nextCursor}`).set(w.judgeA.auth).expect(200);
    const seen = new Set([...first.body.items, ...second.body.items].map((o: { id: string }) => o.id));
    expect(seen.size).toBe(first.body.items.length + second.body.items.length);
  });

  it('refuses bad list parameters with a 400 naming them', async () => {
    expectProblem(await t.http.get('/api/v1/orders?limit=0').set(w.judgeA.auth), 400, 'limit');
    expectProblem(await t.http.get('/api/v1/orders?limit=501').set(w.judgeA.auth), 400, 'limit');
    expectProblem(await t.http.get('/api/v1/orders?status=ACTIVE').set(w.judgeA.auth), 400, 'status');
    expectProblem(await t.http.get('/api/v1/orders?kind=X').set(w.judgeA.auth), 400, 'kind');
    expectProblem(await t.http.get('/api/v1/orders?courtId=nope').set(w.judgeA.auth), 400, 'courtId');
    expectProblem(await t.http.get('/api/v1/orders?cursor=garbage').set(w.judgeA.auth), 400, 'cursor');
  });
});
