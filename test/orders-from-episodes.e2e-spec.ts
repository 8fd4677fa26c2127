import { DateTime } from 'luxon';
import { binary, pdfText, sha256 } from './support/files.js';
import type { Response } from 'supertest';
import { expectProblem } from './support/orders.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { waitFor } from './support/wait.js';
import { createCase, seedWorld, type SeededUser, type World } from './support/world.js';

/**
 * Orders to show cause and orders continuing jurisdiction, drafted from an
 * episode through POST /orders: findings from the record, signed, verified and
 * vacated like every order, and never the order that sets an episode's deadlines.
 */

let t: TestApp;
let w: World;
let docket = 0;

beforeAll(async () => {
  t = await startTestApp();
  w = await seedWorld(t);
});
afterAll(() => t?.close());

/** The orders and their audited changes (the worker keeps writing outbox rows for the episodes these tests open). */
const orderWrites = async () =>
  (
    await t.db.query(`SELECT (SELECT md5(coalesce(string_agg(o::text, ',' ORDER BY o.id), '')) FROM orders o) AS orders,
                             (SELECT count(*) FROM audit_events WHERE entity_type = 'order' AND action <> 'read') AS changes`)
  )[0] as Record<string, unknown>;
/** A request that must be refused, writing no order. */
async function refusedWithoutWrites(_t: TestApp, request: () => PromiseLike<Response>, status: number, field?: string): Promise<Response> {
  const before = await orderWrites();
  const res = await request();
  expectProblem(res, status, field);
  expect(await orderWrites()).toEqual(before);
  return res;
}

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
type Order = { id: string; [key: string]: unknown };
const post = (body: Record<string, unknown>, by: SeededUser = w.clerkA) => t.http.post('/api/v1/orders').set(by.auth).send(body);
const sign = async (id: string): Promise<Order> =>
  (await t.http.post(`/api/v1/orders/${id}/sign`).set(w.judgeA.auth).expect(200)).body as Order;
const pdf = async (id: string): Promise<string> =>
  (await pdfText((await t.http.get(`/api/v1/orders/${id}/pdf`).set(w.judgeA.auth).buffer(true).parse(binary).expect(200)).body as Buffer))
    .text;

/** A case of court A with a signed individual order, and an episode opened 25 hours after discovery: its 24-hour duties are overdue. */
async function overdueEpisode(child: Record<string, unknown> = {}) {
  const c = await createCase(t, w.clerkA, w.courtA, w.judgeA.id, `EO-${(docket += 1)}`, w.agency1, child);
  const individual = await post({ kind: 'INDIVIDUAL', courtId: w.courtA, caseId: c.id }).expect(201);
  const governing = await sign(individual.body.id);
  const episode = await t.http
    .post('/api/v1/episodes')
    .set(w.agency1User.auth)
    .send({ childId: c.childId, missingSince: hoursAgo(26), discoveredAt: hoursAgo(25) })
    .expect(201);
  await waitFor(async () => {
    const res = await t.http.get(`/api/v1/episodes/${episode.body.id}`).set(w.clerkA.auth).expect(200);
    return res.body.obligations.filter((o: { status: string }) => o.status === 'OVERDUE').length >= 3 ? res.body : null;
  }, 15_000);
  return { ...c, episodeId: episode.body.id as string, governing, docketNumber: `EO-${docket}` };
}

describe('an order to show cause', () => {
  let e: Awaited<ReturnType<typeof overdueEpisode>>;
  let draft: Order;

  beforeAll(async () => {
    e = await overdueEpisode();
    draft = (await post({ kind: 'SHOW_CAUSE', courtId: w.courtA, episodeId: e.episodeId }).expect(201)).body as Order;
  });

  it('is a draft in the case of the episode, with the overdue duties, their deadlines and the order that set them', () => {
    expect(draft).toMatchObject({
      kind: 'SHOW_CAUSE',
      status: 'DRAFT',
      courtId: w.courtA,
      caseId: e.id,
      episodeId: e.episodeId,
      agencyIds: null,
    });
    const findings = draft.findings as {
      kind: string;
      agency: { name: string };
      governingOrder: { number: string };
      failures: Array<{ duty: string; dueAt: string }>;
    };
    expect(findings).toMatchObject({
      kind: 'SHOW_CAUSE',
      agency: { name: 'Agency One' },
      governingOrder: { number: e.governing.orderNumber },
    });
    expect(findings.failures.map((f) => f.duty).sort()).toEqual(
      ['Provide a current photograph of the child', 'Report the child missing to law enforcement', 'Report the child to NCMEC'].sort(),
    );
    for (const f of findings.failures) expect(f.dueAt).toMatch(/^\w+ \d+, \d{4} at \d+:\d\d [AP]M C[SD]T$/);
  });

  it('reads as an order to show cause, naming each duty with its deadline; with no hearing set, the Clerk sets it', async () => {
    const text = await pdf(draft.id);
    const findings = draft.findings as { failures: Array<{ duty: string; dueAt: string }> };
    for (const expected of [
      'ORDER TO SHOW CAUSE',
      `Case No. ${e.docketNumber}`,
      'In the Interest of J.D., a minor child',
      'Agency One (the "Agency")',
      `by the Court's Order No. ${e.governing.orderNumber}`,
      ...findings.failures.flatMap((f) => [f.duty, f.dueAt]),
      'at the hearing that the Clerk shall set and give notice of',
      'SHOW CAUSE why it should not be held in contempt',
      'DRAFT',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('names the compliance hearing once it is set', async () => {
    const episode = (await t.http.get(`/api/v1/episodes/${e.episodeId}`).set(w.clerkA.auth).expect(200)).body;
    const compliance = episode.hearingRequests.find((h: { reason: string }) => h.reason === 'NON_COMPLIANCE');
    await t.http
      .post(`/api/v1/hearing-requests/${compliance.id}/schedule`)
      .set(w.clerkA.auth)
      .send({ scheduledFor: '2027-03-03T10:00:00-06:00', courtroom: 'Courtroom 4' })
      .expect(200);
    const second = (await post({ kind: 'SHOW_CAUSE', courtId: w.courtA, episodeId: e.episodeId }, w.judgeA).expect(201)).body as Order;
    expect((second.findings as { hearing: unknown }).hearing).toEqual({
      date: 'Wednesday, March 3, 2027',
      time: '10:00 AM',
      courtroom: 'Courtroom 4',
    });
    expect(await pdf(second.id)).toContain('appear before this Court on Wednesday, March 3, 2027 at 10:00 AM in Courtroom 4');
  });

  it('is signed with its own number, verified, and vacated like any order; the signed findings are those previewed', async () => {
    const year = DateTime.now().setZone('America/Chicago').year;
    const signed = await sign(draft.id);
    expect(signed).toMatchObject({ status: 'SIGNED', orderNumber: `${year}-SC-0001`, findings: draft.findings });
    const bytes = (await t.http.get(`/api/v1/orders/${draft.id}/pdf`).set(w.judgeA.auth).buffer(true).parse(binary).expect(200))
      .body as Buffer;
    expect(sha256(bytes)).toBe(signed.sha256);
    expect((await pdfText(bytes)).text).toContain(`/s/ JudgeA`);
    expect((await t.http.get(`/api/v1/orders/verify?sha256=${signed.sha256}`).expect(200)).body).toMatchObject({
      valid: true,
      status: 'SIGNED',
      orderNumber: signed.orderNumber,
    });
    // The agency the order is addressed to may read it once signed.
    await t.http.get(`/api/v1/orders/${draft.id}`).set(w.agency1User.auth).expect(200);
    await t.http
      .post(`/api/v1/orders/${draft.id}/vacate`)
      .set(w.judgeA.auth)
      .send({ reason: 'The agency complied before the hearing' })
      .expect(200);
    expect((await t.http.get(`/api/v1/orders/verify?sha256=${signed.sha256}`).expect(200)).body).toMatchObject({
      valid: true,
      status: 'VACATED',
    });
  });

  it('never becomes the order that sets an episode deadlines', async () => {
    const signed = (await post({ kind: 'SHOW_CAUSE', courtId: w.courtA, episodeId: e.episodeId }).expect(201)).body as Order;
    await sign(signed.id);
    await t.http
      .post(`/api/v1/episodes/${e.episodeId}/recovery`)
      .set(w.agency1User.auth)
      .send({ recoveredAt: hoursAgo(0.5), recoveryLocation: 'Shelter' })
      .expect(200);
    const next = await t.http
      .post('/api/v1/episodes')
      .set(w.agency1User.auth)
      .send({ childId: e.childId, missingSince: hoursAgo(0.2) })
      .expect(201);
    expect(next.body.orderId).toBe(e.governing.id);
  });

  it('is refused with a reason (409) for an episode with no overdue duty, writing nothing', async () => {
    const c = await createCase(t, w.clerkA, w.courtA, w.judgeA.id, `EO-${(docket += 1)}`, w.agency1);
    const episode = await t.http
      .post('/api/v1/episodes')
      .set(w.agency1User.auth)
      .send({ childId: c.childId, missingSince: hoursAgo(1) })
      .expect(201);
    const res = await refusedWithoutWrites(
      t,
      () => post({ kind: 'SHOW_CAUSE', courtId: w.courtA, episodeId: episode.body.id }),
      409,
      'episodeId',
    );
    expect(res.body.detail).toBe('The episode has no overdue duty: there is nothing for the agency to show cause for.');
  });

  it('is refused for an episode of another court (400 naming episodeId), to an agency (403), in another court (404)', async () => {
    const other = await createCase(t, w.clerkB, w.courtB, w.judgeB.id, 'EO-B-1', w.agency2);
    const episodeB = await t.http
      .post('/api/v1/episodes')
      .set(w.agency2User.auth)
      .send({ childId: other.childId, missingSince: hoursAgo(1) })
      .expect(201);
    await refusedWithoutWrites(t, () => post({ kind: 'SHOW_CAUSE', courtId: w.courtA, episodeId: episodeB.body.id }), 400, 'episodeId');
    await refusedWithoutWrites(t, () => post({ kind: 'SHOW_CAUSE', courtId: w.courtA, episodeId: e.episodeId }, w.agency1User), 403);
    await refusedWithoutWrites(t, () => post({ kind: 'SHOW_CAUSE', courtId: w.courtA, episodeId: e.episodeId }, w.clerkB), 404);
  });

  it.each([
    ['without an episode', () => ({ kind: 'SHOW_CAUSE' }), 'episodeId'],
    ['with an episode id that is not a UUID', () => ({ kind: 'SHOW_CAUSE', episodeId: 'x' }), 'episodeId'],
    ['with an unknown episode', () => ({ kind: 'SHOW_CAUSE', episodeId: '5b8f0c4e-43a6-4c55-9a71-0a3b0b7b9a01' }), 'episodeId'],
    ['with a case of its own', () => ({ kind: 'SHOW_CAUSE', episodeId: e.episodeId, caseId: e.id }), 'caseId'],
    ['with terms', () => ({ kind: 'CONTINUING_JURISDICTION', episodeId: e.episodeId, terms: { ncmecReportHours: 12 } }), 'terms'],
    ['binding agencies', () => ({ kind: 'SHOW_CAUSE', episodeId: e.episodeId, agencyIds: [w.agency1] }), 'agencyIds'],
    ['an individual order naming an episode', () => ({ kind: 'INDIVIDUAL', caseId: e.id, episodeId: e.episodeId }), 'episodeId'],
    ['an unknown kind', () => ({ kind: 'CONTEMPT', episodeId: e.episodeId }), 'kind'],
  ])('refuses a draft %s (400 naming the field), writing nothing', async (_what, body, field) => {
    await refusedWithoutWrites(t, () => post({ courtId: w.courtA, ...body() }), 400, field);
  });

  it('changes only its effective time while a draft', async () => {
    const d = (await post({ kind: 'SHOW_CAUSE', courtId: w.courtA, episodeId: e.episodeId }).expect(201)).body as Order;
    expectProblem(
      await t.http
        .patch(`/api/v1/orders/${d.id}`)
        .set(w.clerkA.auth)
        .send({ terms: { ncmecReportHours: 1 } }),
      400,
      'terms',
    );
    expectProblem(await t.http.patch(`/api/v1/orders/${d.id}`).set(w.clerkA.auth).send({ caseId: e.id }), 400, 'caseId');
    const later = new Date(Date.now() + 86_400_000).toISOString();
    const res = await t.http.patch(`/api/v1/orders/${d.id}`).set(w.clerkA.auth).send({ effectiveAt: later }).expect(200);
    expect(res.body).toMatchObject({ caseId: e.id, episodeId: e.episodeId, findings: d.findings });
  });
});

describe('an order continuing jurisdiction', () => {
  // Turns 18 in 20 days: the episode raises a PRE_MAJORITY hearing request at once.
  const dateOfBirth = DateTime.now().setZone('America/Chicago').plus({ days: 20 }).minus({ years: 18 }).toISODate() as string;

  it("is drafted from a missing child's episode with the 18th birthday and the time missing, and signed", async () => {
    const c = await createCase(t, w.clerkA, w.courtA, w.judgeA.id, `EO-${(docket += 1)}`, w.agency1, { dateOfBirth });
    const episode = await t.http
      .post('/api/v1/episodes')
      .set(w.agency1User.auth)
      .send({ childId: c.childId, missingSince: hoursAgo(24 * 40 + 1) })
      .expect(201);
    expect(episode.body.hearingRequests.map((h: { reason: string }) => h.reason)).toContain('PRE_MAJORITY');
    const draft = (await post({ kind: 'CONTINUING_JURISDICTION', courtId: w.courtA, episodeId: episode.body.id }, w.judgeA).expect(201))
      .body as Order;
    const majority = DateTime.fromISO(dateOfBirth).plus({ years: 18 }).setLocale('en-US').toFormat('MMMM d, yyyy');
    expect(draft).toMatchObject({
      kind: 'CONTINUING_JURISDICTION',
      caseId: c.id,
      findings: { kind: 'CONTINUING_JURISDICTION', majorityDate: majority },
    });
    expect((draft.findings as { timeMissing: string }).timeMissing).toMatch(/^1 month and (9|10) days$/);
    const text = await pdf(draft.id);
    for (const expected of [
      'ORDER CONTINUING JURISDICTION OVER A MISSING CHILD',
      `The child will turn 18 on ${majority}.`,
      'CONTINUE beyond the child',
      'shall not discharge the child',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/missing from placement since \w+ \d+, \d{4} \(1 month and (9|10) days\)/);
    const year = DateTime.now().setZone('America/Chicago').year;
    expect((await sign(draft.id)).orderNumber).toBe(`${year}-CJ-0001`);
  });

  it('is refused (409) once the child is recovered', async () => {
    const c = await createCase(t, w.clerkA, w.courtA, w.judgeA.id, `EO-${(docket += 1)}`, w.agency1, { dateOfBirth });
    const episode = await t.http
      .post('/api/v1/episodes')
      .set(w.agency1User.auth)
      .send({ childId: c.childId, missingSince: hoursAgo(5) })
      .expect(201);
    await t.http
      .post(`/api/v1/episodes/${episode.body.id}/recovery`)
      .set(w.agency1User.auth)
      .send({ recoveredAt: hoursAgo(1), recoveryLocation: 'Home' })
      .expect(200);
    const res = await refusedWithoutWrites(
      t,
      () => post({ kind: 'CONTINUING_JURISDICTION', courtId: w.courtA, episodeId: episode.body.id }),
      409,
      'episodeId',
    );
    expect(res.body.detail).toMatch(/recovered/);
  });
});
