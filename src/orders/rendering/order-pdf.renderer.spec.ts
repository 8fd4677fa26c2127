import { createHash } from 'node:crypto';
import { PDFParse } from 'pdf-parse';
import { markdownToBlocks } from './markdown-layout.js';
import { renderPdf, type PdfSettings } from './order-pdf.renderer.js';

const settings: PdfSettings = {
  title: 'Order',
  author: 'Court A',
  draft: false,
  footer: {
    reference: 'Order No. 2026-IO-0007',
    verification: 'Verify at https://court.example/api/v1/orders/verify?code=ABCDE-FGHJK',
  },
  createdAt: new Date('2026-03-03T15:04:05.678Z'),
  modifiedAt: new Date('2026-03-03T15:04:05.678Z'),
};

async function pdfText(pdf: Buffer): Promise<{ text: string; pages: number }> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const result = await parser.getText();
    return {
      text: result.text.replace(/-\n/g, '-').replace(/\s+/g, ' '),
      pages: result.total,
    };
  } finally {
    await parser.destroy();
  }
}

const sha256Of = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const longOrder = `# Court A\n\n## Order\n\n${Array.from({ length: 40 }, (_, i) => `${i + 1}. Paragraph number ${i + 1} of the order, long enough to wrap onto a second line of the page, with **bold** words.`).join('\n')}\n\n**IT IS SO ORDERED.**\n\n> /s/ Judge A\\\n> Judge Presiding\n`;

describe('renderPdf', () => {
  it('is deterministic: the same blocks and settings give the same bytes (the second time from measured widths)', async () => {
    const blocks = markdownToBlocks(longOrder);
    const a = await renderPdf(blocks, settings);
    const b = await renderPdf(markdownToBlocks(longOrder), { ...settings });
    expect(a.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
    expect(sha256Of(a)).toBe(sha256Of(b));
    // the trailer /ID comes from the fixed metadata, not from randomness
    expect(a.toString('latin1')).toMatch(/\/ID \[<[0-9a-f]{32}> <[0-9a-f]{32}>\]/);
    expect(a.toString('latin1')).toContain('(D:20260303150405Z)');
    const later = await renderPdf(blocks, {
      ...settings,
      modifiedAt: new Date('2026-03-04T00:00:00Z'),
    });
    expect(sha256Of(later)).not.toBe(sha256Of(a));
  });

  it("gives the same bytes as pdfkit's own font handling: the font and width caches only save time", async () => {
    const blocks = markdownToBlocks(`${longOrder}\n\nWith *italic*, ***bold italic***, AVAWAY kerning and Ünïcödé.`);
    const cached = await renderPdf(blocks, settings);
    const plain = await renderPdf(blocks, settings, { caches: false });
    expect(sha256Of(cached)).toBe(sha256Of(plain));
  });

  it('lays out the text over pages with "Page X of Y" and the footer on every page', async () => {
    const { text, pages } = await pdfText(await renderPdf(markdownToBlocks(longOrder), settings));
    expect(pages).toBeGreaterThanOrEqual(2);
    for (let page = 1; page <= pages; page += 1) expect(text).toContain(`Page ${page} of ${pages}`);
    expect(text.split('Order No. 2026-IO-0007').length - 1).toBe(pages);
    expect(text).toContain('Verify at https://court.example/api/v1/orders/verify?code=ABCDE-FGHJK');
    expect(text).toContain('40. Paragraph number 40 of the order');
    expect(text).toContain('IT IS SO ORDERED.');
    expect(text).toContain('/s/ Judge A Judge Presiding');
    expect(text).not.toContain('DRAFT');
  });

  it('marks every page of a draft', async () => {
    const { text, pages } = await pdfText(
      await renderPdf(markdownToBlocks(longOrder), {
        ...settings,
        draft: true,
      }),
    );
    expect(text.split('DRAFT - NOT SIGNED - NOT AN ORDER OF THE COURT').length - 1).toBe(pages);
  });

  it.each(['justify', 'left'] as const)('prints escaped data literally and keeps the space after bold text (%s)', async (align) => {
    const markdown =
      '**Report.** Then \\*Jo\\_\\<b\\> text that is long enough to be justified across the whole line of the page, and more.';
    const { text } = await pdfText(await renderPdf(markdownToBlocks(markdown), { ...settings, align }));
    expect(text).toContain('Report. Then *Jo_<b> text that is long enough');
  });

  it('sets text ragged right on request, which changes the layout but not the text', async () => {
    const blocks = markdownToBlocks(longOrder);
    const justified = await renderPdf(blocks, settings);
    const ragged = await renderPdf(blocks, { ...settings, align: 'left' });
    expect(sha256Of(justified)).not.toBe(sha256Of(ragged));
    expect((await pdfText(justified)).text).toBe((await pdfText(ragged)).text);
  });
});
