import { readFileSync } from 'node:fs';
import { PDFParse } from 'pdf-parse';
import { renderMarkdownPdf } from './document-pipeline.js';
import { markdownToBlocks } from './markdown-layout.js';
import { escapeMarkdown } from './markdown-escape.js';

const photo = readFileSync(new URL('../../../test/fixtures/gps.jpg', import.meta.url));
const settings = {
  title: 't',
  author: 'a',
  draft: false,
  footer: { reference: null, verification: null },
  createdAt: new Date('2026-03-01T00:00:00Z'),
  modifiedAt: new Date('2026-03-01T00:00:00Z'),
};

async function text(pdf: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

describe('images in documents', () => {
  it('turns a paragraph that is one image into an image block (small when titled so), and anything else into text', () => {
    expect(markdownToBlocks('![Photo of J.](photo)')).toEqual([{ type: 'image', name: 'photo', alt: 'Photo of J.', small: false }]);
    expect(markdownToBlocks('![x](photo "small")')).toEqual([{ type: 'image', name: 'photo', alt: 'x', small: true }]);
    expect(markdownToBlocks('See ![x](photo) here')[0].type).toBe('paragraph');
  });

  it('cannot be placed by data: an escaped value is text, never an image', () => {
    expect(markdownToBlocks(escapeMarkdown('![x](photo)'))).toEqual([
      { type: 'paragraph', runs: [{ text: '![x](photo)', bold: false, italic: false, code: false }] },
    ]);
  });

  it('embeds the bytes it was given, the same bytes for the same input, and prints the alt text of an image it was not given', async () => {
    const pdf = await renderMarkdownPdf('![The photo](photo)\n\nAfter.', { ...settings, images: { photo } });
    expect(pdf.includes(photo)).toBe(true);
    expect(pdf.equals(await renderMarkdownPdf('![The photo](photo)\n\nAfter.', { ...settings, images: { photo } }))).toBe(true);
    const without = await renderMarkdownPdf('![No photo on file](photo)', settings);
    expect(without.includes(photo)).toBe(false);
    expect(await text(without)).toContain('No photo on file');
  });
});
