import { createHmac } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { expectProblem } from './support/orders.js';
import { Receiver } from './support/receiver.js';
import { waitFor } from './support/wait.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createCase, seedWorld, type World } from './support/world.js';

const SECRET = 'the-cms-shared-secret-0123456789';
const receiver = new Receiver();
let t: TestApp;
let w: World;
let docket = 0;

beforeAll(async () => {
  const url = await receiver.start();
  t = await startTestApp({
    DOCKET_WEBHOOK_URL: url,
    DOCKET_WEBHOOK_SECRET: SECRET,
    DOCKET_WEBHOOK_ATTEMPTS: '4',
    DOCKET_WEBHOOK_BACKOFF_MS: '100',
  });
  w = await seedWorld(t);
});
afterAll(async () => {
  await t?.close();
  await receiver.stop();
});

/** Opens an episode; returns its CHILD_MISSING hearing request id. */
async function childRuns(): Promise<{
  hearingRequestId: string;
  docketNumber: string;
  episodeId: string;
}> {
  const docketNumber = `WH-${(docket += 1)}`;
  const c = await createCase(t, w.clerkA, w.courtA, w.judgeA.id, docketNumber, w.agency1);
  const res = await t.http
    .post('/api/v1/episodes')
    .set(w.agency1User.auth)
    .send({
      childId: c.childId,
      missingSince: new Date(Date.now() - 3_600_000).toISOString(),
    })
    .expect(201);
  return {
    hearingRequestId: res.body.hearingRequests[0].id,
    docketNumber,
    episodeId: res.body.id,
  };
}

const forRequest = (id: string) => receiver.deliveries.filter((d) => d.json.data.id === id);
const hearingRequest = async (id: string) => (await t.http.get(`/api/v1/hearing-requests/${id}`).set(w.clerkA.auth).expect(200)).body;
const sign = (timestamp: number, body: string) => `sha256=${createHmac('sha256', SECRET).update(`${timestamp}.${body}`).digest('hex')}`;

describe('the webhook adapter', () => {
  it('POSTs hearing_request.created the moment a child runs, signed with HMAC-SHA256 over timestamp.body', async () => {
    receiver.behaviour = () => 200;
    const { hearingRequestId, docketNumber } = await childRuns();
    const [delivery] = await waitFor(() => (forRequest(hearingRequestId).length ? forRequest(hearingRequestId) : null), 10_000);
    expect(delivery.json).toMatchObject({
      eventId: expect.any(String),
      type: 'hearing_request.created',
      occurredAt: expect.any(String),
      data: {
        id: hearingRequestId,
        reason: 'CHILD_MISSING',
        status: 'QUEUED',
        courtId: w.courtA,
        docketNumber,
        targetDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      },
    });
    expect(delivery.headers['content-type']).toBe('application/json');
    expect(delivery.headers['x-docket-event-id']).toBe(delivery.json.eventId);
    const timestamp = Number(delivery.headers['x-docket-timestamp']);
    expect(Math.abs(Date.now() / 1000 - timestamp)).toBeLessThan(30);
    expect(delivery.headers['x-docket-signature']).toBe(sign(timestamp, delivery.body));
    // The Standard Webhooks headers beside them, verified by a Standard Webhooks library as a CMS would.
    expect(delivery.headers['webhook-id']).toBe(delivery.json.eventId);
    expect(delivery.headers['webhook-timestamp']).toBe(String(timestamp));
    expect(new Webhook(SECRET, { format: 'raw' }).verify(delivery.body, delivery.headers as Record<string, string>)).toEqual(delivery.json);
    await waitFor(async () => (await hearingRequest(hearingRequestId)).docketSync.status === 'SYNCED', 5000);
    expect((await hearingRequest(hearingRequestId)).docketSync).toEqual({
      status: 'SYNCED',
      attempts: 1,
      lastError: null,
    });
  });

  it('retries with backoff: a CMS that fails twice then succeeds gets one success per event id after 3 attempts', async () => {
    receiver.behaviour = (_delivery, attempt) => (attempt <= 2 ? 503 : 200);
    const { hearingRequestId } = await childRuns();
    await waitFor(async () => (await hearingRequest(hearingRequestId)).docketSync.status === 'SYNCED', 15_000);
    const deliveries = forRequest(hearingRequestId);
    expect(deliveries.map((d) => d.answered)).toEqual([503, 503, 200]);
    expect(new Set(deliveries.map((d) => d.eventId)).size).toBe(1);
    expect(new Set(deliveries.map((d) => d.body)).size).toBe(1);
    const [event] = await t.db.query(`SELECT status, attempts, delivered_at FROM docket_events WHERE hearing_request_id = $1`, [
      hearingRequestId,
    ]);
    expect(event).toMatchObject({ status: 'DELIVERED', attempts: 3 });
    expect((await hearingRequest(hearingRequestId)).docketSync).toEqual({
      status: 'SYNCED',
      attempts: 3,
      lastError: null,
    });
  });

  it('ends FAILED after the last attempt, is listed for the clerk, and the retry endpoint recovers it', async () => {
    receiver.behaviour = () => 500;
    const { hearingRequestId } = await childRuns();
    await waitFor(async () => (await hearingRequest(hearingRequestId)).docketSync.status === 'FAILED', 15_000);
    expect((await hearingRequest(hearingRequestId)).docketSync).toEqual({
      status: 'FAILED',
      attempts: 4,
      lastError: 'HTTP 500',
    });
    expect(forRequest(hearingRequestId)).toHaveLength(4);
    const failed = await t.http.get('/api/v1/hearing-requests?docketStatus=FAILED').set(w.clerkA.auth).expect(200);
    expect(failed.body.items.map((r: { id: string }) => r.id)).toContain(hearingRequestId);
    const events = await t.http.get('/api/v1/docket/events?status=FAILED').set(w.clerkA.auth).expect(200);
    expect(events.body.items.some((e: { hearingRequestId: string }) => e.hearingRequestId === hearingRequestId)).toBe(true);

    await t.http.post(`/api/v1/hearing-requests/${hearingRequestId}/docket-sync/retry`).set(w.agency1User.auth).expect(403);
    await t.http.post(`/api/v1/hearing-requests/${hearingRequestId}/docket-sync/retry`).set(w.clerkB.auth).expect(404);
    receiver.behaviour = () => 200;
    const retried = await t.http.post(`/api/v1/hearing-requests/${hearingRequestId}/docket-sync/retry`).set(w.clerkA.auth).expect(200);
    expect(retried.body.docketSync.status).toBe('PENDING');
    await waitFor(async () => (await hearingRequest(hearingRequestId)).docketSync.status === 'SYNCED', 10_000);
    const deliveries = forRequest(hearingRequestId);
    expect(deliveries).toHaveLength(5);
    expect(new Set(deliveries.map((d) => d.eventId)).size).toBe(1);
    await t.http.post(`/api/v1/hearing-requests/${hearingRequestId}/docket-sync/retry`).set(w.clerkA.auth).expect(409);
  });

  it('sends hearing_request.cancelled and order.signed', async () => {
    receiver.behaviour = () => 200;
    const { hearingRequestId } = await childRuns();
    await t.http
      .post(`/api/v1/hearing-requests/${hearingRequestId}/cancel`)
      .set(w.clerkA.auth)
      .send({ reason: 'Consolidated' })
      .expect(200);
    const cancelled = await waitFor(() => forRequest(hearingRequestId).find((d) => d.json.type === 'hearing_request.cancelled'), 10_000);
    expect(cancelled.json.data).toMatchObject({
      id: hearingRequestId,
      status: 'CANCELLED',
      cancelReason: 'Consolidated',
    });

    const order = await t.http
      .post('/api/v1/orders')
      .set(w.judgeA.auth)
      .send({ kind: 'INDIVIDUAL', courtId: w.courtA, caseId: w.caseA.id })
      .expect(201);
    const signed = await t.http.post(`/api/v1/orders/${order.body.id}/sign`).set(w.judgeA.auth).expect(200);
    const event = await waitFor(() => receiver.ofType('order.signed').find((d) => d.json.data.orderId === order.body.id), 10_000);
    expect(event.json.data).toEqual({
      orderId: order.body.id,
      orderNumber: signed.body.orderNumber,
      kind: 'INDIVIDUAL',
      courtId: w.courtA,
      caseId: w.caseA.id,
      docketNumber: 'A-0001',
      signedAt: signed.body.signedAt,
      sha256: signed.body.sha256,
    });
  });
});

describe('GET /docket/events', () => {
  it('pages newest first with a cursor: every event once, in order', async () => {
    const all = await t.http.get('/api/v1/docket/events?limit=500').set(w.clerkA.auth).expect(200);
    expect(all.body.nextCursor).toBeNull();
    const everything = (all.body.items as Array<{ id: string; createdAt: string }>).map((e) => e.id);
    expect(everything.length).toBeGreaterThan(3);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await t.http
        .get('/api/v1/docket/events')
        .query({ limit: 2, ...(cursor ? { cursor } : {}) })
        .set(w.clerkA.auth)
        .expect(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...(page.body.items as Array<{ id: string }>).map((e) => e.id));
      cursor = page.body.nextCursor as string | null;
    } while (cursor);
    expect(seen).toEqual(everything);
  });

  it("shows another court's clerk none of them, refuses an agency (403) and bad input (400 naming the field)", async () => {
    const other = await t.http.get('/api/v1/docket/events').set(w.clerkB.auth).expect(200);
    expect(other.body.items).toEqual([]);
    expectProblem(await t.http.get(`/api/v1/docket/events?courtId=${w.courtA}`).set(w.clerkB.auth), 404);
    expectProblem(await t.http.get('/api/v1/docket/events').set(w.agency1User.auth), 403);
    expectProblem(await t.http.get('/api/v1/docket/events?limit=0').set(w.clerkA.auth), 400, 'limit');
    expectProblem(await t.http.get('/api/v1/docket/events?cursor=not-a-cursor').set(w.clerkA.auth), 400, 'cursor');
    expectProblem(await t.http.get('/api/v1/docket/events?status=LOST').set(w.clerkA.auth), 400, 'status');
  });
});

describe('POST /docket/callbacks', () => {
  const post = (body: Record<string, unknown>, timestamp = Math.floor(Date.now() / 1000), signature?: string) => {
    const raw = JSON.stringify(body);
    return t.http
      .post('/api/v1/docket/callbacks')
      .set('content-type', 'application/json')
      .set('X-Docket-Timestamp', String(timestamp))
      .set('X-Docket-Signature', signature ?? sign(timestamp, raw))
      .send(raw);
  };

  it('schedules the request when signed; refuses a bad signature (401), a stale one (401) and a replay (409)', async () => {
    receiver.behaviour = () => 200;
    const { hearingRequestId } = await childRuns();
    const body = {
      eventId: `cms-${hearingRequestId}`,
      hearingRequestId,
      scheduledFor: '2027-03-03T09:00:00-06:00',
      courtroom: 'Courtroom 1',
    };
    await post(body, undefined, sign(Math.floor(Date.now() / 1000), JSON.stringify({ ...body, courtroom: 'other' }))).expect(401);
    await post(body, Math.floor(Date.now() / 1000) - 301).expect(401);
    await t.http.post('/api/v1/docket/callbacks').send(body).expect(401);
    const ok = await post(body).expect(200);
    expect(ok.body).toMatchObject({
      id: hearingRequestId,
      status: 'SCHEDULED',
      scheduledFor: '2027-03-03T15:00:00.000Z',
      courtroom: 'Courtroom 1',
    });
    const replay = await post(body).expect(409);
    expect(replay.body.code).toBe('CallbackReplayed');
    const audit = await t.db.query(`SELECT actor_id, details FROM audit_events WHERE entity_id = $1 AND action = 'schedule'`, [
      hearingRequestId,
    ]);
    expect(audit).toEqual([
      {
        actor_id: null,
        details: {
          by: 'docket-callback',
          eventId: body.eventId,
          courtroom: 'Courtroom 1',
        },
      },
    ]);
  });

  it('applies the court calendar and validates the body (after the signature)', async () => {
    const { hearingRequestId } = await childRuns();
    const closed = await post({
      eventId: 'cms-closed',
      hearingRequestId,
      scheduledFor: '2027-11-25T09:00:00-06:00',
      courtroom: '1',
    }).expect(400);
    expect(closed.body.errors[0].message).toContain('Thanksgiving');
    // the refused callback was not recorded: the CMS may send it again corrected
    await post({
      eventId: 'cms-closed',
      hearingRequestId,
      scheduledFor: '2027-11-24T09:00:00-06:00',
      courtroom: '1',
    }).expect(200);
    const invalid = await post({
      eventId: 'cms-bad',
      hearingRequestId,
      scheduledFor: 'soon',
      courtroom: '1',
    }).expect(400);
    expect(invalid.body.errors[0].field).toBe('scheduledFor');
    await post({
      eventId: 'cms-unknown',
      hearingRequestId: '00000000-0000-4000-8000-000000000000',
      scheduledFor: '2027-03-03T09:00:00-06:00',
      courtroom: '1',
    }).expect(404);
  });
});

describe('Standard Webhooks', () => {
  it('signs every delivery this suite received so that a Standard Webhooks library verifies it', () => {
    expect(receiver.deliveries.length).toBeGreaterThan(3);
    const webhook = new Webhook(SECRET, { format: 'raw' });
    for (const delivery of receiver.deliveries) {
      // A redelivery keeps its id and body; only its timestamp (and so its signature) is new.
      expect(delivery.headers['webhook-id']).toBe(delivery.json.eventId);
      expect(() => webhook.verify(delivery.body, delivery.headers as Record<string, string>)).not.toThrow();
    }
  });
});
