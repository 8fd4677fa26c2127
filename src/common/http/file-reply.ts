import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

/** A document or file answered as itself (a PDF, a photo, a proof, an HTML preview). */
export interface FileAnswer {
  contentType: string;
  body: Buffer | Readable | string;
  /** Shown inline under this name; none for a page (the HTML preview). */
  filename?: string;
  /**
   * `attachment` for files people uploaded (proofs): saved, never shown as a page of this origin,
   * and sandboxed (`Content-Security-Policy: sandbox`) should a browser render it anyway.
   */
  disposition?: 'inline' | 'attachment';
  /** The length of a streamed body, when known (a Buffer's is its own). */
  byteSize?: number;
}

/**
 * The one way a file leaves the service: its type, inline under its name, and
 * never kept by a browser or a proxy (`private, no-store`): these are
 * children's records.
 */
export async function sendFile(reply: FastifyReply, file: FileAnswer): Promise<void> {
  void reply.header('content-type', file.contentType).header('cache-control', 'private, no-store');
  if (file.filename) void reply.header('content-disposition', `${file.disposition ?? 'inline'}; filename="${file.filename}"`);
  if (file.disposition === 'attachment') void reply.header('content-security-policy', 'sandbox');
  if (file.byteSize !== undefined && !Buffer.isBuffer(file.body)) void reply.header('content-length', file.byteSize);
  await reply.send(file.body);
}

/** A PDF about a child's case, shown inline. */
export function sendPdf(reply: FastifyReply, pdf: Buffer, filename: string): Promise<void> {
  return sendFile(reply, { contentType: 'application/pdf', body: pdf, filename });
}
