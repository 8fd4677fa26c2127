import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FileStorage } from './file-storage.js';

const SHA256 = /^[0-9a-f]{64}$/;

/** The default adapter: a local directory (STORAGE_DIR), fanned out by the hash's first two characters. */
export class LocalFileStorage extends FileStorage {
  constructor(private readonly root: string) {
    super();
  }

  async put(sha256: string, bytes: Buffer): Promise<void> {
    const path = this.pathOf(sha256);
    if (
      await stat(path).then(
        () => true,
        () => false,
      )
    )
      return;
    await mkdir(join(this.root, sha256.slice(0, 2)), { recursive: true, mode: 0o700 });
    // Write then rename, so a crash never leaves a half-written file under the final name.
    const temporary = `${path}.${randomUUID()}.tmp`;
    await writeFile(temporary, bytes, { mode: 0o600 });
    await rename(temporary, path);
  }

  get(sha256: string): Promise<Buffer> {
    return readFile(this.pathOf(sha256));
  }

  private pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error('storage keys are SHA-256 hex digests');
    return join(this.root, sha256.slice(0, 2), sha256);
  }
}
