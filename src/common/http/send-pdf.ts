import type { FastifyReply } from 'fastify';

/** Answers a PDF about a child's case: shown inline, never cached by a browser or proxy. */
export async function sendPdf(reply: FastifyReply, pdf: Buffer, filename: string): Promise<void> {
  await reply
    .header('content-type', 'application/pdf')
    .header('cache-control', 'private, no-store')
    .header('content-disposition', `inline; filename="${filename}"`)
    .send(pdf);
}
