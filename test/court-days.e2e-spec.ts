import { startTestApp, type TestApp } from './support/test-app.js';
import { seedWorld, type World } from './support/world.js';

describe('GET /courts/:id/court-days', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await startTestApp();
    w = await seedWorld(t);
    await t.http
      .post(`/api/v1/courts/${w.courtA}/closures`)
      .set(w.clerkA.auth)
      .send({ date: '2027-05-12', name: 'Water main' })
      .expect(201);
  });
  afterAll(() => t.close());

  it('marks weekends, the state’s public holidays and the court’s closures, with the reason', async () => {
    const res = await t.http.get(`/api/v1/courts/${w.courtA}/court-days?month=2027-05`).set(w.clerkA.auth).expect(200);
    expect(res.body).toMatchObject({ courtId: w.courtA, month: '2027-05', timezone: 'America/Chicago' });
    expect(res.body.days).toHaveLength(31);
    const day = (date: string) => res.body.days.find((d: { date: string }) => d.date === date);
    expect(day('2027-05-03')).toEqual({ date: '2027-05-03', open: true, closedBecause: null });
    expect(day('2027-05-01')).toEqual({ date: '2027-05-01', open: false, closedBecause: 'a weekend' });
    expect(day('2027-05-12')).toEqual({ date: '2027-05-12', open: false, closedBecause: 'a court closure' });
    expect(day('2027-05-31')).toEqual({ date: '2027-05-31', open: false, closedBecause: 'a public holiday (Memorial Day)' });
  });

  it('refuses a month that is not YYYY-MM, naming the field', async () => {
    const res = await t.http.get(`/api/v1/courts/${w.courtA}/court-days?month=2027-13`).set(w.clerkA.auth).expect(400);
    expect(res.body.errors[0].field).toBe('month');
    await t.http.get(`/api/v1/courts/${w.courtA}/court-days`).set(w.clerkA.auth).expect(400);
  });

  it('is a 404 for another court’s clerk and a 401 without a login', async () => {
    await t.http.get(`/api/v1/courts/${w.courtA}/court-days?month=2027-03`).set(w.clerkB.auth).expect(404);
    await t.http.get(`/api/v1/courts/${w.courtA}/court-days?month=2027-03`).expect(401);
  });
});
