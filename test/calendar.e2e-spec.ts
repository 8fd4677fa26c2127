import ICAL from 'ical.js';
import { TokenService } from '../src/auth/token.service.js';
import { expectProblem } from './support/orders.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createCase, seedWorld, type SeededUser, type World } from './support/world.js';

/** The hearing calendar as an iCalendar subscription: the secret URL, what the feed holds, and who it stops working for. */

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await startTestApp({ PUBLIC_BASE_URL: 'https://court.example' });
  w = await seedWorld(t);
});
afterAll(() => t?.close());

const issue = async (by: SeededUser): Promise<string> => {
  const res = await t.http.post('/api/v1/auth/calendar-feed').set(by.auth).expect(201);
  expect(res.body).toEqual({ url: expect.stringMatching(/^https:\/\/court\.example\/calendar\/[A-Za-z0-9_-]{43}\.ics$/) });
  return new URL(res.body.url as string).pathname;
};

async function events(path: string) {
  const res = await t.http.get(path).buffer(true).expect(200);
  expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
  const calendar = new ICAL.Component(ICAL.parse(res.text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return { text: res.text, calendar, events: calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}

async function hearingFor(
  docket: string,
  courtId = w.courtA,
  clerk = w.clerkA,
  judge = w.judgeA,
  agencyUser = w.agency1User,
  agency = w.agency1,
) {
  const c = await createCase(t, clerk, courtId, judge.id, docket, agency);
  const episode = await t.http
    .post('/api/v1/episodes')
    .set(agencyUser.auth)
    .send({ childId: c.childId, missingSince: new Date(Date.now() - 7_200_000).toISOString() })
    .expect(201);
  return episode.body.hearingRequests[0].id as string;
}

describe('the hearing calendar feed', () => {
  let path: string;
  let scheduled: string;
  let cancelled: string;

  beforeAll(async () => {
    path = await issue(w.clerkA);
    scheduled = await hearingFor('CAL-1');
    cancelled = await hearingFor('CAL-2');
    await hearingFor('CAL-3'); // queued, never set: not on the calendar
    await t.http
      .post(`/api/v1/hearing-requests/${scheduled}/schedule`)
      .set(w.clerkA.auth)
      .send({ scheduledFor: '2027-03-15T09:30:00-05:00', courtroom: 'Courtroom 3B' })
      .expect(200);
    await t.http
      .post(`/api/v1/hearing-requests/${cancelled}/schedule`)
      .set(w.clerkA.auth)
      .send({ scheduledFor: '2027-03-03T09:00:00-06:00', courtroom: 'Courtroom 1' })
      .expect(200);
    await t.http.post(`/api/v1/hearing-requests/${cancelled}/cancel`).set(w.clerkA.auth).send({ reason: 'Child found' }).expect(200);
    const other = await hearingFor('CAL-B', w.courtB, w.clerkB, w.judgeB, w.agency2User, w.agency2);
    await t.http
      .post(`/api/v1/hearing-requests/${other}/schedule`)
      .set(w.clerkB.auth)
      .send({ scheduledFor: '2027-03-04T09:00:00-06:00', courtroom: 'B1' })
      .expect(200);
  });

  it("is valid iCalendar of the court's scheduled hearings and its cancelled ones, in the court's time zone, with no child's name", async () => {
    const { text, calendar, events: list } = await events(path);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('America/Chicago');
    const byUid = new Map(list.map((e) => [e.uid, e]));
    expect([...byUid.keys()].sort()).toEqual(
      [`hearing-request-${cancelled}@court.example`, `hearing-request-${scheduled}@court.example`].sort(),
    );
    const set = byUid.get(`hearing-request-${scheduled}@court.example`)!;
    expect(set.summary).toBe('Hearing CAL-1 (child missing from placement)');
    expect(set.location).toBe('Courtroom 3B');
    expect(set.startDate.zone?.tzid).toBe('America/Chicago');
    // Set in daylight time (CDT, -05:00): 9:30 local, 14:30 UTC.
    expect([set.startDate.hour, set.startDate.minute]).toEqual([9, 30]);
    expect(set.startDate.toJSDate().toISOString()).toBe('2027-03-15T14:30:00.000Z');
    expect(set.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(set.component.getFirstPropertyValue('url')).toBe(`https://court.example/hearing-requests/${scheduled}`);
    const gone = byUid.get(`hearing-request-${cancelled}@court.example`)!;
    expect(gone.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(gone.startDate.toJSDate().toISOString()).toBe('2027-03-03T15:00:00.000Z');
    expect(text).not.toMatch(/Jamie|Doe|CAL-B|CAL-3/);
  });

  it('is revoked by asking again: the old URL is a 404, the new one works', async () => {
    const fresh = await issue(w.clerkA);
    expectProblem(await t.http.get(path), 404);
    await events(fresh);
    path = fresh;
  });

  it("is each user's own: a judge's URL works beside the clerk's", async () => {
    const judges = await issue(w.judgeA);
    expect((await events(judges)).events).toHaveLength(2);
    await events(path);
  });

  it('stops working when its owner is no longer a judge or clerk of that court', async () => {
    const mover = await t.db.query(
      `INSERT INTO users (id, email, name, password_hash, role, court_id) SELECT gen_random_uuid(), 'mover@test.court', 'Mover', password_hash, 'CLERK', $1 FROM users WHERE id = $2 RETURNING id`,
      [w.courtA, w.clerkA.id],
    );
    const token = await t.app
      .get(TokenService)
      .issue({ id: mover[0].id, role: 'CLERK', courtId: w.courtA, agencyId: null, tokenVersion: 0, mfa: false });
    const moverPath = await issue({ ...w.clerkA, id: mover[0].id, auth: { Authorization: `Bearer ${token}` } });
    await events(moverPath);
    await t.db.query(`UPDATE users SET court_id = $2 WHERE id = $1`, [mover[0].id, w.courtB]);
    expectProblem(await t.http.get(moverPath), 404);
    // Disabled, a user's feed stops as well.
    const judges = await issue(w.judgeA);
    await events(judges);
    await t.db.query(`UPDATE users SET disabled_at = now() WHERE id = $1`, [w.judgeA.id]);
    expectProblem(await t.http.get(judges), 404);
    await t.db.query(`UPDATE users SET disabled_at = NULL WHERE id = $1`, [w.judgeA.id]);
    await events(judges);
  });

  it('is refused to agencies and admins (403), and without a login (401)', async () => {
    expectProblem(await t.http.post('/api/v1/auth/calendar-feed').set(w.agency1User.auth), 403);
    expectProblem(await t.http.post('/api/v1/auth/calendar-feed').set(w.admin.auth), 403);
    expectProblem(await t.http.post('/api/v1/auth/calendar-feed'), 401);
  });

  it('answers a token it never issued, or a malformed one, with a 404', async () => {
    expectProblem(await t.http.get(`/calendar/${'A'.repeat(43)}.ics`), 404);
    expectProblem(await t.http.get('/calendar/short.ics'), 404);
    expectProblem(await t.http.get(`/calendar/${'%27'.repeat(20)}.ics`), 404);
  });

  it('is audited: issuing as a change, each read of the feed', async () => {
    const rows = await t.db.query(`SELECT action, actor_id, entity_id FROM audit_events WHERE entity_type = 'calendar_feed' ORDER BY seq`);
    expect(rows.filter((r: { action: string }) => r.action === 'create').map((r: { actor_id: string }) => r.actor_id)).toContain(
      w.clerkA.id,
    );
    expect(rows.some((r: { action: string; entity_id: string }) => r.action === 'read' && r.entity_id === w.judgeA.id)).toBe(true);
  });
});
