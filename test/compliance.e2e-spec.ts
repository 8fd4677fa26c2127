import { parse } from 'csv-parse/sync';
import { expectProblem } from './support/orders.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { fixture } from './support/files.js';
import { waitFor } from './support/wait.js';
import { createCase, seedWorld, type World } from './support/world.js';

let t: TestApp;
let w: World;
const HOUR = 3_600_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
let docket = 0;

async function openEpisode(agencyId: string, discoveredHoursAgo: number) {
  const c = await createCase(t, w.clerkA, w.courtA, w.judgeA.id, `CO-${(docket += 1)}`, agencyId);
  const discoveredAt = ago(discoveredHoursAgo * HOUR);
  const res = await t.http
    .post('/api/v1/episodes')
    .set(w.clerkA.auth)
    .send({ childId: c.childId, missingSince: discoveredAt, discoveredAt })
    .expect(201);
  return Object.fromEntries(res.body.obligations.map((o: { type: string; id: string }) => [o.type, o.id])) as Record<string, string>;
}

async function prove(obligationId: string, body: Record<string, unknown>) {
  const ev = await t.http.post(`/api/v1/obligations/${obligationId}/evidence`).set(w.clerkA.auth).send(body).expect(201);
  await t.http.post(`/api/v1/evidence/${ev.body.id}/review`).set(w.judgeA.auth).send({ decision: 'ACCEPTED' }).expect(200);
}

beforeAll(async () => {
  t = await startTestApp();
  w = await seedWorld(t);
  // Agency 1: LE reported 2 h and 6 h after discovery (on time), NCMEC 30 h after (late), one NCMEC waived.
  const a = await openEpisode(w.agency1, 40);
  await prove(a.LAW_ENFORCEMENT_REPORT, {
    lawEnforcementAgency: 'APD',
    reportNumber: '1',
    performedAt: ago(38 * HOUR),
  });
  await prove(a.NCMEC_REPORT, {
    ncmecCaseNumber: '1',
    performedAt: ago(10 * HOUR),
  });
  const b = await openEpisode(w.agency1, 20);
  await prove(b.LAW_ENFORCEMENT_REPORT, {
    lawEnforcementAgency: 'APD',
    reportNumber: '2',
    performedAt: ago(14 * HOUR),
  });
  await t.http
    .post(`/api/v1/obligations/${b.NCMEC_REPORT}/waive`)
    .set(w.judgeA.auth)
    .send({ reason: 'Reported by law enforcement directly' })
    .expect(200);
  // Agency 3: nothing proven, discovered 30 h ago: LE, NCIC, NCMEC and photo overdue.
  const c = await openEpisode(w.agency3, 30);
  // The overdue timers of the episodes past their deadlines fire.
  const overdue = async (id: string) =>
    (await t.http.get(`/api/v1/obligations/${id}`).set(w.clerkA.auth).expect(200)).body.status === 'OVERDUE';
  await waitFor(async () => (await Promise.all(Object.values(c).map(overdue))).filter(Boolean).length === 4, 15_000);
});
afterAll(() => t?.close());

describe('GET /compliance/summary', () => {
  it('counts, per agency and deadline, who complied', async () => {
    const res = await t.http.get('/api/v1/compliance/summary').set(w.clerkA.auth).expect(200);
    expect(res.body.courtId).toBe(w.courtA);
    expect(res.body.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const one = res.body.agencies.find((a: { agencyId: string }) => a.agencyId === w.agency1);
    const three = res.body.agencies.find((a: { agencyId: string }) => a.agencyId === w.agency3);
    expect(one).toMatchObject({
      name: 'Agency One',
      episodes: 2,
      medianHoursToLawEnforcementReport: 4,
      medianHoursToNcmecReport: 30,
    });
    expect(one.byType.LAW_ENFORCEMENT_REPORT).toEqual({
      total: 2,
      onTime: 2,
      late: 0,
      overdue: 0,
      open: 0,
    });
    expect(one.byType.NCMEC_REPORT).toEqual({
      total: 2,
      onTime: 0,
      late: 1,
      overdue: 0,
      open: 0,
    });
    expect(one.obligations.waived).toBe(1);
    expect(one.obligations.total).toBe(10);
    expect(three).toMatchObject({
      episodes: 1,
      medianHoursToLawEnforcementReport: null,
    });
    expect(three.byType.LAW_ENFORCEMENT_REPORT).toEqual({
      total: 1,
      onTime: 0,
      late: 0,
      overdue: 1,
      open: 0,
    });
    expect(three.obligations.overdue).toBe(4);
  });

  it('agrees with a count straight from the obligations, whatever happened to them (the rollup is kept by triggers)', async () => {
    const res = await t.http.get('/api/v1/compliance/summary').set(w.clerkA.auth).expect(200);
    const direct = await t.db.query(
      `SELECT agency_id, type, count(*)::int AS total,
              count(*) FILTER (WHERE status = 'SATISFIED' AND on_time)::int AS "onTime",
              count(*) FILTER (WHERE status = 'SATISFIED' AND NOT on_time)::int AS late,
              count(*) FILTER (WHERE status = 'OVERDUE')::int AS overdue,
              count(*) FILTER (WHERE status IN ('OPEN', 'SUBMITTED'))::int AS open
         FROM obligations WHERE court_id = $1 GROUP BY agency_id, type`,
      [w.courtA],
    );
    expect(direct.length).toBeGreaterThan(5);
    for (const row of direct) {
      const agency = res.body.agencies.find((a: { agencyId: string }) => a.agencyId === row.agency_id);
      const { agency_id: _agency, type, ...counts } = row;
      expect(agency.byType[type]).toEqual(counts);
    }
  });

  it('takes a period in the court’s calendar', async () => {
    const empty = await t.http.get('/api/v1/compliance/summary?from=2020-01-01&to=2020-12-31').set(w.judgeA.auth).expect(200);
    expect(empty.body.agencies).toEqual([]);
    const bad = await t.http.get('/api/v1/compliance/summary?from=2026-12-31&to=2026-01-01').set(w.judgeA.auth).expect(400);
    expect(bad.body.errors[0].field).toBe('from');
    await t.http.get('/api/v1/compliance/summary?from=2026-02-30').set(w.judgeA.auth).expect(400);
  });

  it('is for judges, clerks and admins of the court', async () => {
    await t.http.get('/api/v1/compliance/summary').set(w.agency1User.auth).expect(403);
    await t.http.get(`/api/v1/compliance/summary?courtId=${w.courtA}`).set(w.clerkB.auth).expect(404);
    const noCourt = await t.http.get('/api/v1/compliance/summary').set(w.admin.auth).expect(400);
    expect(noCourt.body.errors[0].field).toBe('courtId');
    await t.http.get(`/api/v1/compliance/summary?courtId=${w.courtA}`).set(w.admin.auth).expect(200);
    const other = await t.http.get('/api/v1/compliance/summary').set(w.clerkB.auth).expect(200);
    expect(other.body.agencies.every((a: { agencyId: string }) => a.agencyId !== w.agency3)).toBe(true);
  });
});

describe('GET /compliance/summary.csv', () => {
  const csv = async (query: string, by = w.clerkA) => {
    const res = await t.http.get(`/api/v1/compliance/summary.csv${query}`).set(by.auth).buffer(true).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^inline; filename="compliance-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv"$/);
    return parse(res.text, { columns: true }) as Array<Record<string, string>>;
  };

  it('has the summary as rows, one per agency and obligation type, with the same counts and medians', async () => {
    const summary = (await t.http.get('/api/v1/compliance/summary').set(w.clerkA.auth).expect(200)).body;
    const rows = await csv('');
    const expected = summary.agencies.flatMap(
      (a: {
        agencyId: string;
        name: string;
        episodes: number;
        byType: Record<string, Record<string, number>>;
        medianHoursToLawEnforcementReport: number | null;
        medianHoursToNcmecReport: number | null;
      }) =>
        Object.entries(a.byType).map(([type, c]) => ({
          court_id: w.courtA,
          from: summary.from,
          to: summary.to,
          agency_id: a.agencyId,
          agency: a.name,
          episodes: String(a.episodes),
          obligation_type: type,
          total: String(c.total),
          on_time: String(c.onTime),
          late: String(c.late),
          overdue: String(c.overdue),
          open: String(c.open),
          waived: String(c.total - c.onTime - c.late - c.overdue - c.open),
          median_hours_to_law_enforcement_report:
            a.medianHoursToLawEnforcementReport === null ? '' : String(a.medianHoursToLawEnforcementReport),
          median_hours_to_ncmec_report: a.medianHoursToNcmecReport === null ? '' : String(a.medianHoursToNcmecReport),
        })),
    );
    expect(rows).toEqual(expected);
    const ncmec = rows.find((r) => r.agency_id === w.agency1 && r.obligation_type === 'NCMEC_REPORT');
    expect(ncmec).toMatchObject({ agency: 'Agency One', total: '2', late: '1', waived: '1', median_hours_to_ncmec_report: '30' });
  });

  it('takes the same filters: a period with nothing in it is the header alone', async () => {
    const res = await t.http
      .get('/api/v1/compliance/summary.csv?from=2020-01-01&to=2020-12-31')
      .set(w.judgeA.auth)
      .buffer(true)
      .expect(200);
    expect(res.text.trim()).toBe(
      'court_id,from,to,agency_id,agency,episodes,obligation_type,total,on_time,late,overdue,open,waived,median_hours_to_law_enforcement_report,median_hours_to_ncmec_report',
    );
    expect(await csv(`?courtId=${w.courtA}`, w.admin)).toHaveLength((await csv('')).length);
  });

  it('refuses bad input (400 naming the field), an agency (403), another court (404)', async () => {
    expectProblem(await t.http.get('/api/v1/compliance/summary.csv?from=2026-12-31&to=2026-01-01').set(w.judgeA.auth), 400, 'from');
    expectProblem(await t.http.get('/api/v1/compliance/summary.csv?courtId=nope').set(w.judgeA.auth), 400, 'courtId');
    expectProblem(await t.http.get('/api/v1/compliance/summary.csv').set(w.admin.auth), 400, 'courtId');
    expectProblem(await t.http.get('/api/v1/compliance/summary.csv').set(w.agency1User.auth), 403);
    expectProblem(await t.http.get(`/api/v1/compliance/summary.csv?courtId=${w.courtA}`).set(w.clerkB.auth), 404);
    expectProblem(await t.http.get('/api/v1/compliance/summary.csv'), 401);
  });
});

describe('GET /compliance/photos', () => {
  it('lists children in current placements without a photo taken within photoMaxAgeDays', async () => {
    const fresh = await createCase(t, w.clerkA, w.courtA, w.judgeA.id, 'PH-1', w.agency1);
    const stale = await createCase(t, w.clerkA, w.courtA, w.judgeA.id, 'PH-2', w.agency1);
    await t.http
      .post(`/api/v1/children/${fresh.childId}/photos`)
      .set(w.clerkA.auth)
      .field('takenAt', ago(24 * HOUR))
      .attach('file', fixture('plain.jpg'), 'a.jpg')
      .expect(201);
    await t.http
      .post(`/api/v1/children/${stale.childId}/photos`)
      .set(w.clerkA.auth)
      .field('takenAt', ago(200 * 24 * HOUR))
      .attach('file', fixture('plain.png'), 'b.png')
      .expect(201);
    const res = await t.http.get('/api/v1/compliance/photos').set(w.clerkA.auth).expect(200);
    const ids = res.body.items.map((i: { childId: string }) => i.childId);
    expect(ids).toContain(stale.childId);
    expect(ids).toContain(w.caseA.childId);
    expect(ids).not.toContain(fresh.childId);
    expect(res.body.items.find((i: { childId: string }) => i.childId === stale.childId)).toMatchObject({
      docketNumber: 'PH-2',
      agencyId: w.agency1,
      photoMaxAgeDays: 180,
    });
    await t.http.get('/api/v1/compliance/photos').set(w.agency1User.auth).expect(403);
    await t.http.get(`/api/v1/compliance/photos?courtId=${w.courtA}`).set(w.judgeB.auth).expect(404);
    await t.http.get('/api/v1/compliance/photos?courtId=zzz').set(w.judgeA.auth).expect(400);
    // A page at a time: walking the cursor gives every gap once.
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Array<{ childId: string }>; nextCursor: string | null } } = await t.http
        .get(`/api/v1/compliance/photos?limit=1${cursor ? `&cursor=${cursor}` : ''}`)
        .set(w.clerkA.auth)
        .expect(200);
      expect(page.body.items.length).toBeLessThanOrEqual(1);
      walked.push(...page.body.items.map((i: { childId: string }) => i.childId));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(walked.sort()).toEqual([...ids].sort());
    await t.http.get('/api/v1/compliance/photos?limit=501').set(w.clerkA.auth).expect(400);
    await t.http.get('/api/v1/compliance/photos?cursor=nope').set(w.clerkA.auth).expect(400);
  });
});
