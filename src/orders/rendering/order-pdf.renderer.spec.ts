import { createHash } from 'node:crypto';
import { inflateSync } from 'node:zlib';
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

/** The byte as it goes in a literal string. */
const literalByte = (b: number): string =>
  b === 0x28 || b === 0x29 || b === 0x5c
    ? `\\${String.fromCharCode(b)}`
    : b < 0x20 || b === 0x7f
      ? `\\${b.toString(8).padStart(3, '0')}`
      : String.fromCharCode(b);

/** A content stream with its hex strings written as literal strings (literal strings copied as they are). */
function hexAsLiteral(content: string): string {
  let out = '';
  let i = 0;
  while (i < content.length) {
    const c = content[i];
    if (c === '(') {
      let depth = 0;
      let j = i;
      for (; j < content.length; j += 1) {
        if (content[j] === '\\') j += 1;
        else if (content[j] === '(') depth += 1;
        else if (content[j] === ')' && --depth === 0) break;
      }
      out += content.slice(i, j + 1);
      i = j + 1;
    } else if (c === '<' && content[i + 1] !== '<') {
      const end = content.indexOf('>', i);
      let hex = content.slice(i + 1, end);
      if (hex.length % 2) hex += '0';
      let bytes = '';
      for (let k = 0; k < hex.length; k += 2) bytes += literalByte(parseInt(hex.slice(k, k + 2), 16));
      out += `(${bytes})`;
      i = end + 1;
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}

/** The streams of a PDF (all deflated: page contents), inflated, in order, with where each sits in the file. */
function streamsOf(pdf: Buffer): { content: string; header: number; start: number; end: number }[] {
  const text = pdf.toString('latin1');
  const streams: { content: string; header: number; start: number; end: number }[] = [];
  const header = /\/Length (\d+)\n\/Filter \/FlateDecode\n>>\nstream\n/g;
  for (let m = header.exec(text); m; m = header.exec(text)) {
    const start = m.index + m[0].length;
    const end = start + Number(m[1]);
    streams.push({ content: inflateSync(pdf.subarray(start, end)).toString('latin1'), header: m.index, start, end });
    header.lastIndex = end;
  }
  return streams;
}

const contentsOf = (pdf: Buffer): string[] => streamsOf(pdf).map((stream) => stream.content);

/**
 * A PDF with every stream inflated and its hex strings read as literal
 * strings, and stream lengths and byte offsets left out: two documents that
 * normalize alike have the same objects and draw the same operators with
 * the same numbers and the same bytes of text.
 */
function normalized(pdf: Buffer): string {
  const text = pdf.toString('latin1');
  let out = '';
  let from = 0;
  for (const stream of streamsOf(pdf)) {
    out += `${text.slice(from, stream.header)}/Length ?\nstream\n${hexAsLiteral(stream.content)}`;
    from = stream.end;
  }
  out += text.slice(from);
  return out.replace(/^\d{10} 00000 n $/gm, 'offset').replace(/startxref\n\d+/, 'startxref');
}

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

  it('draws what pdfkit draws without the width memo: the memo only saves time', async () => {
    const blocks = markdownToBlocks(
      `${longOrder}\n\nWith *italic*, ***bold italic***, AVAWAY kerning, Ünïcödé “quotes” — € (parentheses) back\\\\slash, ≥ outside WinAnsi.\n\n` +
        `| left | centre | right |\n|:--|:-:|--:|\n| a cell that wraps onto a second line | T.V.A. | 12,345 |\n\n- bullet\n- bullet\n`,
    );
    const footers = [
      settings.footer,
      // printable ASCII over two lines
      {
        reference: 'Order No. 2026-IO-0007 | Verification code 7KQ2M-9XD4T',
        verification:
          "To verify this order, look up code 7KQ2M-9XD4T at https://court.example/api/v1/orders/verify?code=7KQ2M-9XD4T or upload this PDF to https://court.example/api/v1/orders/verify (the Court's record holds the SHA-256 of the signed PDF).",
      },
      // not ASCII over two lines
      { reference: null, verification: `Vérifier — ${'la décision de la Cour '.repeat(8)}` },
    ];
    for (const footer of footers) {
      for (const align of ['justify', 'left'] as const) {
        const fast = await renderPdf(blocks, { ...settings, footer, align });
        const plain = await renderPdf(blocks, { ...settings, footer, align }, { caches: false });
        expect(normalized(fast)).toBe(normalized(plain));
        expect(contentsOf(fast).length).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('wraps a footer of any printable ASCII the same with and without the width memo', async () => {
    // The footer's verification line, random text with breaks of every kind (spaces, hyphens, slashes, brackets, digits).
    let seed = 20260303;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const characters =
      ' '.repeat(10) + 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789' + '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'.repeat(2);
    const blocks = markdownToBlocks('# Court\n\n1. One.\n');
    for (let n = 0; n < 40; n += 1) {
      const pool = n % 5 === 4 ? 'abcdefghijklm' : characters;
      const verification = Array.from({ length: 20 + Math.floor(random() * 400) }, () => pool[Math.floor(random() * pool.length)]).join('');
      const footer = { reference: 'Order No. 1', verification };
      const fast = await renderPdf(blocks, { ...settings, footer });
      const plain = await renderPdf(blocks, { ...settings, footer }, { caches: false });
      expect(normalized(fast)).toBe(normalized(plain));
    }
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
