import type { IncomingMultipartFile } from '@nestjs/platform-fastify';
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { hashingStorage, SNIFF_BYTES, type HashedUpload } from './hashing-storage.js';

/** Feeds `bytes` to the storage engine in 1,000-byte chunks, as a multipart stream would. */
function store(keep: 'all' | 'head', bytes: Buffer): Promise<Partial<HashedUpload>> {
  const chunks = Array.from({ length: Math.ceil(bytes.length / 1000) }, (_, i) => bytes.subarray(i * 1000, (i + 1) * 1000));
  const file = { fieldname: 'file', originalname: 'x.pdf', encoding: '7bit', mimetype: 'application/pdf', stream: Readable.from(chunks) };
  return new Promise((resolve, reject) =>
    hashingStorage(keep)._handleFile({}, file as IncomingMultipartFile, (error, info) =>
      error ? reject(error) : resolve(info as Partial<HashedUpload>),
    ),
  );
}

describe('hashingStorage', () => {
  const bytes = randomBytes(25_500);
  const sha256 = createHash('sha256').update(bytes).digest('hex');

  it('keeps the whole file and its SHA-256 counted while it streamed', async () => {
    const info = await store('all', bytes);
    expect(info).toMatchObject({ sha256, size: bytes.length, kept: 'all' });
    expect(info.buffer?.equals(bytes)).toBe(true);
  });

  it('keeps only the first bytes (for the content check) but hashes and counts them all', async () => {
    const info = await store('head', bytes);
    expect(info).toMatchObject({ sha256, size: bytes.length, kept: 'head' });
    expect(info.buffer?.equals(bytes.subarray(0, SNIFF_BYTES))).toBe(true);
  });

  it('keeps a file smaller than the head whole', async () => {
    const small = bytes.subarray(0, 300);
    const info = await store('head', small);
    expect(info.buffer?.equals(small)).toBe(true);
    expect(info.sha256).toBe(createHash('sha256').update(small).digest('hex'));
  });
});
