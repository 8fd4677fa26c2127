import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A file kept in PostgreSQL (STORAGE_DRIVER=postgres): its size and how many chunks hold its bytes. */
@Entity('stored_files')
export class StoredFile {
  @PrimaryColumn('char', { length: 64 }) sha256: string;
  @Column('integer', { name: 'byte_size' }) byteSize: number;
  @Column('integer', { name: 'chunk_count' }) chunkCount: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** One piece of a stored file's bytes, in order (`seq` from 0). */
@Entity('stored_file_chunks')
export class StoredFileChunk {
  @PrimaryColumn('char', { length: 64 }) sha256: string;
  @PrimaryColumn('integer') seq: number;
  @Column('bytea') bytes: Buffer;
}
