import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { loadConfig } from '../src/common/config/app-config.js';
import { openDataSource } from '../src/common/database/database-setup.js';
import { StoredFile, StoredFileChunk } from '../src/storage/entities/stored-file.entity.js';
import { FileMissing, readAll, type FileStorage } from '../src/storage/file-storage.js';
import { LocalFileStorage } from '../src/storage/local-file-storage.js';
import { CHUNK_BYTES, PostgresFileStorage } from '../src/storage/postgres-file-storage.js';
import { S3FileStorage } from '../src/storage/s3-file-storage.js';
import { databaseUrl, dropDatabase, withServer } from './support/databases.js';
import { binary, fixture, sha256 } from './support/files.js';
import { startS3 } from './support/s3.js';
import { createTestDatabase, startTestApp, type TestApp } from './support/test-app.js';
import { createCase, seedWorld, type World } from './support/world.js';

/*
 * One suite, every storage driver (STORAGE_DRIVER): the driver itself, then
 * a photo uploaded and served through the HTTP API on it. The S3 driver runs
 * against s3rver, an S3-protocol server the test starts (a stand-in for S3).
 */

interface Driver {
  name: 'local' | 'postgres' | 's3';
  storage: FileStorage;
  /** The environment that makes the service use this driver. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

async function localDriver(): Promise<Driver> {
  const dir = mkdtempSync(join(tmpdir(), 'cmfc-files-'));
  return {
    name: 'local',
    storage: new LocalFileStorage(dir),
    env: { STORAGE_DRIVER: 'local' },
    stop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function postgresDriver(): Promise<Driver> {
  const name = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl(name),
    JWT_SECRET: 'x'.repeat(40),
    AUDIT_HMAC_KEY: 'x'.repeat(40),
    DB_POOL_SIZE: '4',
  });
  const dataSource: DataSource = await openDataSource(config, { migrate: false, entities: [StoredFile, StoredFileChunk] });
  return {
    name: 'postgres',
    storage: new PostgresFileStorage(dataSource),
    env: { STORAGE_DRIVER: 'postgres' },
    stop: async () => {
      await dataSource.destroy();
      await withServer((client) => dropDatabase(client, name));
    },
  };
}

async function s3Driver(): Promise<Driver> {
  const s3 = await startS3();
  const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'x'.repeat(40), AUDIT_HMAC_KEY: 'x'.repeat(40), ...s3.env });
  const storage = new S3FileStorage(config.s3 as NonNullable<typeof config.s3>);
  return {
    name: 's3',
    storage,
    env: s3.env,
    stop: async () => {
      storage.destroy();
      await s3.stop();
    },
  };
}

async function chunksOf(stream: Readable): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return chunks;
}

describe.each([
  ['local', localDriver],
  ['postgres', postgresDriver],
  ['s3', s3Driver],
])('the %s storage driver', (_name, make) => {
  let driver: Driver;
  beforeAll(async () => {
    driver = await make();
  });
  afterAll(async () => {
    await driver?.stop();
  });

  it('gives back the bytes stored under their SHA-256, streamed in pieces no larger than a chunk', async () => {
    const bytes = randomBytes(3 * CHUNK_BYTES + 12_345);
    await driver.storage.put(sha256(bytes), bytes);
    const chunks = await chunksOf(await driver.storage.open(sha256(bytes)));
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
    expect(chunks.length).toBeGreaterThan(1);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThanOrEqual(CHUNK_BYTES);
  });

  it('stores the same bytes once, also when they are stored twice at the same moment', async () => {
    const bytes = randomBytes(CHUNK_BYTES + 1);
    const key = sha256(bytes);
    await Promise.all([driver.storage.put(key, bytes), driver.storage.put(key, bytes)]);
    await driver.storage.put(key, bytes);
    expect((await readAll(driver.storage, key)).equals(bytes)).toBe(true);
  });

  it('keeps an empty file', async () => {
    const empty = Buffer.alloc(0);
    await driver.storage.put(sha256(empty), empty);
    expect((await readAll(driver.storage, sha256(empty))).length).toBe(0);
  });

  it('says when nothing is stored under a hash', async () => {
    await expect(driver.storage.open(sha256(randomBytes(16)))).rejects.toBeInstanceOf(FileMissing);
  });

  it('refuses a key that is not a SHA-256 hex digest', async () => {
    await expect(driver.storage.open('../../etc/passwd')).rejects.toThrow('SHA-256');
    await expect(driver.storage.put('ABC', Buffer.from('x'))).rejects.toThrow('SHA-256');
  });

  describe('through the API', () => {
    let t: TestApp;
    let w: World;
    beforeAll(async () => {
      t = await startTestApp(driver.env);
      w = await seedWorld(t);
    });
    afterAll(async () => {
      await t?.close();
    });

    it('serves a photo uploaded on it byte for byte, with its length', async () => {
      const c = await createCase(t, w.clerkA, w.courtA, w.judgeA.id, `S-${driver.name}`, w.agency1);
      const uploaded = await t.http
        .post(`/api/v1/children/${c.childId}/photos`)
        .set(w.clerkA.auth)
        .field('takenAt', '2026-02-20T15:00:00-06:00')
        .attach('file', fixture('gps.jpg'), 'photo.jpg')
        .expect(201);
      const served = await t.http.get(`/api/v1/photos/${uploaded.body.id}`).set(w.clerkA.auth).buffer(true).parse(binary).expect(200);
      expect(served.headers['content-type']).toBe('image/jpeg');
      expect(Number(served.headers['content-length'])).toBe(uploaded.body.byteSize);
      expect(sha256(served.body as Buffer)).toBe(uploaded.body.sha256);
    });

    it("answers a photo of a child outside the caller's scope as not found", async () => {
      const c = await createCase(t, w.clerkA, w.courtA, w.judgeA.id, `S2-${driver.name}`, w.agency1);
      const uploaded = await t.http
        .post(`/api/v1/children/${c.childId}/photos`)
        .set(w.clerkA.auth)
        .field('takenAt', '2026-02-20T15:00:00-06:00')
        .attach('file', fixture('plain.png'), 'photo.png')
        .expect(201);
      await t.http.get(`/api/v1/photos/${uploaded.body.id}`).set(w.clerkB.auth).expect(404);
    });
  });
});
