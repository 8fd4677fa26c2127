import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Files kept in the database (STORAGE_DRIVER=postgres), so API replicas on
 * several hosts share them with nothing else to run: each file in chunks of
 * 256 KB, read back one chunk at a time. The chunks are stored uncompressed
 * (photos and PDFs are compressed already).
 */
export class StoredFiles1795600100000 implements MigrationInterface {
  name = 'StoredFiles1795600100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE stored_files (
        sha256 char(64) PRIMARY KEY,
        byte_size integer NOT NULL CHECK (byte_size >= 0),
        chunk_count integer NOT NULL CHECK (chunk_count >= 0),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE stored_file_chunks (
        sha256 char(64) NOT NULL REFERENCES stored_files(sha256) ON DELETE CASCADE,
        seq integer NOT NULL CHECK (seq >= 0),
        bytes bytea NOT NULL,
        PRIMARY KEY (sha256, seq)
      )`);
    await q.query(`ALTER TABLE stored_file_chunks ALTER COLUMN bytes SET STORAGE EXTERNAL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS stored_file_chunks`);
    await q.query(`DROP TABLE IF EXISTS stored_files`);
  }
}
