import { filesIn } from './support/hardening.js';
import { connect } from 'node:net';
import { pdf } from './support/files.js';
import { expectProblem } from './support/orders.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createCase, seedWorld, type World } from './support/world.js';

let t: TestApp;
let w: World;

beforeAll(async () => {
  // Six proofs sent at once: more than the default cap on concurrent uploads.
  t = await startTestApp({ UPLOAD_CONCURRENCY: '16' });
  w = await seedWorld(t);
});
afterAll(() => t?.close());

const NUL = '\u0000';
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
const storedFiles = () => filesIn(t.config.storageDir);
const deep = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
let docket = 0;

async function openEpisode(recovered = false) {
  const c = await createCase(t, w.clerkA, w.courtA, w.judgeA.id, `IN-${(docket += 1)}`, w.agency1);
  const opened = await t.http
    .post('/api/v1/episodes')
    .set(w.agency1User.auth)
    .send({ childId: c.childId, missingSince: hoursAgo(3), discoveredAt: hoursAgo(2) })
    .expect(201);
  let body = opened.body as { id: string; obligations: Array<{ id: string; type: string }> };
  if (recovered) {
    body = (
      await t.http
        .post(`/api/v1/episodes/${body.id}/recovery`)
        .set(w.agency1User.auth)
        .send({ recoveredAt: hoursAgo(1), recoveryLocation: 'Home' })
        .expect(200)
    ).body;
  }
  return Object.fromEntries(body.obligations.map((o) => [o.type, o.id])) as Record<string, string>;
}

describe('control characters and lone surrogates', () => {
  it('refuse a NUL in the login email with a 400 naming the field, without a login', async () => {
    const res = await t.http.post('/api/v1/auth/token').send({ email: `a${NUL}@x.test`, password: 'whatever-password' });
    expectProblem(res, 400, 'email');
  });

  it.each<[string, () => { path: string; body: Record<string, unknown>; field: string }]>([
    [
      'a court name',
      () => ({ path: '/api/v1/courts', body: { name: `C${NUL}`, state: 'TX', county: 'X', timezone: 'America/Chicago' }, field: 'name' }),
    ],
    [
      'a closure name',
      () => ({ path: `/api/v1/courts/${w.courtA}/closures`, body: { date: '2026-12-26', name: `Day${NUL}` }, field: 'name' }),
    ],
    [
      "a child's name in a nested object",
      () => ({
        path: '/api/v1/cases',
        body: {
          courtId: w.courtA,
          docketNumber: 'NUL-1',
          caseType: 'DEPENDENCY',
          judgeId: w.judgeA.id,
          child: { firstName: `Jo${NUL}`, lastName: 'Doe', dateOfBirth: '2012-01-01' },
        },
        field: 'child.firstName',
      }),
    ],
    [
      'an identifying mark in an array',
      () => ({
        path: '/api/v1/cases',
        body: {
          courtId: w.courtA,
          docketNumber: 'NUL-2',
          caseType: 'DEPENDENCY',
          judgeId: w.judgeA.id,
          child: { firstName: 'Jo', lastName: 'Doe', dateOfBirth: '2012-01-01', identifyingMarks: ['ok', `scar${NUL}`] },
        },
        field: 'child.identifyingMarks.1',
      }),
    ],
    [
      'a lone surrogate in a caseworker email',
      () => ({
        path: `/api/v1/cases/${w.caseA.id}/placements`,
        body: { agencyId: w.agency1, placementType: 'KINSHIP', startedAt: hoursAgo(1), caseworkerEmail: '\ud800@x.test' },
        field: 'caseworkerEmail',
      }),
    ],
  ])('refuse %s (400 naming the field, nothing written)', async (_what, make) => {
    const { path, body, field } = make();
    const [{ n: before }] = await t.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action <> 'denied'`);
    const res = await t.http.post(path).set(w.admin.auth).send(body);
    expectProblem(res, 400, field);
    const [{ n: after }] = await t.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action <> 'denied'`);
    expect(after).toBe(before);
  });

  it('refuse them in query parameters, cursors and path parameters', async () => {
    expectProblem(await t.http.get(`/api/v1/cases?cursor=${encodeURIComponent(`x${NUL}`)}`).set(w.clerkA.auth), 400, 'cursor');
    const forged = Buffer.from(JSON.stringify({ key: `2026${NUL}`, id: '7d1f0a52-5a3c-4c55-9a1e-2d2f1f4e9b10' })).toString('base64url');
    expectProblem(await t.http.get(`/api/v1/cases?cursor=${forged}`).set(w.clerkA.auth), 400, 'cursor');
    expectProblem(await t.http.get('/api/v1/audit-events?entityType=%00').set(w.admin.auth), 400, 'entityType');
    expectProblem(await t.http.get('/api/v1/children/%00').set(w.clerkA.auth), 400, 'id');
    expectProblem(await t.http.get('/api/v1/children/%ED%A0%80').set(w.clerkA.auth), 400);
  });

  it('refuse them in multipart fields', async () => {
    const ids = await openEpisode();
    const res = await t.http
      .post(`/api/v1/obligations/${ids.LAW_ENFORCEMENT_REPORT}/evidence`)
      .set(w.agency1User.auth)
      .field('lawEnforcementAgency', `APD${NUL}`)
      .field('reportNumber', 'R-1')
      .field('performedAt', hoursAgo(1))
      .attach('file', await pdf('report'), 'report.pdf');
    expectProblem(res, 400, 'lawEnforcementAgency');
    expect(storedFiles()).toEqual([]);
  });

  it('accept tab, line feed, carriage return and real non-ASCII text', async () => {
    const res = await t.http
      .post(`/api/v1/courts/${w.courtA}/closures`)
      .set(w.clerkA.auth)
      .send({ date: '2026-12-28', name: 'Día de\tcierre\r\n🦉' })
      .expect(201);
    expect(res.body.name).toBe('Día de\tcierre\r\n🦉');
  });
});

describe('JSON nesting', () => {
  it('refuses 5,000 levels (a 10 KB body) with a 400, also with an Idempotency-Key', async () => {
    for (const headers of [{}, { 'Idempotency-Key': 'deep-1' }]) {
      const res = await t.http
        .post('/api/v1/courts')
        .set(w.admin.auth)
        .set(headers)
        .set('content-type', 'application/json')
        .send(deep(5000));
      expectProblem(res, 400, 'body');
    }
  });

  it('allows 32 levels to reach validation and refuses 33 in the parser', async () => {
    const at32 = await t.http
      .post('/api/v1/courts')
      .set(w.admin.auth)
      .set('content-type', 'application/json')
      .send(`{"name":${deep(31)}}`);
    expectProblem(at32, 400, 'name');
    const at33 = await t.http
      .post('/api/v1/courts')
      .set(w.admin.auth)
      .set('content-type', 'application/json')
      .send(`{"name":${deep(32)}}`);
    expectProblem(at33, 400, 'body');
  });
});

describe('instants', () => {
  it('refuse an offset of +99:00 and a 60th second, and store no file for the refused proof', async () => {
    const ids = await openEpisode(true);
    const notification = await t.http
      .post(`/api/v1/obligations/${ids.RECOVERY_NOTIFICATION}/evidence`)
      .set(w.agency1User.auth)
      .send({ lawEnforcementNotifiedAt: '2026-03-01T10:00:00+99:00', ncmecNotifiedAt: hoursAgo(0.5) });
    expectProblem(notification, 400, 'lawEnforcementNotifiedAt');
    const report = await t.http
      .post(`/api/v1/obligations/${ids.LAW_ENFORCEMENT_REPORT}/evidence`)
      .set(w.agency1User.auth)
      .field('lawEnforcementAgency', 'APD')
      .field('reportNumber', 'R-2')
      .field('performedAt', '2026-03-01T10:00:60Z')
      .attach('file', await pdf('report two'), 'report.pdf');
    expectProblem(report, 400, 'performedAt');
    expect(storedFiles()).toEqual([]);
  });
});

describe('files are stored only after the rows are', () => {
  it('a burst of proofs for one obligation gives one 201, 409s for the rest, and exactly one stored file', async () => {
    const ids = await openEpisode();
    const before = storedFiles().length;
    const files = await Promise.all(Array.from({ length: 6 }, (_, i) => pdf(`report ${i}`)));
    const answers = await Promise.all(
      files.map((file, i) =>
        t.http
          .post(`/api/v1/obligations/${ids.LAW_ENFORCEMENT_REPORT}/evidence`)
          .set(w.agency1User.auth)
          .field('lawEnforcementAgency', 'APD')
          .field('reportNumber', `R-${i}`)
          .field('performedAt', hoursAgo(1))
          .attach('file', file, 'report.pdf'),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    expect(storedFiles().length - before).toBe(1);
  });
});

describe('errors the framework raises itself are problem+json', () => {
  it('414 for a path segment or URL too long', async () => {
    expectProblem(await t.http.get(`/api/v1/children/${'a'.repeat(5000)}`).set(w.clerkA.auth), 414);
    expectProblem(await t.http.get(`/api/v1/cases?x=${'a'.repeat(9000)}`).set(w.clerkA.auth), 414);
  });

  it('431 for headers over 16 KB, 400 for a request that is not HTTP', async () => {
    const raw = (text: string) =>
      new Promise<string>((resolve, reject) => {
        const { port } = t.app.getHttpServer().address() as { port: number };
        const socket = connect(port, '127.0.0.1', () => socket.end(text));
        let answer = '';
        socket.on('data', (chunk) => (answer += chunk.toString()));
        socket.on('close', () => resolve(answer));
        socket.on('error', reject);
      });
    await t.app.listen(0, '127.0.0.1');
    const big = await raw(`GET /api/v1/cases HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(big).toMatch(/^HTTP\/1\.1 431 /);
    expect(big).toMatch(/Content-Type: application\/problem\+json/);
    expect(JSON.parse(big.slice(big.indexOf('{')))).toMatchObject({ status: 431, code: 'HeadersTooLarge' });
    const junk = await raw('NOT HTTP AT ALL\r\n\r\n');
    expect(junk).toMatch(/^HTTP\/1\.1 400 /);
    expect(junk).toMatch(/application\/problem\+json/);
  });

  it('415 for an unknown content type, 400 for malformed or empty JSON, 404 for an unknown route, 405 for a method the route does not take', async () => {
    expectProblem(await t.http.post('/api/v1/courts').set(w.admin.auth).set('content-type', 'text/x-weird').send('x'), 415);
    expectProblem(await t.http.post('/api/v1/courts').set(w.admin.auth).set('content-type', 'application/json').send('{"a":'), 400);
    expectProblem(await t.http.post('/api/v1/courts').set(w.admin.auth).set('content-type', 'application/json').send(''), 400);
    expectProblem(await t.http.get('/api/v1/nowhere').set(w.admin.auth), 404);
    expectProblem(await t.http.delete('/api/v1/courts').set(w.admin.auth), 405);
  });
});
