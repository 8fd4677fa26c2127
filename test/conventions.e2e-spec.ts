import { startTestApp, type TestApp } from './support/test-app.js';
import { seedWorld, type World } from './support/world.js';

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await startTestApp();
  w = await seedWorld(t);
});
afterAll(() => t?.close());

const isProblem = (res: { headers: Record<string, string> }) => expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);

describe('request ids', () => {
  it('answers every request with an X-Request-Id, keeping a safe one the caller sent', async () => {
    const generated = await t.http.get('/health').expect(200);
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await t.http.get('/api/v1/nope').set('X-Request-Id', 'abc-123').expect(404);
    expect(kept.headers['x-request-id']).toBe('abc-123');
    expect(kept.body.requestId).toBe('abc-123');
    const replaced = await t.http.get('/health').set('X-Request-Id', 'bad id with spaces').expect(200);
    expect(replaced.headers['x-request-id']).not.toContain(' ');
  });
});

describe('errors are problem+json', () => {
  it('for unknown routes', async () => {
    const res = await t.http.get('/api/v1/no-such-thing').set(w.clerkA.auth).expect(404);
    isProblem(res);
    expect(res.body).toMatchObject({
      status: 404,
      title: 'Not Found',
      type: expect.stringMatching(/^urn:/),
      instance: '/api/v1/no-such-thing',
    });
  });

  it('for malformed JSON', async () => {
    const res = await t.http.post('/api/v1/courts').set(w.admin.auth).set('content-type', 'application/json').send('{"name": ').expect(400);
    isProblem(res);
    expect(res.body.code).toBe('MalformedJson');
  });

  it('for JSON bodies over 1 MB (413)', async () => {
    const res = await t.http
      .post('/api/v1/courts')
      .set(w.admin.auth)
      .set('content-type', 'application/json')
      .send(JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10) }))
      .expect(413);
    isProblem(res);
  });

  it('for unknown fields (400 naming them)', async () => {
    const res = await t.http
      .post('/api/v1/courts')
      .set(w.admin.auth)
      .send({ name: 'C', state: 'TX', county: 'Travis', timezone: 'America/Chicago', judge: 'x' })
      .expect(400);
    isProblem(res);
    expect(res.body.errors).toEqual([{ field: 'judge', message: 'is not a known field' }]);
  });

  it('for a non-UUID id (400, never 500)', async () => {
    const res = await t.http.get('/api/v1/children/not-a-uuid').set(w.clerkA.auth).expect(400);
    isProblem(res);
    expect(res.body.errors).toEqual([{ field: 'id', message: 'must be a UUID' }]);
    await t.http.get("/api/v1/cases/1' OR '1'='1").set(w.clerkA.auth).expect(400);
  });

  it('for bad list parameters', async () => {
    for (const limit of ['0', '501', 'abc', '1.5', '-3']) {
      const res = await t.http.get(`/api/v1/cases?limit=${limit}`).set(w.clerkA.auth).expect(400);
      expect(res.body.errors[0].field).toBe('limit');
    }
    const res = await t.http.get('/api/v1/cases?cursor=bogus').set(w.clerkA.auth).expect(400);
    expect(res.body.errors[0].field).toBe('cursor');
    await t.http.get('/api/v1/cases?courtId=nope').set(w.clerkA.auth).expect(400);
  });
});

describe('lists', () => {
  it('page with limit and nextCursor', async () => {
    const first = await t.http.get('/api/v1/agencies?limit=2').set(w.clerkA.auth).expect(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await t.http.get(`/api/v1/agencies?limit=2&cursor=${first.body.nextCursor}`).set(w.clerkA.auth).expect(200);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    const ids = [...first.body.items, ...second.body.items].map((a: { id: string }) => a.id).sort();
    expect(ids).toEqual([w.agency1, w.agency2, w.agency3].sort());
    const defaults = await t.http.get('/api/v1/agencies').set(w.clerkA.auth).expect(200);
    expect(defaults.body.items).toHaveLength(3);
  });
});

describe('Idempotency-Key', () => {
  const court = { name: 'Idempotent Court', state: 'TX', county: 'Bexar', timezone: 'America/Chicago' };

  it('returns the first answer again for the same key and body, and creates nothing new', async () => {
    const first = await t.http.post('/api/v1/courts').set(w.admin.auth).set('Idempotency-Key', 'k-1').send(court).expect(201);
    const again = await t.http.post('/api/v1/courts').set(w.admin.auth).set('Idempotency-Key', 'k-1').send(court).expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const rows = await t.db.query(`SELECT count(*)::int AS n FROM courts WHERE name = $1`, [court.name]);
    expect(rows[0].n).toBe(1);
  });

  it('refuses the same key with another body (409)', async () => {
    await t.http.post('/api/v1/courts').set(w.admin.auth).set('Idempotency-Key', 'k-2').send(court).expect(201);
    const res = await t.http
      .post('/api/v1/courts')
      .set(w.admin.auth)
      .set('Idempotency-Key', 'k-2')
      .send({ ...court, county: 'Dallas' })
      .expect(409);
    isProblem(res);
    expect(res.body.code).toBe('IdempotencyKeyReused');
  });

  it('is scoped to the caller', async () => {
    await t.http
      .post(`/api/v1/courts/${w.courtA}/closures`)
      .set(w.clerkA.auth)
      .set('Idempotency-Key', 'shared')
      .send({ date: '2026-12-24', name: 'Eve' })
      .expect(201);
    await t.http
      .post(`/api/v1/courts/${w.courtB}/closures`)
      .set(w.clerkB.auth)
      .set('Idempotency-Key', 'shared')
      .send({ date: '2026-12-24', name: 'Eve' })
      .expect(201);
  });

  it('refuses a key whose first request is still running (409)', async () => {
    await t.db.query(
      `INSERT INTO idempotency_keys (owner_id, key, method, path, request_hash, status) VALUES ($1, 'running', 'POST', '/api/v1/courts', repeat('a', 64), 'RUNNING')`,
      [w.admin.id],
    );
    const res = await t.http.post('/api/v1/courts').set(w.admin.auth).set('Idempotency-Key', 'running').send(court).expect(409);
    expect(res.body.code).toMatch(/IdempotencyKey/);
  });

  it('forgets a failed first attempt so it can be retried with the same key', async () => {
    await t.http
      .post('/api/v1/courts')
      .set(w.admin.auth)
      .set('Idempotency-Key', 'k-3')
      .send({ ...court, timezone: 'Mars/Base' })
      .expect(400);
    await t.http
      .post('/api/v1/courts')
      .set(w.admin.auth)
      .set('Idempotency-Key', 'k-3')
      .send({ ...court, name: 'Retried Court' })
      .expect(201);
  });

  it('refuses a malformed key', async () => {
    const res = await t.http.post('/api/v1/courts').set(w.admin.auth).set('Idempotency-Key', 'x'.repeat(300)).send(court).expect(400);
    expect(res.body.errors[0].field).toBe('Idempotency-Key');
  });
});

describe('health and docs', () => {
  it('serves liveness and readiness without login', async () => {
    await t.http.get('/health').expect(200, { status: 'ok' });
    const ready = await t.http.get('/health/ready').expect(200);
    expect(ready.body.details).toMatchObject({ database: { status: 'up' }, redis: { status: 'up' } });
  });

  it('serves the OpenAPI document generated from the code, with who may call each route', async () => {
    const res = await t.http.get('/docs-json').expect(200);
    expect(res.body.paths['/api/v1/cases'].post['x-access']).toBe('ADMIN, CLERK, JUDGE');
    expect(res.body.paths['/api/v1/auth/token'].post['x-access']).toBe('public');
    expect(res.body.components.schemas.CreateCaseDto.properties.docketNumber).toBeDefined();
    await t.http.get('/docs').expect(200);
  });

  it('sends security headers', async () => {
    const res = await t.http.get('/health').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBeDefined();
  });
});

describe('readiness without Redis', () => {
  let noRedis: TestApp;
  beforeAll(async () => {
    noRedis = await startTestApp({ REDIS_URL: 'redis://127.0.0.1:1' }, 'api');
  });
  afterAll(() => noRedis?.close());

  it('is 503 while liveness stays 200 and the API keeps answering', async () => {
    await noRedis.http.get('/health').expect(200);
    const ready = await noRedis.http.get('/health/ready').expect(503);
    expect(ready.body.error.redis.status).toBe('down');
    const nw = await seedWorld(noRedis);
    await noRedis.http.get(`/api/v1/children/${nw.caseA.childId}`).set(nw.clerkA.auth).expect(200);
  });
});
