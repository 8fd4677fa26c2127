import { createHash } from 'node:crypto';
import { PayloadTooLarge, UnsupportedMediaType, ValidationFailed } from '../common/errors/domain-error.js';
import { sniffContentType, type AcceptedType } from './content-type.js';
import { MalformedImage, stripImageMetadata } from './image-metadata.js';

export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const MAX_PDF_BYTES = 20 * 1024 * 1024;

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

/**
 * Checks an uploaded file by its content and prepares the bytes to store:
 * missing -> 400, wrong type -> 415, over the type's limit -> 413, photos
 * stripped of metadata. The hash and size are those of the stored bytes.
 */
export async function acceptUpload(file: { buffer?: Buffer } | undefined, field: string, allowed: AcceptedType[]): Promise<AcceptedFile> {
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
  return { bytes, contentType: detected, sha256: createHash('sha256').update(bytes).digest('hex'), byteSize: bytes.length };
}
