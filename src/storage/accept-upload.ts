import { createHash } from 'node:crypto';
import { PayloadTooLarge, UnsupportedMediaType, ValidationFailed } from '../common/errors/domain-error.js';
import { sniffContentType, type AcceptedType } from './content-type.js';
import { MalformedImage, stripImageMetadata } from './image-metadata.js';

export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const MAX_PDF_BYTES = 20 * 1024 * 1024;
/** A signed order's PDF (text and a seal, a few hundred KB at most): what public verification reads. */
export const MAX_VERIFIED_PDF_BYTES = 5 * 1024 * 1024;

const LIMIT_OF: Record<AcceptedType, number> = {
  'image/jpeg': MAX_PHOTO_BYTES,
  'image/png': MAX_PHOTO_BYTES,
  'application/pdf': MAX_PDF_BYTES,
};

export interface AcceptedFile {
  bytes: Buffer;
  contentType: AcceptedType;
  sha256: string;
  byteSize: number;
}

/** An uploaded file; `sha256` when it was hashed as it streamed in (the hashing storage). */
export interface UploadedBytes {
  buffer?: Buffer;
  sha256?: string;
  size?: number;
  kept?: 'all' | 'head';
}

/**
 * Checks an uploaded file by its content and prepares the bytes to store:
 * missing -> 400, wrong type -> 415, over the type's limit -> 413, photos
 * stripped of metadata. The hash and size are those of the stored bytes.
 */
export async function acceptUpload(file: UploadedBytes | undefined, field: string, allowed: AcceptedType[]): Promise<AcceptedFile> {
  if (file?.kept === 'head') throw new Error('acceptUpload needs the whole file; use acceptHashedUpload');
  if (!file?.buffer || file.buffer.length === 0) throw ValidationFailed.field(field, 'a file is required');
  const detected = await sniffContentType(file.buffer);
  if (!detected || !allowed.includes(detected)) {
    throw new UnsupportedMediaType(field, `must be ${allowed.map((t) => t.split('/')[1].toUpperCase()).join(' or ')} (checked by content)`);
  }
  if (file.buffer.length > LIMIT_OF[detected]) {
    throw new PayloadTooLarge(field, `must be at most ${LIMIT_OF[detected] / (1024 * 1024)} MB`);
  }
  let bytes = file.buffer;
  if (detected !== 'application/pdf') {
    try {
      bytes = stripImageMetadata(file.buffer, detected);
    } catch (error) {
      if (error instanceof MalformedImage) throw ValidationFailed.field(field, `is not a readable image (${error.message})`);
      throw error;
    }
  }
  const sha256 = bytes === file.buffer && file.sha256 ? file.sha256 : createHash('sha256').update(bytes).digest('hex');
  return { bytes, contentType: detected, sha256, byteSize: bytes.length };
}

/**
 * For a route that needs only the hash of what was sent (the hashing storage
 * with `keep: 'head'`): missing -> 400, wrong type by content -> 415; the
 * size limit was applied while it streamed.
 */
export async function acceptHashedUpload(
  file: UploadedBytes | undefined,
  field: string,
  allowed: AcceptedType[],
): Promise<{ contentType: AcceptedType; sha256: string; byteSize: number }> {
  if (!file?.buffer || file.buffer.length === 0 || !file.sha256) throw ValidationFailed.field(field, 'a file is required');
  const detected = await sniffContentType(file.buffer);
  if (!detected || !allowed.includes(detected)) {
    throw new UnsupportedMediaType(field, `must be ${allowed.map((t) => t.split('/')[1].toUpperCase()).join(' or ')} (checked by content)`);
  }
  return { contentType: detected, sha256: file.sha256, byteSize: file.size ?? file.buffer.length };
}
