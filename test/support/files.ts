import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PDFParse } from 'pdf-parse';
import PDFDocument from 'pdfkit';
import type { Response as SuperAgentResponse } from 'superagent';

export const fixture = (name: string): Buffer => readFileSync(new URL(`../fixtures/${name}`, import.meta.url));

/** A small real PDF, as an agency's scanned safety assessment would be. */
export function pdf(text = 'Safety assessment'): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.text(text);
    doc.end();
  });
}

/** supertest parser that keeps a response body as bytes. */
export function binary(res: SuperAgentResponse, callback: (error: Error | null, body: Buffer) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
}

export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** The text of a PDF with line breaks folded, so a phrase split over lines still matches. */
export async function pdfText(pdf: Buffer): Promise<{ text: string; pages: number }> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const result = await parser.getText();
    return { text: result.text.replace(/-\n/g, '-').replace(/\s+/g, ' '), pages: result.total };
  } finally {
    await parser.destroy();
  }
}
