import type { MultipartStorageEngine, UploadedMultipartFile } from '@nestjs/platform-fastify';
import { createHash } from 'node:crypto';

/** Enough of a file's start for its type to be told by content (file-type reads at most 4,100 bytes). */
export const SNIFF_BYTES = 4100;

/** An uploaded file as the hashing storage hands it on: its SHA-256 and size counted while it streamed. */
export interface HashedUpload extends UploadedMultipartFile {
  sha256: string;
  /** `all`: `buffer` holds the whole file; `head`: only its first SNIFF_BYTES. */
  kept: 'all' | 'head';
}

/**
 * A multipart storage engine that hashes each file while it streams in. With
 * `keep: 'head'` it keeps only the file's start (for the content check), so a
 * route that needs nothing but the hash (public order verification) holds a
 * few kilobytes per request, whatever the file's size.
 */
export function hashingStorage(keep: 'all' | 'head'): MultipartStorageEngine {
  return {
    _handleFile(_req, file, callback) {
      const hash = createHash('sha256');
      const chunks: Buffer[] = [];
      let kept = 0;
      let size = 0;
      const onData = (chunk: Buffer) => {
        hash.update(chunk);
        size += chunk.length;
        if (keep === 'all') chunks.push(chunk);
        else if (kept < SNIFF_BYTES) {
          const part = chunk.subarray(0, SNIFF_BYTES - kept);
          chunks.push(part);
          kept += part.length;
        }
      };
      const stop = () => file.stream.off('data', onData).off('error', onError).off('end', onEnd);
      const onError = (error: Error) => {
        stop();
        callback(error);
      };
      const onEnd = () => {
        stop();
        const info: Partial<HashedUpload> = { buffer: Buffer.concat(chunks), size, sha256: hash.digest('hex'), kept: keep };
        callback(null, info);
      };
      file.stream.on('data', onData).once('error', onError).once('end', onEnd);
    },
    _removeFile(_req, file, callback) {
      delete file.buffer;
      callback(null);
    },
  };
}
