import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { checkKey, FileMissing, type FileStorage } from './file-storage.js';

/** STORAGE_DRIVER=local: a directory (STORAGE_DIR) of one host, fanned out by the hash's first two characters. */
export class LocalFileStorage implements FileStorage {
  constructor(private readonly root: string) {}

  async put(sha256: string, bytes: Buffer): Promise<void> {
    const path = this.pathOf(sha256);
    if (await exists(path)) return;
    await mkdir(join(this.root, sha256.slice(0, 2)), { recursive: true, mode: 0o700 });
    // Write then rename, so a crash never leaves a half-written file under the final name.
    const temporary = `${path}.${randomUUID()}.tmp`;
    await writeFile(temporary, bytes, { mode: 0o600 });
    await rename(temporary, path);
  }

  async open(sha256: string): Promise<Readable> {
    const path = this.pathOf(sha256);
    if (!(await exists(path))) throw new FileMissing(sha256);
    return createReadStream(path);
  }

  private pathOf(sha256: string): string {
    return join(this.root, checkKey(sha256).slice(0, 2), sha256);
  }
}

function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
