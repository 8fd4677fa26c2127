import { connect } from 'node:net';
import { toProblem } from '../src/common/errors/problem.js';
import { fixture, pdf } from './support/files.js';
import { filesIn, hoursAgo, openEpisode } from './support/hardening.js';
import { expectProblem } from './support/orders.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { seedWorld, type World } from './support/world.js';

let t: TestApp;
let w: World;
let port: number;

beforeAll(async () => {
  t = await startTestApp();
  w = await seedWorld(t);
  await t.app.listen(0, '127.0.0.1');
  port = (t.app.getHttpServer().address() as { port: number }).port;
});
afterAll(() => t?.close());

const storedFiles = () => filesIn(t.config.storageDir);

/** Sends bytes as they are (no client library between) and answers the status, content type and parsed problem. */
function raw(text: string): Promise<{ status: number; contentType: string | undefined; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text, 'latin1'));
    let answer = '';
    const done = () => {
      socket.destroy();
      // An interim 100 Continue may come first; the final answer is the last head.
      const last = answer.lastIndexOf('HTTP/1.1 ');
      const final = answer.slice(last);
      const bodyAt = final.indexOf('\r\n\r\n') + 4;
      resolve({
        status: Number(final.slice(9, 12)),
        contentType: /content-type: ([^\r\n]+)/i.exec(final)?.[1],
        body: JSON.parse(final.slice(bodyAt)) as Record<string, unknown>,
      });
    };
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
      const final = answer.slice(answer.lastIndexOf('HTTP/1.1 '));
      const head = final.indexOf('\r\n\r\n');
      const length = /content-length: (\d+)/i.exec(final)?.[1];
      if (head >= 0 && length && final.length >= head + 4 + Number(length) && !/^HTTP\/1\.1 100/.test(final)) done();
    });
    socket.on('error', reject);
    socket.on('close', () => (answer ? done() : reject(new Error('connection dropped without an answer'))));
  });
}

const request = (method: string, path: string, headers: Record<string, string>, body = '') =>
  [
    `${method} ${path} HTTP/1.1`,
    'Host: localhost',
    ...Object.entries({ 'Content-Length': String(Buffer.byteLength(body, 'latin1')), ...headers }).map(([k, v]) => `${k}: ${v}`),
    '',
    body,
  ].join('\r\n');

describe('every error the HTTP framework raises itself is problem+json', () => {
  const part = (name: string, value: string, extra = '') =>
    `--zz\r\nContent-Disposition: form-data; name="${name}"${extra}\r\n\r\n${value}\r\n`;
  const cases: Array<[string, number, () => string]> = [
    ['a JSON body over 1 MB', 413, () => request('POST', '/api/v1/courts', json(), JSON.stringify({ name: 'x'.repeat(1_100_000) }))],
    ['malformed JSON', 400, () => request('POST', '/api/v1/courts', json(), '{"name":')],
    ['a JSON __proto__ key', 400, () => request('POST', '/api/v1/courts', json(), '{"__proto__":{"admin":true}}')],
    ['an unknown content type', 415, () => request('POST', '/api/v1/courts', { ...auth(), 'Content-Type': 'text/x-weird' }, 'x')],
    ['a body without a content type', 415, () => request('POST', '/api/v1/courts', auth(), 'x')],
    ['multipart/mixed', 415, () => request('POST', photos(), { ...clerk(), 'Content-Type': 'multipart/mixed; boundary=zz' }, '--zz--\r\n')],
    ['multipart without a boundary', 400, () => request('POST', photos(), { ...clerk(), 'Content-Type': 'multipart/form-data' }, 'abc')],
    [
      'a multipart body cut short',
      400,
      () =>
        upload(
          `${part('takenAt', '2026-01-01T00:00:00Z')}--zz\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\n\r\nabc`,
        ),
    ],
    [
      'two files where one is taken',
      400,
      () => upload(`${part('file', 'a', '; filename="a.jpg"')}${part('file', 'b', '; filename="b.jpg"')}--zz--\r\n`),
    ],
    ['a file in an unknown field', 400, () => upload(`${part('other', 'a', '; filename="a.jpg"')}--zz--\r\n`)],
    ['a multipart field named __proto__', 400, () => upload(`${part('__proto__', 'a')}--zz--\r\n`)],
    ['a multipart field over 64 KB', 400, () => upload(`${part('takenAt', 'x'.repeat(70_000))}--zz--\r\n`)],
    ['more than 50 multipart fields', 400, () => upload(`${Array.from({ length: 60 }, (_, i) => part(`f${i}`, 'x')).join('')}--zz--\r\n`)],
    ['bad percent-encoding in the path', 400, () => request('GET', '/api/v1/cases/%zz', auth())],
    ['bad percent-encoding outside the API', 400, () => request('GET', '/%zz', {})],
    ['a URL over 8 KB', 414, () => request('GET', `/api/v1/cases?x=${'a'.repeat(9000)}`, auth())],
    ['a path segment over the router limit', 414, () => request('GET', `/api/v1/children/${'a'.repeat(5000)}`, auth())],
    [
      'a Content-Length shorter than the body',
      400,
      () => `POST /api/v1/courts HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{"a":1}`,
    ],
    [
      'Transfer-Encoding with Content-Length',
      400,
      () => `POST /api/v1/courts HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
    ],
    [
      'a malformed chunk',
      400,
      () => `POST /api/v1/courts HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n`,
    ],
    ['a control character in a header', 400, () => `GET /api/v1/courts HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \x01\x02\r\n\r\n`],
    ['an Expect other than 100-continue', 417, () => request('POST', '/api/v1/courts', { ...json(), Expect: 'nonsense' }, '{}')],
    ['a method the path does not take', 405, () => request('PROPFIND', '/api/v1/courts', auth())],
    ['a method an unknown path', 404, () => request('PROPFIND', '/api/v1/nowhere', auth())],
  ];
  const auth = () => ({ Authorization: w.admin.auth.Authorization });
  const clerk = () => ({ Authorization: w.clerkA.auth.Authorization });
  const json = () => ({ ...auth(), 'Content-Type': 'application/json' });
  const multipart = () => ({ ...clerk(), 'Content-Type': 'multipart/form-data; boundary=zz' });
  const photos = () => `/api/v1/children/${w.caseA.childId}/photos`;
  const upload = (body: string) => request('POST', photos(), multipart(), body);

  it.each(cases)('%s: %i', async (_name, status, build) => {
    const answer = await raw(build());
    expect(answer.status).toBe(status);
    expect(answer.contentType).toMatch(/^application\/problem\+json/);
    expect(answer.body).toMatchObject({
      status,
      type: expect.stringMatching(/^urn:cmfc:problem:/),
      title: expect.any(String),
      detail: expect.any(String),
    });
  });
});

describe('a method a known path does not take', () => {
  it('is a 405 naming the methods it takes in Allow, with a parameter in the path too', async () => {
    const courts = await t.http.delete('/api/v1/courts').set(w.admin.auth).expect(405);
    expect(courts.headers.allow).toBe('GET, HEAD, POST');
    expect(courts.body).toMatchObject({ status: 405, code: 'MethodNotAllowed' });
    const one = await t.http.put(`/api/v1/cases/${w.caseA.id}`).set(w.clerkA.auth).send({}).expect(405);
    expect(one.headers.allow).toMatch(/^GET, HEAD/);
    expect(one.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('leaves a path no route has, or a method that has a route there, a 404', async () => {
    const none = await t.http.delete('/api/v1/nowhere').set(w.admin.auth).expect(404);
    expect(none.headers.allow).toBeUndefined();
    expect(none.body.code).toBe('NoSuchRoute');
    await t.http.get('/api/v1/cases/00000000-0000-4000-8000-000000000000').set(w.clerkA.auth).expect(404);
  });
});

describe("PostgreSQL's input errors are a 400 as a last line of defence", () => {
  // Each query makes the real database raise the code; the filter must read it as the input's fault.
  it.each([
    ['22021', `SELECT convert_from('\\x00'::bytea, 'UTF8')`],
    ['22P05', `SELECT ('"\\u0000"'::jsonb) ->> 0`],
    ['22P02', `SELECT 'not-a-uuid'::uuid`],
    ['22007', `SELECT 'yesterday-ish'::timestamptz`],
    ['22008', `SELECT '2026-02-30'::date`],
    ['22003', `SELECT 99999999999::int4`],
    ['22012', `SELECT 1 / 0`],
    ['2201B', `SELECT 'a' ~ '('`],
    ['2201W', `SELECT 1 LIMIT -1`],
    ['2201X', `SELECT 1 OFFSET -1`],
  ])('%s', async (code, sql) => {
    const error = await t.db.query(sql).then(
      () => null,
      (e: unknown) => e,
    );
    expect((error as { driverError?: { code?: string } }).driverError?.code).toBe(code);
    expect(toProblem(error)).toMatchObject({ status: 400, code: expect.stringMatching(/^Invalid/) });
  });
});

describe('files are stored only once the rows are', () => {
  it('a RECOVERY_NOTIFICATION proof with an offset of +99:00 and a file attached leaves no file behind', async () => {
    const { obligations } = await openEpisode(t, w, { recovered: true });
    const before = storedFiles();
    const res = await t.http
      .post(`/api/v1/obligations/${obligations.RECOVERY_NOTIFICATION}/evidence`)
      .set(w.agency1User.auth)
      .field('lawEnforcementNotifiedAt', '2026-03-01T10:00:00+99:00')
      .field('ncmecNotifiedAt', hoursAgo(0.5))
      .attach('file', await pdf('notice'), 'notice.pdf');
    expectProblem(res, 400, 'lawEnforcementNotifiedAt');
    expect(storedFiles()).toEqual(before);
  });

  it('proofs refused by their row checks (future, before the episode, obligation already submitted) leave no file behind', async () => {
    const { obligations } = await openEpisode(t, w);
    const before = storedFiles();
    const send = (performedAt: string, name: string) =>
      t.http
        .post(`/api/v1/obligations/${obligations.CURRENT_PHOTO}/evidence`)
        .set(w.agency1User.auth)
        .field('performedAt', performedAt)
        .attach('file', fixture('gps.jpg'), name);
    expectProblem(await send(new Date(Date.now() + 86_400_000).toISOString(), 'future.jpg'), 400, 'performedAt');
    expectProblem(await send('2001-01-01T00:00:00Z', 'old.jpg'), 400, 'performedAt');
    expect(storedFiles()).toEqual(before);
    await send(hoursAgo(1), 'now.jpg').expect(201);
    expect(storedFiles().length).toBe(before.length + 1);
    const again = await t.http
      .post(`/api/v1/obligations/${obligations.CURRENT_PHOTO}/evidence`)
      .set(w.agency1User.auth)
      .field('performedAt', hoursAgo(1))
      .attach('file', fixture('plain.png'), 'second.png');
    expectProblem(again, 409);
    expect(storedFiles().length).toBe(before.length + 1);
  });
});
