import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import type { S3Config } from '../common/config/app-config.js';
import { checkKey, FileMissing, type FileStorage } from './file-storage.js';

/**
 * STORAGE_DRIVER=s3: an S3 bucket, or any S3-compatible object store
 * (S3_ENDPOINT, path-style addressing), under `<first two hex digits>/<sha256>`.
 * Reads stream the object's body as it arrives.
 */
export class S3FileStorage implements FileStorage {
  private readonly client: S3Client;

  constructor(private readonly s3: S3Config) {
    this.client = new S3Client({
      region: s3.region,
      endpoint: s3.endpoint ?? undefined,
      forcePathStyle: true,
      credentials: s3.accessKeyId && s3.secretAccessKey ? { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey } : undefined,
    });
  }

  async put(sha256: string, bytes: Buffer): Promise<void> {
    const Key = keyOf(sha256);
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.s3.bucket, Key }));
      return;
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
    await this.client.send(new PutObjectCommand({ Bucket: this.s3.bucket, Key, Body: bytes, ContentLength: bytes.length }));
  }

  async open(sha256: string): Promise<Readable> {
    try {
      const answer = await this.client.send(new GetObjectCommand({ Bucket: this.s3.bucket, Key: keyOf(sha256) }));
      return answer.Body as Readable;
    } catch (error) {
      if (isMissing(error)) throw new FileMissing(sha256);
      throw error;
    }
  }

  /** For shutdown: the client's sockets. */
  destroy(): void {
    this.client.destroy();
  }
}

function keyOf(sha256: string): string {
  return `${checkKey(sha256).slice(0, 2)}/${sha256}`;
}

function isMissing(error: unknown): boolean {
  return (
    error instanceof S3ServiceException &&
    (error.$metadata.httpStatusCode === 404 || error.name === 'NoSuchKey' || error.name === 'NotFound')
  );
}
