import type { Readable } from 'node:stream';

/** The injection token of the configured storage driver (STORAGE_DRIVER: local, postgres or s3). */
export const FILE_STORAGE = Symbol('FILE_STORAGE');

/**
 * Where uploaded files live. Files are named by the SHA-256 of their bytes,
 * never by the client's file name, and are kept outside any served path.
 * Every driver behaves the same (test/storage-drivers.e2e-spec.ts runs one
 * suite against all three).
 */
export interface FileStorage {
  /** Stores bytes under their SHA-256; idempotent (the same bytes are the same file), also when two replicas store them at once. */
  put(sha256: string, bytes: Buffer): Promise<void>;
  /** The file as a stream, read as it is sent (no driver holds the whole file); FileMissing when there is none. */
  open(sha256: string): Promise<Readable>;
}

/** No file is stored under this hash. */
export class FileMissing extends Error {
  constructor(sha256: string) {
    super(`no stored file ${sha256}`);
    this.name = 'FileMissing';
  }
}

const SHA256 = /^[0-9a-f]{64}$/;

/** Refuses anything but a SHA-256 hex digest as a storage key (no path, no traversal). */
export function checkKey(sha256: string): string {
  if (!SHA256.test(sha256)) throw new Error('storage keys are SHA-256 hex digests');
  return sha256;
}

/** The whole file in memory, for the few that need it so (a photo embedded in a PDF). */
export async function readAll(storage: FileStorage, sha256: string): Promise<Buffer> {
  return collect(await storage.open(sha256));
}

/** A stream's bytes in one Buffer. */
export async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
