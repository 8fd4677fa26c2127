import { binary, pdfText } from './support/files.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createCase, seedWorld, type World } from './support/world.js';

let t: TestApp;
let w: World;
let docket = 0;

beforeAll(async () => {
  t = await startTestApp();
  w = await seedWorld(t);
});
afterAll(() => t?.close());

/** A CHILD_MISSING hearing request in court A (built-in docket). */
async function request(): Promise<{
  id: string;
  targetDate: string;
  docketNumber: string;
}> {
  const docketNumber = `HR-${(docket += 1)}`;
  const c = await createCase(t, w.clerkA, w.courtA, w.judgeA.id, docketNumber, w.agency1, { firstName: 'Maria', lastName: 'Lopez' });
  const res = await t.http
    .post('/api/v1/episodes')
    .set(w.agency1User.auth)
    .send({
      childId: c.childId,
      missingSince: new Date(Date.now() - 3_600_000).toISOString(),
    })
    .expect(201);
  return {
    id: res.body.hearingRequests[0].id,
    targetDate: res.body.hearingRequests[0].targetDate,
    docketNumber,
  };
}

const schedule = (id: string, body: Record<string, unknown>, who = w.clerkA) =>
  t.http.post(`/api/v1/hearing-requests/${id}/schedule`).set(who.auth).send(body);

describe('GET /hearing-requests', () => {
  it('is the court’s queue, soonest target date first, with filters', async () => {
    const a = await request();
    const res = await t.http.get(`/api/v1/hearing-requests?status=QUEUED&reason=CHILD_MISSING&limit=500`).set(w.clerkA.auth).expect(200);
    expect(res.body.items.some((r: { id: string }) => r.id === a.id)).toBe(true);
    expect(res.body.items[0]).toMatchObject({
      reason: 'CHILD_MISSING',
      status: 'QUEUED',
      courtId: w.courtA,
      docketSync: { status: 'NOT_CONFIGURED' },
    });
    const dates = res.body.items.map((r: { targetDate: string }) => r.targetDate);
    expect([...dates].sort()).toEqual(dates);
    const other = await t.http.get('/api/v1/hearing-requests').set(w.clerkB.auth).expect(200);
    expect(other.body.items).toEqual([]);
    await t.http.get('/api/v1/hearing-requests').set(w.agency1User.auth).expect(403);
    await t.http.get('/api/v1/hearing-requests?status=DONE').set(w.clerkA.auth).expect(400);
    await t.http.get(`/api/v1/hearing-requests/${a.id}`).set(w.agency1User.auth).expect(200);
    await t.http.get(`/api/v1/hearing-requests/${a.id}`).set(w.judgeB.auth).expect(404);
  });
});

describe('POST /hearing-requests/:id/schedule', () => {
  it('sets the hearing on a court day', async () => {
    const a = await request();
    const res = await schedule(a.id, {
      scheduledFor: '2027-03-03T09:30:00-06:00',
      courtroom: 'Courtroom 3B',
    }).expect(200);
    expect(res.body).toMatchObject({
      status: 'SCHEDULED',
      scheduledFor: '2027-03-03T15:30:00.000Z',
      courtroom: 'Courtroom 3B',
    });
    // rescheduling is allowed
    await schedule(a.id, {
      scheduledFor: '2027-03-04T09:30:00-06:00',
      courtroom: 'Courtroom 2',
    }).expect(200);
  });

  it.each([
    ['2027-01-09T10:00:00-06:00', 'a weekend'],
    ['2027-11-25T10:00:00-06:00', 'a public holiday (Thanksgiving Day)'],
    ['2027-01-01T10:00:00-06:00', "a public holiday (New Year's Day)"],
    ['2020-03-03T10:00:00-06:00', 'must be in the future'],
  ])('refuses %s: %s (400)', async (scheduledFor, why) => {
    const a = await request();
    const res = await schedule(a.id, { scheduledFor, courtroom: '1' }).expect(400);
    expect(res.body.errors[0]).toMatchObject({
      field: 'scheduledFor',
      message: expect.stringContaining(why),
    });
    const again = await t.http.get(`/api/v1/hearing-requests/${a.id}`).set(w.clerkA.auth).expect(200);
    expect(again.body.status).toBe('QUEUED');
  });

  it('refuses a day the court closed, in the court’s time zone', async () => {
    await t.http
      .post(`/api/v1/courts/${w.courtA}/closures`)
      .set(w.clerkA.auth)
      .send({ date: '2027-03-10', name: 'Training day' })
      .expect(201);
    const a = await request();
    // 23:30 UTC on March 9 is still the 9th in Chicago (a court day); 06:30 UTC on the 11th is the 11th there.
    const res = await schedule(a.id, {
      scheduledFor: '2027-03-10T16:00:00Z',
      courtroom: '1',
    }).expect(400);
    expect(res.body.errors[0].message).toContain('a court closure');
    await schedule(a.id, {
      scheduledFor: '2027-03-11T05:30:00Z',
      courtroom: '1',
    }).expect(400); // still the 10th in Chicago
    await schedule(a.id, {
      scheduledFor: '2027-03-11T06:30:00Z',
      courtroom: '1',
    }).expect(200);
  });

  it('is for the court’s clerk only, with valid input', async () => {
    const a = await request();
    const body = { scheduledFor: '2027-03-03T09:30:00-06:00', courtroom: '1' };
    await schedule(a.id, body, w.judgeA).expect(403);
    await schedule(a.id, body, w.agency1User).expect(403);
    await schedule(a.id, body, w.clerkB).expect(404);
    await schedule(a.id, {
      scheduledFor: '2027-03-03T09:30:00',
      courtroom: '1',
    }).expect(400);
    await schedule(a.id, { scheduledFor: '2027-03-03T09:30:00-06:00' }).expect(400);
    await schedule(a.id, { ...body, judge: 'x' }).expect(400);
  });
});

describe('notice of hearing', () => {
  it('is issued once scheduled: a PDF naming the case, the day, the time and the courtroom, the same bytes each time', async () => {
    const a = await request();
    await t.http.get(`/api/v1/hearing-requests/${a.id}/notice.pdf`).set(w.clerkA.auth).expect(409);
    await schedule(a.id, {
      scheduledFor: '2027-03-03T09:30:00-06:00',
      courtroom: 'Courtroom 3B',
    }).expect(200);
    const first = await t.http.get(`/api/v1/hearing-requests/${a.id}/notice.pdf`).set(w.clerkA.auth).buffer(true).parse(binary).expect(200);
    expect(first.headers['content-type']).toBe('application/pdf');
    const { text } = await pdfText(first.body as Buffer);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain(a.docketNumber);
    expect(flat).toContain('Wednesday, March 3, 2027');
    expect(flat).toContain('9:30 AM');
    expect(flat).toContain('Courtroom 3B');
    expect(flat).toContain('M.L.');
    expect(flat).not.toContain('Maria');
    const second = await t.http
      .get(`/api/v1/hearing-requests/${a.id}/notice.pdf`)
      .set(w.agency1User.auth)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect((second.body as Buffer).equals(first.body as Buffer)).toBe(true);
    await t.http.get(`/api/v1/hearing-requests/${a.id}/notice.pdf`).set(w.clerkB.auth).expect(404);
  });
});

describe('POST /hearing-requests/:id/cancel', () => {
  it('cancels with a reason; not twice, not by an agency, not another court', async () => {
    const a = await request();
    await t.http.post(`/api/v1/hearing-requests/${a.id}/cancel`).set(w.agency1User.auth).send({ reason: 'x' }).expect(403);
    await t.http.post(`/api/v1/hearing-requests/${a.id}/cancel`).set(w.judgeB.auth).send({ reason: 'x' }).expect(404);
    const none = await t.http.post(`/api/v1/hearing-requests/${a.id}/cancel`).set(w.judgeA.auth).send({}).expect(400);
    expect(none.body.errors[0].field).toBe('reason');
    const res = await t.http
      .post(`/api/v1/hearing-requests/${a.id}/cancel`)
      .set(w.judgeA.auth)
      .send({ reason: 'Heard with the review hearing on Monday' })
      .expect(200);
    expect(res.body).toMatchObject({
      status: 'CANCELLED',
      cancelReason: 'Heard with the review hearing on Monday',
    });
    await t.http.post(`/api/v1/hearing-requests/${a.id}/cancel`).set(w.clerkA.auth).send({ reason: 'again' }).expect(409);
    await schedule(a.id, {
      scheduledFor: '2027-03-03T09:30:00-06:00',
      courtroom: '1',
    }).expect(409);
  });
});

describe('docket sync with the built-in docket', () => {
  it('has nothing to retry (409), and callbacks are refused without a secret (401)', async () => {
    const a = await request();
    await t.http.post(`/api/v1/hearing-requests/${a.id}/docket-sync/retry`).set(w.clerkA.auth).expect(409);
    await t.http.post(`/api/v1/hearing-requests/${a.id}/docket-sync/retry`).set(w.judgeA.auth).expect(403);
    await t.http
      .post('/api/v1/docket/callbacks')
      .send({
        eventId: 'e',
        hearingRequestId: a.id,
        scheduledFor: '2027-03-03T09:30:00-06:00',
        courtroom: '1',
      })
      .expect(401);
  });
});
