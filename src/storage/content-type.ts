import { fileTypeFromBuffer } from 'file-type';

export type AcceptedType = 'image/jpeg' | 'image/png' | 'application/pdf';

/** The type of a file, decided by its bytes (file-type's signatures), never by its name or the client's header. */
export async function sniffContentType(bytes: Buffer): Promise<AcceptedType | null> {
  const detected = await fileTypeFromBuffer(bytes);
  const mime = detected?.mime;
  return mime === 'image/jpeg' || mime === 'image/png' || mime === 'application/pdf' ? mime : null;
}
