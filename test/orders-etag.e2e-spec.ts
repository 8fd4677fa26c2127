import { expectProblem, refusedWithoutWrites } from './support/orders.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { seedWorld, type World } from './support/world.js';

/** ETag and If-Match on orders: what the judge previewed is what the judge signs (API.md "Orders, additions"). */

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await startTestApp();
  w = await seedWorld(t);
});
afterAll(() => t?.close());

type Order = { id: string; status: string; terms: Record<string, unknown> };

const draft = async (): Promise<{ order: Order; etag: string }> => {
  const res = await t.http
    .post('/api/v1/orders')
    .set(w.clerkA.auth)
    .send({ kind: 'INDIVIDUAL', courtId: w.courtA, caseId: w.caseA.id, terms: { ncmecReportHours: 12 } })
    .expect(201);
  return { order: res.body as Order, etag: res.headers.etag as string };
};
const previewEtag = async (id: string): Promise<string> => {
  const res = await t.http.get(`/api/v1/orders/${id}/preview`).set(w.judgeA.auth).expect(200);
  expect(res.headers['content-type']).toMatch(/^text\/html/);
  return res.headers.etag as string;
};
const getEtag = async (id: string): Promise<string> =>
  (await t.http.get(`/api/v1/orders/${id}`).set(w.judgeA.auth).expect(200)).headers.etag as string;
const sign = (id: string, ifMatch?: string) => {
  const req = t.http.post(`/api/v1/orders/${id}/sign`).set(w.judgeA.auth);
  return ifMatch === undefined ? req : req.set('If-Match', ifMatch);
};
const patch = (id: string, body: Record<string, unknown>, ifMatch?: string) => {
  const req = t.http.patch(`/api/v1/orders/${id}`).set(w.clerkA.auth);
  return (ifMatch === undefined ? req : req.set('If-Match', ifMatch)).send(body);
};

describe('the ETag of an order', () => {
  it('is answered by the draft, its GET and its preview alike, as a strong tag of that version', async () => {
    const { order, etag } = await draft();
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(await getEtag(order.id)).toBe(etag);
    expect(await previewEtag(order.id)).toBe(etag);
    // Reading does not change the version.
    expect(await getEtag(order.id)).toBe(etag);
  });

  it('changes with a PATCH, and the PATCH answers the new one', async () => {
    const { order, etag } = await draft();
    const res = await patch(order.id, { terms: { ncmecReportHours: 6 } }).expect(200);
    expect(res.headers.etag).not.toBe(etag);
    expect(await getEtag(order.id)).toBe(res.headers.etag);
    expect(await previewEtag(order.id)).toBe(res.headers.etag);
  });
});

describe('signing with If-Match', () => {
  it('signs the version previewed when nothing changed since', async () => {
    const { order } = await draft();
    const etag = await previewEtag(order.id);
    const res = await sign(order.id, etag).expect(200);
    expect(res.body).toMatchObject({ status: 'SIGNED', terms: { ncmecReportHours: 12 } });
    // A signed order is another version.
    expect(res.headers.etag).not.toBe(etag);
    expect(await getEtag(order.id)).toBe(res.headers.etag);
  });

  it('refuses with 412, signing nothing, when the draft was changed between the preview and the signature', async () => {
    const { order } = await draft();
    const previewed = await previewEtag(order.id);
    await patch(order.id, { terms: { ncmecReportHours: 48 } }).expect(200);

    const res = await refusedWithoutWrites(t, () => sign(order.id, previewed), 412);
    expect(res.body).toMatchObject({ code: 'OrderChanged', detail: expect.stringContaining('review the new preview') });
    const after = (await t.http.get(`/api/v1/orders/${order.id}`).set(w.judgeA.auth).expect(200)).body as Order;
    expect(after).toMatchObject({ status: 'DRAFT', orderNumber: null, sha256: null });

    // The judge reviews the new preview and signs that: the changed terms are what is signed.
    const reviewed = await previewEtag(order.id);
    expect(reviewed).not.toBe(previewed);
    const signed = await sign(order.id, reviewed).expect(200);
    expect(signed.body).toMatchObject({ status: 'SIGNED', terms: { ncmecReportHours: 48 } });
  });

  it('admits "*" and a list that holds the current tag; refuses a weak tag, a junk value and another order\'s tag', async () => {
    const a = await draft();
    const b = await draft();
    await refusedWithoutWrites(t, () => sign(a.order.id, `W/${a.etag}`), 412);
    await refusedWithoutWrites(t, () => sign(a.order.id, 'not-an-etag'), 412);
    await refusedWithoutWrites(t, () => sign(a.order.id, b.etag), 412);
    await sign(a.order.id, `"stale", ${a.etag}`).expect(200);
    await sign(b.order.id, '*').expect(200);
  });

  it('says an order is already signed (409) rather than changed when it is signed twice with the same tag', async () => {
    const { order, etag } = await draft();
    await sign(order.id, etag).expect(200);
    expectProblem(await sign(order.id, etag), 409);
  });

  it('leaves signing without If-Match as it was', async () => {
    const { order } = await draft();
    await sign(order.id).expect(200);
  });

  it("is still refused to a clerk (403) and to another court's judge (404), whatever the tag", async () => {
    const { order, etag } = await draft();
    expectProblem(await t.http.post(`/api/v1/orders/${order.id}/sign`).set(w.clerkA.auth).set('If-Match', etag), 403);
    expectProblem(await t.http.post(`/api/v1/orders/${order.id}/sign`).set(w.judgeB.auth).set('If-Match', etag), 404);
  });
});

describe('PATCH with If-Match', () => {
  it('changes the draft when the tag is current and refuses a stale one with 412, changing nothing', async () => {
    const { order, etag } = await draft();
    const first = await patch(order.id, { terms: { ncmecReportHours: 6 } }, etag).expect(200);
    await refusedWithoutWrites(t, () => patch(order.id, { terms: { ncmecReportHours: 3 } }, etag), 412);
    const now = (await t.http.get(`/api/v1/orders/${order.id}`).set(w.judgeA.auth).expect(200)).body as Order;
    expect(now.terms.ncmecReportHours).toBe(6);
    await patch(order.id, { terms: { ncmecReportHours: 3 } }, first.headers.etag as string).expect(200);
  });

  it('still names a bad field (400) before anything else when the tag is current', async () => {
    const { order, etag } = await draft();
    expectProblem(await patch(order.id, { terms: { ncmecReportHours: -1 } }, etag), 400, 'terms.ncmecReportHours');
  });
});
