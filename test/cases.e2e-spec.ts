import { binary, fixture, sha256 } from './support/files.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { childInput, createCase, seedWorld, type World } from './support/world.js';

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await startTestApp();
  w = await seedWorld(t);
});
afterAll(() => t?.close());

const count = async (table: string) => (await t.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
const newCase = (docketNumber: string, overrides: Record<string, unknown> = {}) => ({
  courtId: w.courtA,
  docketNumber,
  caseType: 'DEPENDENCY',
  judgeId: w.judgeA.id,
  child: childInput(),
  ...overrides,
});

describe('POST /cases', () => {
  it.each(['clerkA', 'judgeA', 'admin'] as const)('creates a case with its child as %s', async (who) => {
    const res = await t.http
      .post('/api/v1/cases')
      .set(w[who].auth)
      .send(newCase(`C-${who}`))
      .expect(201);
    expect(res.body).toMatchObject({
      courtId: w.courtA,
      docketNumber: `C-${who}`,
      caseType: 'DEPENDENCY',
      judgeId: w.judgeA.id,
      child: {
        id: expect.any(String),
        firstName: 'Jamie',
        dateOfBirth: '2011-04-17',
        identifyingMarks: ['butterfly tattoo on left wrist'],
        currentPlacement: null,
        latestPhoto: null,
      },
    });
  });

  it('refuses an agency (403) and another court’s clerk (404), writing nothing', async () => {
    const before = await count('cases');
    await t.http.post('/api/v1/cases').set(w.agency1User.auth).send(newCase('X-1')).expect(403);
    await t.http.post('/api/v1/cases').set(w.clerkB.auth).send(newCase('X-2')).expect(404);
    expect(await count('cases')).toBe(before);
  });

  it('refuses a docket number already used in the court (409) but allows it in another court', async () => {
    await t.http.post('/api/v1/cases').set(w.clerkA.auth).send(newCase('DUP-1')).expect(201);
    const before = await count('children');
    const res = await t.http.post('/api/v1/cases').set(w.clerkA.auth).send(newCase('DUP-1')).expect(409);
    expect(res.body.errors[0].field).toBe('docketNumber');
    expect(await count('children')).toBe(before);
    await t.http
      .post('/api/v1/cases')
      .set(w.clerkB.auth)
      .send(newCase('DUP-1', { courtId: w.courtB, judgeId: w.judgeB.id }))
      .expect(201);
  });

  it.each([
    [{ child: childInput({ dateOfBirth: '2026-02-30' }) }, 'child.dateOfBirth'],
    [{ child: childInput({ dateOfBirth: '2099-01-01' }) }, 'child.dateOfBirth'],
    [{ child: childInput({ dateOfBirth: '17/04/2011' }) }, 'child.dateOfBirth'],
    [{ child: childInput({ firstName: '' }) }, 'child.firstName'],
    [{ child: childInput({ heightInches: -3 }) }, 'child.heightInches'],
    [{ child: childInput({ identifyingMarks: 'tattoo' }) }, 'child.identifyingMarks'],
    [{ child: childInput({ nickname: 'JJ' }) }, 'child.nickname'],
    [{ caseType: 'CIVIL' }, 'caseType'],
    [{ judgeId: 'abc' }, 'judgeId'],
    [{ docketNumber: '' }, 'docketNumber'],
  ])('refuses %j naming %s', async (change, field) => {
    const before = await count('cases');
    const res = await t.http.post('/api/v1/cases').set(w.clerkA.auth).send(newCase('BAD-1', change)).expect(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await count('cases')).toBe(before);
  });

  it('refuses a judge who is not a judge of the court (400)', async () => {
    const res = await t.http
      .post('/api/v1/cases')
      .set(w.clerkA.auth)
      .send(newCase('BAD-2', { judgeId: w.judgeB.id }))
      .expect(400);
    expect(res.body.errors[0].field).toBe('judgeId');
    await t.http
      .post('/api/v1/cases')
      .set(w.clerkA.auth)
      .send(newCase('BAD-3', { judgeId: w.clerkA.id }))
      .expect(400);
  });
});

describe('GET /cases and /cases/:id', () => {
  it('shows a case to its court and to the agency the child is placed with, and audits the read', async () => {
    const res = await t.http.get(`/api/v1/cases/${w.caseA.id}`).set(w.judgeA.auth).expect(200);
    expect(res.body.child.currentPlacement).toMatchObject({ agencyId: w.agency1, placementType: 'FOSTER_HOME' });
    await t.http.get(`/api/v1/cases/${w.caseA.id}`).set(w.agency1User.auth).expect(200);
    const audit = await t.db.query(
      `SELECT actor_id, action, outcome FROM audit_events WHERE entity_type = 'case' AND entity_id = $1 AND action = 'read'`,
      [w.caseA.id],
    );
    expect(audit).toEqual(
      expect.arrayContaining([
        { actor_id: w.judgeA.id, action: 'read', outcome: 'success' },
        { actor_id: w.agency1User.id, action: 'read', outcome: 'success' },
      ]),
    );
  });

  it('answers 404 to another court and to an agency with no placement, and audits the miss', async () => {
    await t.http.get(`/api/v1/cases/${w.caseA.id}`).set(w.clerkB.auth).expect(404);
    await t.http.get(`/api/v1/cases/${w.caseA.id}`).set(w.agency2User.auth).expect(404);
    const misses = await t.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1 AND outcome = 'not_found'`, [
      w.caseA.id,
    ]);
    expect(misses[0].n).toBe(2);
  });

  it('lists only the cases in scope', async () => {
    const a = await t.http.get(`/api/v1/cases?courtId=${w.courtA}`).set(w.clerkA.auth).expect(200);
    expect(a.body.items.every((c: { courtId: string }) => c.courtId === w.courtA)).toBe(true);
    const b = await t.http.get(`/api/v1/cases?courtId=${w.courtA}`).set(w.clerkB.auth).expect(200);
    expect(b.body.items).toEqual([]);
    const agency = await t.http.get('/api/v1/cases').set(w.agency2User.auth).expect(200);
    expect(agency.body.items.map((c: { id: string }) => c.id)).toEqual([w.caseB.id]);
  });
});

describe('placements', () => {
  it('a clerk places the child; the previous placement ends when the new one starts', async () => {
    const c = await createCase(t, w.clerkA, w.courtA, w.judgeA.id, 'P-1', w.agency1);
    const res = await t.http
      .post(`/api/v1/cases/${c.id}/placements`)
      .set(w.clerkA.auth)
      .send({
        agencyId: w.agency3,
        placementType: 'GROUP_HOME',
        startedAt: '2026-06-01T10:00:00-05:00',
        caseworkerEmail: 'cw@agency.example',
      })
      .expect(201);
    expect(res.body).toMatchObject({
      agencyId: w.agency3,
      placementType: 'GROUP_HOME',
      endedAt: null,
      startedAt: '2026-06-01T15:00:00.000Z',
    });
    const list = await t.http.get(`/api/v1/cases/${c.id}/placements`).set(w.clerkA.auth).expect(200);
    expect(list.body.items).toHaveLength(2);
    expect(list.body.nextCursor).toBeNull();
    expect(list.body.items[1]).toMatchObject({ agencyId: w.agency1, endedAt: '2026-06-01T15:00:00.000Z' });
    // the former agency keeps read access, the new one gains it
    await t.http.get(`/api/v1/children/${c.childId}`).set(w.agency1User.auth).expect(200);
    const now = await t.http.get(`/api/v1/children/${c.childId}`).set(w.agency3User.auth).expect(200);
    expect(now.body.currentPlacement.agencyId).toBe(w.agency3);
  });

  it('not by a judge or an agency (403), nor the clerk of another court (404)', async () => {
    const body = { agencyId: w.agency2, placementType: 'KINSHIP', startedAt: '2026-07-01T10:00:00Z' };
    await t.http.post(`/api/v1/cases/${w.caseA.id}/placements`).set(w.judgeA.auth).send(body).expect(403);
    await t.http.post(`/api/v1/cases/${w.caseA.id}/placements`).set(w.agency1User.auth).send(body).expect(403);
    await t.http.post(`/api/v1/cases/${w.caseA.id}/placements`).set(w.clerkB.auth).send(body).expect(404);
  });

  it.each([
    [{ agencyId: '00000000-0000-4000-8000-000000000000' }, 'agencyId'],
    [{ placementType: 'HOTEL' }, 'placementType'],
    [{ startedAt: '2026-07-01T10:00:00' }, 'startedAt'],
    [{ startedAt: '2099-07-01T10:00:00Z' }, 'startedAt'],
    [{ startedAt: '2005-07-01T10:00:00Z' }, 'startedAt'],
    [{ startedAt: '2025-12-01T10:00:00Z' }, 'startedAt'],
    [{ caseworkerEmail: 'nope' }, 'caseworkerEmail'],
  ])('refuse %j naming %s, writing nothing', async (change, field) => {
    const before = await count('placements');
    const body = { agencyId: w.agency2, placementType: 'KINSHIP', startedAt: '2026-07-01T10:00:00Z', ...change };
    const res = await t.http.post(`/api/v1/cases/${w.caseA.id}/placements`).set(w.clerkA.auth).send(body).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await count('placements')).toBe(before);
  });
});

describe('children', () => {
  it('GET returns the child with the current placement and latest photo, audited', async () => {
    const res = await t.http.get(`/api/v1/children/${w.caseA.childId}`).set(w.clerkA.auth).expect(200);
    expect(res.body).toMatchObject({ id: w.caseA.childId, caseId: w.caseA.id, currentPlacement: { agencyId: w.agency1 } });
    expect(res.body).toHaveProperty('latestPhoto');
    const [row] = await t.db.query(
      `SELECT actor_role, court_id FROM audit_events WHERE entity_type = 'child' AND entity_id = $1 AND action = 'read' ORDER BY seq DESC LIMIT 1`,
      [w.caseA.childId],
    );
    expect(row).toEqual({ actor_role: 'CLERK', court_id: w.courtA });
  });

  it('another tenant gets 404', async () => {
    await t.http.get(`/api/v1/children/${w.caseA.childId}`).set(w.clerkB.auth).expect(404);
    await t.http.get(`/api/v1/children/${w.caseA.childId}`).set(w.judgeB.auth).expect(404);
    await t.http.get(`/api/v1/children/${w.caseA.childId}`).set(w.agency2User.auth).expect(404);
    await t.http.get('/api/v1/children/00000000-0000-4000-8000-000000000000').set(w.admin.auth).expect(404);
  });

  it('PATCH updates by the court or the current agency, audited with the field names only', async () => {
    const res = await t.http
      .patch(`/api/v1/children/${w.caseA.childId}`)
      .set(w.agency1User.auth)
      .send({ heightInches: 62.5, identifyingMarks: ['rose tattoo'] })
      .expect(200);
    expect(res.body).toMatchObject({ heightInches: 62.5, identifyingMarks: ['rose tattoo'] });
    const [audit] = await t.db.query(
      `SELECT details FROM audit_events WHERE entity_type = 'child' AND entity_id = $1 AND action = 'update' ORDER BY seq DESC LIMIT 1`,
      [w.caseA.childId],
    );
    expect(audit.details).toEqual({ fields: ['heightInches', 'identifyingMarks'] });
    expect(JSON.stringify(audit.details)).not.toContain('rose');
  });

  it('PATCH refuses another tenant (404) and bad input (400)', async () => {
    await t.http.patch(`/api/v1/children/${w.caseA.childId}`).set(w.agency2User.auth).send({ heightInches: 60 }).expect(404);
    await t.http.patch(`/api/v1/children/${w.caseA.childId}`).set(w.clerkB.auth).send({ heightInches: 60 }).expect(404);
    for (const [body, field] of [
      [{ dateOfBirth: '2026-02-30' }, 'dateOfBirth'],
      [{ firstName: null }, 'firstName'],
      [{ eyeColor: 5 }, 'eyeColor'],
      [{ favouriteColour: 'red' }, 'favouriteColour'],
      [{}, 'body'],
    ] as const) {
      const res = await t.http.patch(`/api/v1/children/${w.caseA.childId}`).set(w.clerkA.auth).send(body).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });
});

describe('photos', () => {
  const upload = (
    childId: string,
    who: { auth: Record<string, string> },
    file: Buffer,
    name: string,
    takenAt = '2026-02-20T15:00:00-06:00',
  ) => t.http.post(`/api/v1/children/${childId}/photos`).set(who.auth).field('takenAt', takenAt).attach('file', file, name);

  it('strips GPS and other metadata from a JPEG and answers the hash and size of the stored bytes', async () => {
    const original = fixture('gps.jpg');
    const res = await upload(w.caseA.childId, w.agency1User, original, 'IMG_0001.jpg').expect(201);
    expect(res.body).toMatchObject({ childId: w.caseA.childId, contentType: 'image/jpeg', takenAt: '2026-02-20T21:00:00.000Z' });
    expect(res.body.byteSize).toBeLessThan(original.length);
    const served = await t.http.get(`/api/v1/photos/${res.body.id}`).set(w.clerkA.auth).buffer(true).parse(binary).expect(200);
    const bytes = served.body as Buffer;
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(served.headers['cache-control']).toBe('private, no-store');
    expect(bytes.length).toBe(res.body.byteSize);
    expect(sha256(bytes)).toBe(res.body.sha256);
    expect(bytes.toString('latin1')).not.toMatch(/TestPhone|secret place|GPS/);
    const child = await t.http.get(`/api/v1/children/${w.caseA.childId}`).set(w.clerkA.auth).expect(200);
    expect(child.body.latestPhoto).toEqual({ id: res.body.id, takenAt: '2026-02-20T21:00:00.000Z' });
  });

  it('stores a file without metadata byte-identical, under its SHA-256', async () => {
    const png = fixture('plain.png');
    const res = await upload(w.caseA.childId, w.clerkA, png, 'x.png').expect(201);
    expect(res.body).toMatchObject({ contentType: 'image/png', byteSize: png.length, sha256: sha256(png) });
  });

  it('keeps the newest photo by takenAt as the latest', async () => {
    const older = await upload(w.caseA.childId, w.clerkA, fixture('plain.jpg'), 'old.jpg', '2025-01-01T00:00:00Z').expect(201);
    const child = await t.http.get(`/api/v1/children/${w.caseA.childId}`).set(w.clerkA.auth).expect(200);
    expect(child.body.latestPhoto.id).not.toBe(older.body.id);
  });

  it('refuses a text file named .jpg (415), a missing file (400), bad takenAt (400), and an oversize file (413)', async () => {
    const before = await count('photos');
    const text = await upload(w.caseA.childId, w.clerkA, fixture('not-an-image.jpg'), 'photo.jpg').expect(415);
    expect(text.headers['content-type']).toMatch(/problem\+json/);
    expect(text.body.errors[0].field).toBe('file');
    const missing = await t.http
      .post(`/api/v1/children/${w.caseA.childId}/photos`)
      .set(w.clerkA.auth)
      .field('takenAt', '2026-02-20T15:00:00Z')
      .expect(400);
    expect(missing.body.errors[0].field).toBe('file');
    await upload(w.caseA.childId, w.clerkA, fixture('plain.jpg'), 'a.jpg', '2099-01-01T00:00:00Z').expect(400);
    await upload(w.caseA.childId, w.clerkA, fixture('plain.jpg'), 'a.jpg', '2000-01-01T00:00:00Z').expect(400);
    await upload(w.caseA.childId, w.clerkA, fixture('plain.jpg'), 'a.jpg', 'yesterday').expect(400);
    const big = Buffer.concat([fixture('plain.jpg'), Buffer.alloc(10 * 1024 * 1024)]);
    const tooBig = await upload(w.caseA.childId, w.clerkA, big, 'big.jpg').expect(413);
    expect(tooBig.headers['content-type']).toMatch(/problem\+json/);
    expect(await count('photos')).toBe(before);
  });

  it('refuses a judge (403), another court (404), and an agency the child is not placed with now (404)', async () => {
    await upload(w.caseA.childId, w.judgeA, fixture('plain.jpg'), 'a.jpg').expect(403);
    await upload(w.caseA.childId, w.clerkB, fixture('plain.jpg'), 'a.jpg').expect(404);
    await upload(w.caseA.childId, w.agency2User, fixture('plain.jpg'), 'a.jpg').expect(404);
  });

  it('serves a photo only in scope (404 otherwise), and audits reads', async () => {
    const res = await upload(w.caseB.childId, w.clerkB, fixture('plain.jpg'), 'b.jpg').expect(201);
    await t.http.get(`/api/v1/photos/${res.body.id}`).set(w.clerkA.auth).expect(404);
    await t.http.get(`/api/v1/photos/${res.body.id}`).set(w.agency1User.auth).expect(404);
    await t.http.get(`/api/v1/photos/${res.body.id}`).set(w.agency2User.auth).expect(200);
    const reads = await t.db.query(
      `SELECT outcome FROM audit_events WHERE entity_type = 'photo' AND entity_id = $1 AND action = 'read' ORDER BY seq`,
      [res.body.id],
    );
    expect(reads.map((r: { outcome: string }) => r.outcome)).toEqual(['not_found', 'not_found', 'success']);
  });

  it('Idempotency-Key counts the file: the same upload twice stores one photo', async () => {
    const before = await count('photos');
    const first = await upload(w.caseA.childId, w.clerkA, fixture('plain.png'), 'x.png').set('Idempotency-Key', 'photo-1').expect(201);
    const again = await upload(w.caseA.childId, w.clerkA, fixture('plain.png'), 'x.png').set('Idempotency-Key', 'photo-1').expect(201);
    expect(again.body).toEqual(first.body);
    expect(await count('photos')).toBe(before + 1);
    await upload(w.caseA.childId, w.clerkA, fixture('plain.jpg'), 'x.jpg').set('Idempotency-Key', 'photo-1').expect(409);
  });
});
