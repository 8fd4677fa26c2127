import { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { insertRows } from '../common/database/sql.js';
import { StoredFile, StoredFileChunk } from './entities/stored-file.entity.js';
import { checkKey, FileMissing, type FileStorage } from './file-storage.js';

/** Small enough that a read holds one chunk at a time; large enough that a 10 MB photo is 40 rows. */
export const CHUNK_BYTES = 256 * 1024;
/** Chunks written per INSERT. */
const CHUNKS_PER_INSERT = 8;

/**
 * STORAGE_DRIVER=postgres: files in the database, so every replica on every
 * host sees every file with nothing else to run. A file is written in one
 * transaction (its row, then its chunks; a second writer of the same bytes
 * waits on the row and then finds it stored) and read chunk by chunk as it
 * is sent, never whole.
 */
export class PostgresFileStorage implements FileStorage {
  constructor(private readonly dataSource: DataSource) {}

  async put(sha256: string, bytes: Buffer): Promise<void> {
    checkKey(sha256);
    const chunkCount = Math.ceil(bytes.length / CHUNK_BYTES);
    await this.dataSource.transaction(async (manager) => {
      const inserted = await insertRows(manager, StoredFile, [{ sha256, byteSize: bytes.length, chunkCount }], {
        ignoreConflicts: true,
        key: 'sha256',
      });
      if (inserted.length === 0) return;
      const chunks = manager.getRepository(StoredFileChunk);
      for (let first = 0; first < chunkCount; first += CHUNKS_PER_INSERT) {
        const batch: StoredFileChunk[] = [];
        for (let seq = first; seq < Math.min(first + CHUNKS_PER_INSERT, chunkCount); seq += 1) {
          batch.push({ sha256, seq, bytes: bytes.subarray(seq * CHUNK_BYTES, (seq + 1) * CHUNK_BYTES) });
        }
        await chunks.insert(batch);
      }
    });
  }

  async open(sha256: string): Promise<Readable> {
    checkKey(sha256);
    const file = await this.dataSource.getRepository(StoredFile).findOneBy({ sha256 });
    if (!file) throw new FileMissing(sha256);
    const dataSource = this.dataSource;
    async function* chunks(): AsyncGenerator<Buffer> {
      for (let seq = 0; seq < file!.chunkCount; seq += 1) {
        const [row] = (await dataSource.query(`SELECT bytes FROM stored_file_chunks WHERE sha256 = $1 AND seq = $2`, [
          sha256,
          seq,
        ])) as Array<{
          bytes: Buffer;
        }>;
        if (!row) throw new Error(`stored file ${sha256} lacks chunk ${seq}`);
        yield row.bytes;
      }
    }
    return Readable.from(chunks(), { objectMode: false });
  }
}
