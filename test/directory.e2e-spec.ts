import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from './support/test-app.js';
import { seedWorld, type World } from './support/world.js';

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await startTestApp();
  w = await seedWorld(t);
});
afterAll(() => t?.close());

const count = async (table: string) => (await t.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

describe('courts', () => {
  const court = { name: 'Dallas County Juvenile Court', state: 'TX', county: 'Dallas', timezone: 'America/Chicago' };

  it('are created by an ADMIN', async () => {
    const res = await t.http.post('/api/v1/courts').set(w.admin.auth).send(court).expect(201);
    expect(res.body).toMatchObject({ ...court, id: expect.any(String) });
    const audit = await t.db.query(`SELECT action FROM audit_events WHERE entity_type = 'court' AND entity_id = $1`, [res.body.id]);
    expect(audit).toEqual([{ action: 'create' }]);
  });

  it.each(['judgeA', 'clerkA', 'agency1User'] as const)('not by %s (403)', async (who) => {
    const before = await count('courts');
    await t.http.post('/api/v1/courts').set(w[who].auth).send(court).expect(403);
    expect(await count('courts')).toBe(before);
  });

  it('not without a login (401)', async () => {
    await t.http.post('/api/v1/courts').send(court).expect(401);
  });

  it.each([
    [{ timezone: 'America/Nowhere' }, 'timezone'],
    [{ timezone: 'UTC+6' }, 'timezone'],
    [{ state: 'Texas' }, 'state'],
    [{ state: 'ZZ' }, 'state'],
    [{ name: '' }, 'name'],
    [{ county: 42 }, 'county'],
  ])('refuses %j naming %s', async (change, field) => {
    const before = await count('courts');
    const res = await t.http
      .post('/api/v1/courts')
      .set(w.admin.auth)
      .send({ ...court, ...change })
      .expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await count('courts')).toBe(before);
  });

  it('are scoped: judges and clerks see their court, another court is 404', async () => {
    const list = await t.http.get('/api/v1/courts').set(w.clerkA.auth).expect(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([w.courtA]);
    await t.http.get(`/api/v1/courts/${w.courtA}`).set(w.judgeA.auth).expect(200);
    await t.http.get(`/api/v1/courts/${w.courtB}`).set(w.judgeA.auth).expect(404);
    await t.http.get(`/api/v1/courts/${w.courtB}`).set(w.admin.auth).expect(200);
  });

  it('are visible to an agency only where it has children placed', async () => {
    const list = await t.http.get('/api/v1/courts').set(w.agency1User.auth).expect(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([w.courtA]);
    await t.http.get(`/api/v1/courts/${w.courtB}`).set(w.agency1User.auth).expect(404);
    const none = await t.http.get('/api/v1/courts').set(w.agency3User.auth).expect(200);
    expect(none.body.items).toEqual([]);
  });
});

describe('court closures', () => {
  it('are added by a clerk of the court or an ADMIN', async () => {
    const res = await t.http
      .post(`/api/v1/courts/${w.courtA}/closures`)
      .set(w.clerkA.auth)
      .send({ date: '2026-12-26', name: 'Day after Christmas' })
      .expect(201);
    expect(res.body).toMatchObject({ courtId: w.courtA, date: '2026-12-26', name: 'Day after Christmas' });
    await t.http.post(`/api/v1/courts/${w.courtA}/closures`).set(w.admin.auth).send({ date: '2027-01-02', name: 'Closed' }).expect(201);
    const list = await t.http.get(`/api/v1/courts/${w.courtA}/closures`).set(w.judgeA.auth).expect(200);
    expect(list.body.items.map((c: { date: string }) => c.date)).toEqual(['2026-12-26', '2027-01-02']);
    // A page at a time: the cursor goes on after the last closure shown.
    const first = await t.http.get(`/api/v1/courts/${w.courtA}/closures?limit=1`).set(w.judgeA.auth).expect(200);
    expect(first.body.items.map((c: { date: string }) => c.date)).toEqual(['2026-12-26']);
    const second = await t.http
      .get(`/api/v1/courts/${w.courtA}/closures?limit=1&cursor=${first.body.nextCursor as string}`)
      .set(w.judgeA.auth)
      .expect(200);
    expect(second.body).toEqual({ items: [expect.objectContaining({ date: '2027-01-02' })], nextCursor: null });
    const bad = await t.http.get(`/api/v1/courts/${w.courtA}/closures?limit=0`).set(w.judgeA.auth).expect(400);
    expect(bad.body.errors[0].field).toBe('limit');
    const junk = await t.http.get(`/api/v1/courts/${w.courtA}/closures?cursor=junk`).set(w.judgeA.auth).expect(400);
    expect(junk.body.errors[0].field).toBe('cursor');
  });

  it('not by a judge or an agency (403), nor by the clerk of another court (404)', async () => {
    await t.http.post(`/api/v1/courts/${w.courtA}/closures`).set(w.judgeA.auth).send({ date: '2026-11-27', name: 'x' }).expect(403);
    await t.http.post(`/api/v1/courts/${w.courtA}/closures`).set(w.agency1User.auth).send({ date: '2026-11-27', name: 'x' }).expect(403);
    await t.http.post(`/api/v1/courts/${w.courtA}/closures`).set(w.clerkB.auth).send({ date: '2026-11-27', name: 'x' }).expect(404);
  });

  it('refuse a date that is not real (400) and a day already closed (409)', async () => {
    for (const date of ['2026-02-30', '2026-13-01', '26-12-01', 'tomorrow']) {
      const res = await t.http.post(`/api/v1/courts/${w.courtA}/closures`).set(w.clerkA.auth).send({ date, name: 'x' }).expect(400);
      expect(res.body.errors[0].field).toBe('date');
    }
    const dup = await t.http
      .post(`/api/v1/courts/${w.courtA}/closures`)
      .set(w.clerkA.auth)
      .send({ date: '2026-12-26', name: 'again' })
      .expect(409);
    expect(dup.body.errors[0].field).toBe('date');
  });
});

describe("a court's judges", () => {
  const judgesOf = (court: string) => `/api/v1/courts/${court}/judges`;
  const addJudge = async (name: string, courtId: string, disabled = false) => {
    const id = randomUUID();
    await t.db.query(
      `INSERT INTO users (id, email, name, password_hash, role, court_id, disabled_at) VALUES ($1, $2, $3, 'x', 'JUDGE', $4, $5)`,
      [id, `${id}@test.court`, name, courtId, disabled ? new Date() : null],
    );
    return id;
  };

  it("are listed, by name, to the court's clerk; a disabled judge is not", async () => {
    const aaron = await addJudge('Aaron Judge', w.courtA);
    const gone = await addJudge('Retired Judge', w.courtA, true);
    const res = await t.http.get(judgesOf(w.courtA)).set(w.clerkA.auth).expect(200);
    expect(res.body).toEqual({
      items: [
        { id: aaron, name: 'Aaron Judge' },
        { id: w.judgeA.id, name: 'JudgeA' },
      ],
    });
    expect(res.body.items.map((j: { id: string }) => j.id)).not.toContain(gone);
    const byJudge = await t.http.get(judgesOf(w.courtA)).set(w.judgeA.auth).expect(200);
    expect(byJudge.body).toEqual(res.body);
  });

  it('are listed to an ADMIN for any court', async () => {
    const res = await t.http.get(judgesOf(w.courtB)).set(w.admin.auth).expect(200);
    expect(res.body.items).toEqual([{ id: w.judgeB.id, name: 'JudgeB' }]);
  });

  it('not to the clerk or judge of another court (404), nor to an agency (403)', async () => {
    const other = await t.http.get(judgesOf(w.courtB)).set(w.clerkA.auth).expect(404);
    expect(other.headers['content-type']).toMatch(/application\/problem\+json/);
    await t.http.get(judgesOf(w.courtA)).set(w.judgeB.auth).expect(404);
    await t.http.get(judgesOf(w.courtA)).set(w.agency1User.auth).expect(403);
    await t.http.get(judgesOf(w.courtA)).expect(401);
  });

  it('refuse an id that is not a UUID (400 naming it) and an unknown court (404)', async () => {
    const bad = await t.http.get(judgesOf('not-a-uuid')).set(w.admin.auth).expect(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.body.errors).toEqual([{ field: 'id', message: expect.any(String) }]);
    await t.http.get(judgesOf(randomUUID())).set(w.admin.auth).expect(404);
  });
});

describe('agencies', () => {
  it('are created by an ADMIN with a known kind', async () => {
    const res = await t.http
      .post('/api/v1/agencies')
      .set(w.admin.auth)
      .send({ name: 'Region 3', kind: 'CHILD_WELFARE', state: 'TX' })
      .expect(201);
    expect(res.body).toMatchObject({ name: 'Region 3', kind: 'CHILD_WELFARE', state: 'TX' });
    await t.http.post('/api/v1/agencies').set(w.clerkA.auth).send({ name: 'x', kind: 'CHILD_WELFARE', state: 'TX' }).expect(403);
    const bad = await t.http.post('/api/v1/agencies').set(w.admin.auth).send({ name: 'x', kind: 'CHURCH', state: 'TX' }).expect(400);
    expect(bad.body.errors[0].field).toBe('kind');
  });

  it('an agency user sees only its own agency', async () => {
    const list = await t.http.get('/api/v1/agencies').set(w.agency1User.auth).expect(200);
    expect(list.body.items.map((a: { id: string }) => a.id)).toEqual([w.agency1]);
    await t.http.get(`/api/v1/agencies/${w.agency2}`).set(w.agency1User.auth).expect(404);
  });
});

describe('users', () => {
  const judge = () => ({
    email: `j${Date.now()}@court.example`,
    name: 'Hon. New Judge',
    password: 'long-enough-password',
    role: 'JUDGE',
    courtId: w.courtA,
  });

  it('are created by an ADMIN and never show the password', async () => {
    const body = judge();
    const res = await t.http.post('/api/v1/users').set(w.admin.auth).send(body).expect(201);
    expect(res.body).toMatchObject({ email: body.email, role: 'JUDGE', courtId: w.courtA, agencyId: null });
    expect(JSON.stringify(res.body)).not.toContain(body.password);
    expect(res.body.passwordHash).toBeUndefined();
    const [row] = await t.db.query(`SELECT password_hash FROM users WHERE id = $1`, [res.body.id]);
    expect(row.password_hash).toMatch(/^scrypt\$/);
    await t.http.post('/api/v1/auth/token').send({ email: body.email, password: body.password }).expect(200);
  });

  it('not by anyone else (403)', async () => {
    for (const who of ['judgeA', 'clerkA', 'agency1User'] as const)
      await t.http.post('/api/v1/users').set(w[who].auth).send(judge()).expect(403);
  });

  it.each([
    [{ password: 'short' }, 'password'],
    [{ courtId: undefined }, 'courtId'],
    [{ role: 'AGENCY', courtId: undefined }, 'agencyId'],
    [{ role: 'AGENCY' }, 'courtId'],
    [{ role: 'OWNER' }, 'role'],
    [{ email: 'not-an-email' }, 'email'],
    [{ courtId: '00000000-0000-4000-8000-000000000000' }, 'courtId'],
  ])('refuse %j naming %s', async (change, field) => {
    const before = await count('users');
    const res = await t.http
      .post('/api/v1/users')
      .set(w.admin.auth)
      .send({ ...judge(), ...change })
      .expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await count('users')).toBe(before);
  });

  it('refuse a taken email, whatever its case (409)', async () => {
    const res = await t.http
      .post('/api/v1/users')
      .set(w.admin.auth)
      .send({ ...judge(), email: w.clerkA.email.toUpperCase() })
      .expect(409);
    expect(res.body.errors[0].field).toBe('email');
  });

  it('can be read by an ADMIN or by themselves only', async () => {
    await t.http.get(`/api/v1/users/${w.clerkA.id}`).set(w.clerkA.auth).expect(200);
    await t.http.get(`/api/v1/users/${w.clerkA.id}`).set(w.admin.auth).expect(200);
    await t.http.get(`/api/v1/users/${w.clerkA.id}`).set(w.judgeA.auth).expect(404);
  });
});
