/**
 * Where uploaded files live. Files are named by the SHA-256 of their bytes,
 * never by the client's file name, and are kept outside any served path.
 */
export abstract class FileStorage {
  /** Stores bytes under their SHA-256 (idempotent: the same bytes are the same file). */
  abstract put(sha256: string, bytes: Buffer): Promise<void>;
  abstract get(sha256: string): Promise<Buffer>;
}
