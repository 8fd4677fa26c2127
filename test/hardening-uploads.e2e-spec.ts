import { connect, type Socket } from 'node:net';
import { fixture, pdf, sha256 } from './support/files.js';
import { hoursAgo, openEpisode } from './support/hardening.js';
import { expectProblem } from './support/orders.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { waitFor } from './support/wait.js';
import { seedWorld, type World } from './support/world.js';

let t: TestApp;
let w: World;
let port: number;

beforeAll(async () => {
  t = await startTestApp({ UPLOAD_CONCURRENCY: '1' });
  w = await seedWorld(t);
  await t.app.listen(0, '127.0.0.1');
  port = (t.app.getHttpServer().address() as { port: number }).port;
});
afterAll(() => t?.close());

const BOUNDARY = 'hardening-boundary';

/** Sends a multipart request's head and the start of its body by hand, and leaves the rest unsent. */
function startUpload(
  path: string,
  contentLength: number,
  headers: Record<string, string> = {},
): { socket: Socket; answer: Promise<string> } {
  const socket = connect(port, '127.0.0.1');
  const answer = new Promise<string>((resolve, reject) => {
    let text = '';
    socket.on('data', (chunk) => {
      text += chunk.toString('latin1');
      const head = text.indexOf('\r\n\r\n');
      const length = /content-length: (\d+)/i.exec(text)?.[1];
      if (head >= 0 && length && text.length >= head + 4 + Number(length)) resolve(text);
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(text));
  });
  const head = [
    `POST ${path} HTTP/1.1`,
    'Host: localhost',
    `Content-Type: multipart/form-data; boundary=${BOUNDARY}`,
    `Content-Length: ${contentLength}`,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    '',
    '',
  ].join('\r\n');
  socket.write(head);
  socket.write(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="order.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n`,
  );
  return { socket, answer };
}

const problemOf = (raw: string) => ({
  status: Number(/^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1]),
  contentType: /content-type: ([^\r\n]+)/i.exec(raw)?.[1],
  retryAfter: /retry-after: ([^\r\n]+)/i.exec(raw)?.[1],
  body: JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)) as Record<string, unknown>,
});

describe('uploads are refused on Content-Length before the body is read', () => {
  it('answers 413 problem+json to a public verification declaring 50 MB while only its first bytes are sent', async () => {
    const { socket, answer } = startUpload('/api/v1/orders/verify', 50 * 1024 * 1024);
    const refused = problemOf(await answer);
    socket.destroy();
    expect(refused).toMatchObject({ status: 413, contentType: expect.stringMatching(/^application\/problem\+json/) });
    expect(refused.body).toMatchObject({ status: 413, code: 'PayloadTooLarge', errors: [{ field: 'file' }] });
  });

  it('answers 413 to a photo upload declaring more than 10 MB, before it is read, and stores nothing', async () => {
    const before = await t.db.query('SELECT count(*)::int AS n FROM photos');
    const { socket, answer } = startUpload(`/api/v1/children/${w.caseA.childId}/photos`, 12 * 1024 * 1024, {
      Authorization: w.clerkA.auth.Authorization,
    });
    const refused = problemOf(await answer);
    socket.destroy();
    expect(refused.status).toBe(413);
    expect(refused.body.detail).toMatch(/at most 10 MB/);
    expect(await t.db.query('SELECT count(*)::int AS n FROM photos')).toEqual(before);
  });
});

describe('public verification is sized to real orders', () => {
  it('refuses a 6 MB upload (413) and still verifies a small PDF by the hash counted while it streamed', async () => {
    const big = Buffer.concat([await pdf('padding'), Buffer.alloc(6 * 1024 * 1024)]);
    expectProblem(await t.http.post('/api/v1/orders/verify').attach('file', big, 'big.pdf'), 413);
    const small = await pdf('not an order of this court');
    const res = await t.http.post('/api/v1/orders/verify').attach('file', small, 'order.pdf').expect(200);
    expect(res.body).toEqual({ valid: false });
    expectProblem(await t.http.post('/api/v1/orders/verify').attach('file', fixture('plain.png'), 'order.pdf'), 415);
  });

  it('hashes a proof file while it streams: the stored file is named by the SHA-256 of the bytes sent', async () => {
    const { obligations } = await openEpisode(t, w);
    const file = await pdf('Police report R-9');
    const res = await t.http
      .post(`/api/v1/obligations/${obligations.LAW_ENFORCEMENT_REPORT}/evidence`)
      .set(w.agency1User.auth)
      .field('lawEnforcementAgency', 'APD')
      .field('reportNumber', 'R-9')
      .field('performedAt', hoursAgo(1))
      .attach('file', file, 'report.pdf')
      .expect(201);
    expect(res.body.file).toMatchObject({ sha256: sha256(file), byteSize: file.length });
  });
});

describe('a cap on concurrent uploads', () => {
  it('answers 503 with Retry-After while UPLOAD_CONCURRENCY uploads are in progress, and frees the slot when one ends', async () => {
    const held = startUpload('/api/v1/orders/verify', 200_000);
    const busy = await waitFor(async () => {
      const res = await t.http.post('/api/v1/orders/verify').attach('file', fixture('plain.png'), 'order.pdf');
      return res.status === 503 ? res : null;
    }, 20_000);
    expectProblem(busy, 503);
    expect(busy.body.code).toBe('UploadsBusy');
    expect(Number(busy.headers['retry-after'])).toBeGreaterThan(0);
    // Requests that are not multipart pass while the slot is taken.
    await t.http.get(`/api/v1/orders/verify?sha256=${'0'.repeat(64)}`).expect(200);

    held.socket.destroy();
    await waitFor(
      async () => (await t.http.post('/api/v1/orders/verify').attach('file', await pdf('after'), 'order.pdf')).status === 200,
      20_000,
    );
  });
});
