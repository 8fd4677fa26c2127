import { binary, fixture, sha256 } from './support/files.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { seedWorld, type World } from './support/world.js';

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await startTestApp();
  w = await seedWorld(t);
});
afterAll(() => t?.close());

/** Uploads a photo of case A's child and reads back the bytes the service stored. */
async function storedBytes(file: Buffer, name: string): Promise<{ answer: Record<string, unknown>; bytes: Buffer }> {
  const res = await t.http
    .post(`/api/v1/children/${w.caseA.childId}/photos`)
    .set(w.agency1User.auth)
    .field('takenAt', '2026-02-20T15:00:00-06:00')
    .attach('file', file, name)
    .expect(201);
  const served = await t.http.get(`/api/v1/photos/${res.body.id}`).set(w.clerkA.auth).buffer(true).parse(binary).expect(200);
  const bytes = served.body as Buffer;
  expect(bytes.length).toBe(res.body.byteSize);
  expect(sha256(bytes)).toBe(res.body.sha256);
  return { answer: res.body, bytes };
}

describe('photos keep no hidden image or trailer', () => {
  it('stores a phone JPEG without the GPS-tagged image appended after its end or its MPF index', async () => {
    const phone = fixture('mpf-appended.jpg');
    expect(phone.toString('latin1')).toMatch(/MPF[\s\S]*GPS|MPF[\s\S]*TestPhone/);
    const { bytes } = await storedBytes(phone, 'IMG_0002.jpg');
    expect(bytes.equals(fixture('plain.jpg'))).toBe(true);
    expect(bytes.toString('latin1')).not.toMatch(/MPF|Exif|GPS|TestPhone|secret place/);
    expect(bytes.indexOf(Buffer.from([0xff, 0xd8]), 2)).toBe(-1);
  });

  it('stores a progressive JPEG without the comment and EXIF written between its scans', async () => {
    const { bytes } = await storedBytes(fixture('progressive-between-scans.jpg'), 'progressive.jpg');
    expect(bytes.equals(fixture('progressive.jpg'))).toBe(true);
    expect(bytes.toString('latin1')).not.toMatch(/123 Main St|GPSLatitude/);
  });

  it('stores a PNG cut at IEND, without its tEXt, eXIf and private chunks, keeping its colour chunk', async () => {
    const { answer, bytes } = await storedBytes(fixture('trailer.png'), 'screen.png');
    expect(answer).toMatchObject({ contentType: 'image/png' });
    expect(bytes.equals(fixture('srgb.png'))).toBe(true);
    expect(bytes.toString('latin1')).not.toMatch(/eXIf|tEXt|prVt|123 Main St|GPS|TestPhone/);
  });

  it('refuses a JPEG that starts a second image inside the first with a 400 naming the file, and stores nothing', async () => {
    const plain = fixture('plain.jpg');
    const broken = Buffer.concat([plain.subarray(0, 20), plain]);
    const before = await t.db.query('SELECT count(*)::int AS n FROM photos');
    const res = await t.http
      .post(`/api/v1/children/${w.caseA.childId}/photos`)
      .set(w.agency1User.auth)
      .field('takenAt', '2026-02-20T15:00:00-06:00')
      .attach('file', broken, 'broken.jpg')
      .expect(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body.errors[0].field).toBe('file');
    expect(await t.db.query('SELECT count(*)::int AS n FROM photos')).toEqual(before);
  });
});
