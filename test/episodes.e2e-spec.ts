import { fixture } from './support/files.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createCase, seedWorld, type World } from './support/world.js';

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await startTestApp();
  w = await seedWorld(t);
});
afterAll(() => t?.close());

const count = async (table: string) => (await t.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
let docket = 0;
const newChild = async (child: Record<string, unknown> = {}, agencyId: string | null = w.agency1) =>
  createCase(t, w.clerkA, w.courtA, w.judgeA.id, `EP-${(docket += 1)}`, agencyId, child);

describe('POST /episodes', () => {
  it('opens an episode for the placement agency with the federal deadlines and a CHILD_MISSING hearing request', async () => {
    const c = await newChild();
    const discoveredAt = '2026-11-20T22:15:00-06:00';
    const res = await t.http
      .post('/api/v1/episodes')
      .set(w.agency1User.auth)
      .send({
        childId: c.childId,
        missingSince: '2026-11-20T18:00:00-06:00',
        discoveredAt,
        lastSeenLocation: 'Bus stop on 5th and Main',
        clothingDescription: 'Red hoodie, black jeans',
        companions: ['unknown adult male'],
        socialMedia: ['@example'],
      })
      .expect(201);
    expect(res.body).toMatchObject({
      childId: c.childId,
      caseId: c.id,
      courtId: w.courtA,
      agencyId: w.agency1,
      status: 'MISSING',
      missingSince: '2026-11-21T00:00:00.000Z',
      discoveredAt: '2026-11-21T04:15:00.000Z',
      orderId: null,
      terms: {
        lawEnforcementReportHours: 24,
        ncicEntryHours: 2,
        ncmecReportHours: 24,
        photoMaxAgeDays: 180,
      },
    });
    const byType = Object.fromEntries(res.body.obligations.map((o: { type: string }) => [o.type, o]));
    expect(Object.keys(byType).sort()).toEqual(['CURRENT_PHOTO', 'LAW_ENFORCEMENT_REPORT', 'NCIC_ENTRY', 'NCMEC_REPORT', 'STATUS_UPDATE']);
    expect(byType.LAW_ENFORCEMENT_REPORT).toMatchObject({
      status: expect.stringMatching(/OPEN|OVERDUE/),
      dueAt: '2026-11-22T04:15:00.000Z',
      orderId: null,
      onTime: null,
    });
    expect(byType.NCIC_ENTRY.dueAt).toBe('2026-11-22T06:15:00.000Z');
    expect(byType.NCMEC_REPORT.dueAt).toBe('2026-11-22T04:15:00.000Z');
    expect(byType.CURRENT_PHOTO.dueAt).toBe('2026-11-22T04:15:00.000Z');
    expect(byType.STATUS_UPDATE.dueAt).toBe('2026-12-21T04:15:00.000Z');
    expect(res.body.hearingRequests).toEqual([
      expect.objectContaining({
        reason: 'CHILD_MISSING',
        status: 'QUEUED',
        episodeId: res.body.id,
        caseId: c.id,
        courtId: w.courtA,
        docketSync: { status: 'NOT_CONFIGURED', attempts: 0, lastError: null },
      }),
    ]);
    expect(res.body.hearingRequests[0].targetDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const audit = await t.db.query(`SELECT actor_id, action FROM audit_events WHERE entity_type = 'episode' AND entity_id = $1`, [
      res.body.id,
    ]);
    expect(audit).toEqual([{ actor_id: w.agency1User.id, action: 'create' }]);
  });

  it('defaults discoveredAt to now, and lets a clerk or judge of the court report', async () => {
    const a = await newChild();
    const before = Date.now();
    const res = await t.http
      .post('/api/v1/episodes')
      .set(w.clerkA.auth)
      .send({ childId: a.childId, missingSince: hoursAgo(2) })
      .expect(201);
    expect(Date.parse(res.body.discoveredAt)).toBeGreaterThanOrEqual(before - 1000);
    const b = await newChild();
    await t.http
      .post('/api/v1/episodes')
      .set(w.judgeA.auth)
      .send({ childId: b.childId, missingSince: hoursAgo(2) })
      .expect(201);
  });

  it('refuses an ADMIN (403), another court (404), and an agency the child is not placed with now (404), writing nothing', async () => {
    const c = await newChild();
    const before = await count('episodes');
    const body = { childId: c.childId, missingSince: hoursAgo(1) };
    await t.http.post('/api/v1/episodes').set(w.admin.auth).send(body).expect(403);
    await t.http.post('/api/v1/episodes').set(w.clerkB.auth).send(body).expect(404);
    await t.http.post('/api/v1/episodes').set(w.judgeB.auth).send(body).expect(404);
    await t.http.post('/api/v1/episodes').set(w.agency2User.auth).send(body).expect(404);
    // moved to another agency: the former one may read the child but not report it
    await t.http
      .post(`/api/v1/cases/${c.id}/placements`)
      .set(w.clerkA.auth)
      .send({
        agencyId: w.agency3,
        placementType: 'KINSHIP',
        startedAt: hoursAgo(3),
      })
      .expect(201);
    await t.http.post('/api/v1/episodes').set(w.agency1User.auth).send(body).expect(404);
    expect(await count('episodes')).toBe(before);
    await t.http.post('/api/v1/episodes').set(w.agency3User.auth).send(body).expect(201);
  });

  it.each([
    [{ missingSince: '2099-01-01T00:00:00Z' }, 'missingSince'],
    [{ missingSince: '2005-01-01T00:00:00Z' }, 'missingSince'],
    [{ missingSince: '2026-11-20T10:00:00' }, 'missingSince'],
    [
      {
        missingSince: '2026-11-20T10:00:00Z',
        discoveredAt: '2026-11-20T09:00:00Z',
      },
      'discoveredAt',
    ],
    [
      {
        missingSince: '2026-11-20T10:00:00Z',
        discoveredAt: '2099-11-20T09:00:00Z',
      },
      'discoveredAt',
    ],
    [{ missingSince: '2026-11-20T10:00:00Z', companions: 'one' }, 'companions'],
    [{ missingSince: '2026-11-20T10:00:00Z', childPhone: 'call me' }, 'childPhone'],
    [{ missingSince: '2026-11-20T10:00:00Z', mood: 'sad' }, 'mood'],
    [{ missingSince: '2026-11-20T10:00:00Z', childId: 'nope' }, 'childId'],
  ])('refuses %j naming %s, writing nothing', async (change, field) => {
    const c = await newChild();
    const before = await count('episodes');
    const res = await t.http
      .post('/api/v1/episodes')
      .set(w.clerkA.auth)
      .send({ childId: c.childId, ...change })
      .expect(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await count('episodes')).toBe(before);
  });

  it('refuses a person 21 or older when they went missing (400)', async () => {
    const c = await newChild({ dateOfBirth: '2005-01-10' });
    const res = await t.http
      .post('/api/v1/episodes')
      .set(w.clerkA.auth)
      .send({ childId: c.childId, missingSince: '2026-02-01T00:00:00Z' })
      .expect(400);
    expect(res.body.errors[0]).toMatchObject({
      field: 'missingSince',
      message: expect.stringContaining('21'),
    });
    // a 20-year-old is covered
    const d = await newChild({ dateOfBirth: '2006-01-10' });
    await t.http.post('/api/v1/episodes').set(w.clerkA.auth).send({ childId: d.childId, missingSince: '2026-02-01T00:00:00Z' }).expect(201);
  });

  it('allows one open episode per child: of 20 parallel reports exactly one is created', async () => {
    const c = await newChild();
    const body = { childId: c.childId, missingSince: hoursAgo(1) };
    const results = await Promise.all(Array.from({ length: 20 }, () => t.http.post('/api/v1/episodes').set(w.agency1User.auth).send(body)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    expect(results.find((r) => r.status === 409)!.body.code).toBe('EpisodeAlreadyOpen');
    const rows = await t.db.query(`SELECT count(*)::int AS n FROM episodes WHERE child_id = $1`, [c.childId]);
    expect(rows[0].n).toBe(1);
    const obligations = await t.db.query(`SELECT count(*)::int AS n FROM obligations WHERE child_id = $1`, [c.childId]);
    expect(obligations[0].n).toBe(5);
  });

  it('satisfies CURRENT_PHOTO at intake when a photo no older than photoMaxAgeDays is on file', async () => {
    const c = await newChild();
    const takenAt = new Date(Date.now() - 30 * 86_400_000).toISOString();
    const photo = await t.http
      .post(`/api/v1/children/${c.childId}/photos`)
      .set(w.agency1User.auth)
      .field('takenAt', takenAt)
      .attach('file', fixture('plain.jpg'), 'p.jpg')
      .expect(201);
    const res = await t.http
      .post('/api/v1/episodes')
      .set(w.agency1User.auth)
      .send({ childId: c.childId, missingSince: hoursAgo(1) })
      .expect(201);
    const current = res.body.obligations.find((o: { type: string }) => o.type === 'CURRENT_PHOTO');
    expect(current).toMatchObject({
      status: 'SATISFIED',
      onTime: true,
      performedAt: new Date(takenAt).toISOString(),
    });
    expect(photo.body.id).toBeDefined();
  });

  it('raises PRE_MAJORITY at intake for a child within 30 days of turning 18', async () => {
    const soon = new Date(Date.now() + 10 * 86_400_000);
    const dob = `${soon.getUTCFullYear() - 18}-${String(soon.getUTCMonth() + 1).padStart(2, '0')}-${String(soon.getUTCDate()).padStart(2, '0')}`;
    const c = await newChild({ dateOfBirth: dob });
    const res = await t.http
      .post('/api/v1/episodes')
      .set(w.clerkA.auth)
      .send({ childId: c.childId, missingSince: hoursAgo(1) })
      .expect(201);
    expect(res.body.hearingRequests.map((h: { reason: string }) => h.reason).sort()).toEqual(['CHILD_MISSING', 'PRE_MAJORITY']);
  });
});

describe('orders decide the terms', () => {
  it('uses the case’s signed individual order, else the court’s standing order binding the agency, else the defaults', async () => {
    const withIndividual = await newChild();
    const standingOnly = await newChild();
    const otherAgency = await newChild({}, w.agency3);
    const individual = await t.http
      .post('/api/v1/orders')
      .set(w.judgeA.auth)
      .send({
        kind: 'INDIVIDUAL',
        courtId: w.courtA,
        caseId: withIndividual.id,
        terms: { lawEnforcementReportHours: 2, ncmecReportHours: 6 },
      })
      .expect(201);
    await t.http.post(`/api/v1/orders/${individual.body.id}/sign`).set(w.judgeA.auth).expect(200);
    const standing = await t.http
      .post('/api/v1/orders')
      .set(w.judgeA.auth)
      .send({
        kind: 'STANDING',
        courtId: w.courtA,
        agencyIds: [w.agency1],
        terms: { lawEnforcementReportHours: 12 },
      })
      .expect(201);
    await t.http.post(`/api/v1/orders/${standing.body.id}/sign`).set(w.judgeA.auth).expect(200);

    const discoveredAt = hoursAgo(1);
    const a = await t.http
      .post('/api/v1/episodes')
      .set(w.clerkA.auth)
      .send({
        childId: withIndividual.childId,
        missingSince: discoveredAt,
        discoveredAt,
      })
      .expect(201);
    expect(a.body.orderId).toBe(individual.body.id);
    expect(a.body.terms).toMatchObject({
      lawEnforcementReportHours: 2,
      ncmecReportHours: 6,
    });
    const le = a.body.obligations.find((o: { type: string }) => o.type === 'LAW_ENFORCEMENT_REPORT');
    expect(Date.parse(le.dueAt) - Date.parse(discoveredAt)).toBe(2 * 3_600_000);
    expect(le.orderId).toBe(individual.body.id);

    const b = await t.http
      .post('/api/v1/episodes')
      .set(w.clerkA.auth)
      .send({ childId: standingOnly.childId, missingSince: discoveredAt })
      .expect(201);
    expect(b.body.orderId).toBe(standing.body.id);
    expect(b.body.terms.lawEnforcementReportHours).toBe(12);

    const c = await t.http
      .post('/api/v1/episodes')
      .set(w.clerkA.auth)
      .send({ childId: otherAgency.childId, missingSince: discoveredAt })
      .expect(201);
    expect(c.body.orderId).toBeNull();
    expect(c.body.terms.lawEnforcementReportHours).toBe(24);
  });
});

describe('GET /episodes and /episodes/:id', () => {
  let episodeId: string;
  beforeAll(async () => {
    const c = await newChild();
    episodeId = (
      await t.http
        .post('/api/v1/episodes')
        .set(w.agency1User.auth)
        .send({ childId: c.childId, missingSince: hoursAgo(5) })
        .expect(201)
    ).body.id;
  });

  it('shows the episode to its court and its agency, audited; others get 404', async () => {
    const res = await t.http.get(`/api/v1/episodes/${episodeId}`).set(w.clerkA.auth).expect(200);
    expect(res.body.obligations).toHaveLength(5);
    await t.http.get(`/api/v1/episodes/${episodeId}`).set(w.agency1User.auth).expect(200);
    await t.http.get(`/api/v1/episodes/${episodeId}`).set(w.clerkB.auth).expect(404);
    await t.http.get(`/api/v1/episodes/${episodeId}`).set(w.agency2User.auth).expect(404);
    await t.http.get('/api/v1/episodes/not-an-id').set(w.clerkA.auth).expect(400);
    const reads = await t.db.query(
      `SELECT outcome FROM audit_events WHERE entity_type = 'episode' AND entity_id = $1 AND action = 'read' ORDER BY seq`,
      [episodeId],
    );
    expect(reads.map((r: { outcome: string }) => r.outcome)).toEqual(['success', 'success', 'not_found', 'not_found']);
  });

  it('lists with filters, scoped', async () => {
    const mine = await t.http.get(`/api/v1/episodes?status=MISSING&courtId=${w.courtA}&limit=500`).set(w.clerkA.auth).expect(200);
    expect(mine.body.items.some((e: { id: string }) => e.id === episodeId)).toBe(true);
    expect(mine.body.items.every((e: { status: string; courtId: string }) => e.status === 'MISSING' && e.courtId === w.courtA)).toBe(true);
    const theirs = await t.http.get('/api/v1/episodes').set(w.clerkB.auth).expect(200);
    expect(theirs.body.items).toEqual([]);
    await t.http.get('/api/v1/episodes?status=LOST').set(w.clerkA.auth).expect(400);
  });
});

describe('POST /episodes/:id/recovery', () => {
  it('closes the episode with the recovery duties and a CHILD_RECOVERED hearing request; again is 409', async () => {
    const c = await newChild();
    const opened = await t.http
      .post('/api/v1/episodes')
      .set(w.agency1User.auth)
      .send({ childId: c.childId, missingSince: hoursAgo(30) })
      .expect(201);
    const recoveredAt = hoursAgo(1);
    const res = await t.http
      .post(`/api/v1/episodes/${opened.body.id}/recovery`)
      .set(w.agency1User.auth)
      .send({
        recoveredAt,
        recoveryLocation: 'Bus station, Austin',
        circumstances: 'Found by police',
      })
      .expect(200);
    expect(res.body).toMatchObject({
      status: 'RECOVERED',
      recoveredAt: new Date(recoveredAt).toISOString(),
      recoveryLocation: 'Bus station, Austin',
    });
    const recovery = res.body.obligations.filter((o: { type: string }) =>
      ['RECOVERY_NOTIFICATION', 'POST_RECOVERY_PHOTO', 'SAFETY_ASSESSMENT', 'RUN_DEBRIEF'].includes(o.type),
    );
    expect(recovery.map((o: { type: string; dueAt: string }) => [o.type, Date.parse(o.dueAt) - Date.parse(recoveredAt)])).toEqual(
      expect.arrayContaining([
        ['RECOVERY_NOTIFICATION', 24 * 3_600_000],
        ['POST_RECOVERY_PHOTO', 72 * 3_600_000],
        ['SAFETY_ASSESSMENT', 72 * 3_600_000],
        ['RUN_DEBRIEF', 168 * 3_600_000],
      ]),
    );
    expect(res.body.obligations.find((o: { type: string }) => o.type === 'STATUS_UPDATE')).toMatchObject({ status: 'WAIVED' });
    expect(res.body.hearingRequests.map((h: { reason: string }) => h.reason)).toContain('CHILD_RECOVERED');
    const again = await t.http
      .post(`/api/v1/episodes/${opened.body.id}/recovery`)
      .set(w.clerkA.auth)
      .send({ recoveredAt, recoveryLocation: 'x' })
      .expect(409);
    expect(again.body.code).toBe('EpisodeAlreadyRecovered');
    // the child may be reported missing again
    await t.http
      .post('/api/v1/episodes')
      .set(w.agency1User.auth)
      .send({ childId: c.childId, missingSince: hoursAgo(0.5) })
      .expect(201);
  });

  it('refuses a judge (403), another tenant (404) and bad times (400)', async () => {
    const c = await newChild();
    const opened = await t.http
      .post('/api/v1/episodes')
      .set(w.agency1User.auth)
      .send({ childId: c.childId, missingSince: hoursAgo(10) })
      .expect(201);
    const url = `/api/v1/episodes/${opened.body.id}/recovery`;
    await t.http
      .post(url)
      .set(w.judgeA.auth)
      .send({ recoveredAt: hoursAgo(1), recoveryLocation: 'x' })
      .expect(403);
    await t.http
      .post(url)
      .set(w.clerkB.auth)
      .send({ recoveredAt: hoursAgo(1), recoveryLocation: 'x' })
      .expect(404);
    await t.http
      .post(url)
      .set(w.agency2User.auth)
      .send({ recoveredAt: hoursAgo(1), recoveryLocation: 'x' })
      .expect(404);
    for (const [body, field] of [
      [{ recoveredAt: hoursAgo(20), recoveryLocation: 'x' }, 'recoveredAt'],
      [{ recoveredAt: '2099-01-01T00:00:00Z', recoveryLocation: 'x' }, 'recoveredAt'],
      [{ recoveredAt: hoursAgo(1) }, 'recoveryLocation'],
      [{ recoveredAt: 'now', recoveryLocation: 'x' }, 'recoveredAt'],
    ] as const) {
      const res = await t.http.post(url).set(w.clerkA.auth).send(body).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const [row] = await t.db.query(`SELECT status FROM episodes WHERE id = $1`, [opened.body.id]);
    expect(row.status).toBe('MISSING');
  });
});
