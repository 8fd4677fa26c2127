import PDFDocument from 'pdfkit';
import { layoutLines, type Line, type StyledText } from './line-layout.js';
import type { Align, Block, Run } from './markdown-layout.js';

/** What a document says around its text: metadata, DRAFT mark and the footer of every page. */
export interface PdfSettings {
  title: string;
  /** The court; PDF metadata only. */
  author: string;
  /** The PDF's Creator (and Producer, with "(PDFKit)"); `cmfc-court` unless a document must not name a court at all. */
  creator?: string;
  draft: boolean;
  footer: {
    /** Bottom left of every page, e.g. "Order No. 2026-IO-0001". */
    reference: string | null;
    /** Under it: how to verify the document. */
    verification: string | null;
  };
  /** The PDF's CreationDate and ModDate: fixed from the document's own record, so the same input gives the same bytes. */
  createdAt: Date;
  modifiedAt: Date;
  /** Body text justified (the default), or ragged right. Both cost the same. */
  align?: 'justify' | 'left';
  /**
   * Images an `![alt](name)` paragraph may draw, by name (JPEG or PNG bytes, embedded as they are).
   * Data is escaped before it becomes Markdown, so only a template can place one.
   */
  images?: Record<string, Buffer>;
}

/** The box an image is scaled into: three by four inches (two by two and two thirds when "small"), never wider than the column. */
const IMAGE_BOX = { width: 216, height: 288 };

const PAGE_WIDTH = 612;
const PAGE_HEIGHT = 792;
const MARGINS = { top: 72, bottom: 100, left: 72, right: 72 };
const CONTENT_WIDTH = PAGE_WIDTH - MARGINS.left - MARGINS.right;
const BODY_SIZE = 12;
const LINE_GAP = 3;
const LIST_INDENT = 28;
const CELL_PADDING = 4;

// The standard PDF fonts: nothing to embed, so a page costs little.
const FONTS = {
  regular: 'Times-Roman',
  bold: 'Times-Bold',
  italic: 'Times-Italic',
  boldItalic: 'Times-BoldItalic',
  mono: 'Courier',
};

export const DRAFT_BANNER = 'DRAFT - NOT SIGNED - NOT AN ORDER OF THE COURT';

/**
 * Lays out document blocks on US Letter pages with pdfkit: caption and
 * headings centred, numbered paragraphs with hanging labels, the signature
 * block on the right half, "Page X of Y" and the document's reference and
 * verification line at the foot of every page, a DRAFT mark on drafts.
 * Deterministic: no clock, no random ids (pdfkit derives the trailer /ID from
 * the metadata, which is fixed here). Only pdfkit's public API: its standard
 * fonts, widthOfString, text and addContent (declared in its typings; the
 * word-spacing operator of a justified line). `caches: false` measures every
 * width with pdfkit instead of the per-process memo, for tests to compare.
 */
export function renderPdf(blocks: Block[], settings: PdfSettings, options: { caches?: boolean } = {}): Promise<Buffer> {
  const caches = options.caches ?? true;
  const doc = new PDFDocument({
    size: 'LETTER',
    margins: MARGINS,
    bufferPages: true,
    compress: true,
    pdfVersion: '1.4',
    lang: 'en-US',
    displayTitle: true,
    font: FONTS.regular,
    info: {
      Title: settings.title,
      Author: settings.author,
      Creator: settings.creator ?? 'cmfc-court',
      Producer: `${settings.creator ?? 'cmfc-court'} (PDFKit)`,
      CreationDate: settings.createdAt,
      ModDate: settings.modifiedAt,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  try {
    let widths: Widths = (text, font, size) => doc.font(font).fontSize(size).widthOfString(text);
    if (caches) widths = memoizeWidths(doc);
    const layout = new Layout(doc, widths, settings.align ?? 'justify', settings.images ?? {});
    layout.blocks(blocks, MARGINS.left, CONTENT_WIDTH, 9);
    layout.furniture(settings);
  } finally {
    doc.end();
  }
  return done;
}

interface TextStyle {
  size: number;
  align: Align | 'justify';
  bold?: boolean;
  upper?: boolean;
}

class Layout {
  private readonly lineHeights = new Map<number, number>();

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly widths: Widths,
    private readonly bodyAlign: 'left' | 'justify',
    private readonly images: Record<string, Buffer>,
  ) {}

  private get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** Starts a new page unless `height` still fits on this one. */
  private ensure(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  /** Of the body face at a size (with pdfkit's line gap); the same for every line, so measured once. */
  private lineHeight(size = BODY_SIZE): number {
    let height = this.lineHeights.get(size);
    if (height === undefined) {
      const doc = this.doc;
      height = doc.font(FONTS.regular).fontSize(size).currentLineHeight(true);
      this.lineHeights.set(size, height);
    }
    return height;
  }

  blocks(blocks: Block[], x: number, width: number, gap: number): void {
    for (const block of blocks) this.block(block, x, width, gap);
  }

  private block(block: Block, x: number, width: number, gap: number): void {
    const doc = this.doc;
    switch (block.type) {
      case 'heading': {
        const size = block.level === 1 ? 14 : block.level === 2 ? 13 : BODY_SIZE;
        if (block.level === 2) doc.y += 6;
        // A heading never ends a page: keep it with two lines of what follows.
        this.ensure(this.lineHeight(size) + this.lineHeight() * 2);
        this.text(block.runs, x, width, {
          size,
          align: block.level <= 3 ? 'center' : 'left',
          bold: true,
          upper: block.level <= 2,
        });
        doc.y += block.level === 1 ? 0 : block.level === 2 ? 10 : 4;
        break;
      }
      case 'paragraph':
        this.ensure(this.lineHeight());
        this.text(block.runs, x, width, {
          size: BODY_SIZE,
          align: this.bodyAlign,
        });
        doc.y += gap;
        break;
      case 'list':
        for (const item of block.items) {
          this.ensure(this.lineHeight() * 2);
          const y = doc.y;
          this.boxed(item.label, FONTS.regular, BODY_SIZE, x, y, {
            width: LIST_INDENT - 4,
            lineBreak: false,
          });
          doc.y = y;
          this.blocks(item.blocks, x + LIST_INDENT, width - LIST_INDENT, Math.min(gap, 4));
        }
        doc.y += gap - Math.min(gap, 4);
        break;
      case 'table':
        this.table(block, x, width);
        doc.y += gap;
        break;
      case 'signature': {
        this.ensure(this.lineHeight() * 3);
        const half = width / 2;
        doc.y += 8;
        this.blocks(block.blocks, x + half, half, 2);
        doc.y += gap;
        break;
      }
      case 'rule':
        this.ensure(12);
        doc
          .moveTo(x, doc.y + 2)
          .lineTo(x + width, doc.y + 2)
          .lineWidth(0.75)
          .stroke();
        doc.y += 14;
        break;
      case 'code':
        this.ensure(this.lineHeight());
        doc.font(FONTS.mono).fontSize(10).text(block.text, x, doc.y, { width, lineGap: 1 });
        doc.y += gap;
        break;
      case 'image':
        this.image(block, x, width, gap);
        break;
    }
  }

  /** Centred in the column, scaled to fill IMAGE_BOX (a photo is printed at one size, however many pixels it has); an image the document was not given prints its alt text. */
  private image(block: Extract<Block, { type: 'image' }>, x: number, width: number, gap: number): void {
    const doc = this.doc;
    const bytes = this.images[block.name];
    if (!bytes) {
      this.block({ type: 'paragraph', runs: [{ text: block.alt, bold: false, italic: true, code: false }] }, x, width, gap);
      return;
    }
    // doc.openImage is public pdfkit API (its images guide: an image's size before drawing it), missing from @types/pdfkit.
    const image = (doc as unknown as { openImage(src: Buffer): { width: number; height: number; orientation?: number } }).openImage(bytes);
    // EXIF orientations 5-8 turn the picture a quarter: pdfkit draws it rotated, so its box is the other way round.
    const [iw, ih] = (image.orientation ?? 1) > 4 ? [image.height, image.width] : [image.width, image.height];
    const box = block.small ? { width: IMAGE_BOX.width / 1.5, height: IMAGE_BOX.height / 1.5 } : IMAGE_BOX;
    const scale = Math.min(Math.min(width, box.width) / iw, box.height / ih);
    const [w, h] = [iw * scale, ih * scale];
    this.ensure(h);
    doc.image(image as unknown as PDFKit.Mixins.ImageSrc, x + (width - w) / 2, doc.y, { width: w, height: h });
    doc.y += h + gap;
  }

  private table(block: Extract<Block, { type: 'table' }>, x: number, width: number): void {
    const doc = this.doc;
    const columns = Math.max(1, block.header.length);
    const columnWidth = width / columns;
    const inner = columnWidth - CELL_PADDING * 2;
    const row = (cells: Run[][], bold: boolean): void => {
      const heights = cells.map((cell) => this.measure(cell, inner, bold));
      const height = Math.max(this.lineHeight(), ...heights);
      this.ensure(height);
      const y = doc.y;
      cells.forEach((cell, i) => {
        doc.y = y;
        this.text(cell, x + i * columnWidth + CELL_PADDING, inner, {
          size: BODY_SIZE,
          align: block.align[i] ?? 'left',
          bold,
        });
      });
      doc.y = y + height;
    };
    row(block.header, true);
    if (block.rows.length === 0) return;
    const line = (): void => {
      doc
        .moveTo(x, doc.y + 1)
        .lineTo(x + width, doc.y + 1)
        .lineWidth(0.5)
        .stroke();
      doc.y += 4;
    };
    line();
    for (const cells of block.rows) {
      row(cells, false);
      line();
    }
  }

  private measure(runs: Run[], width: number, bold: boolean): number {
    return this.lines(runs, width, { size: BODY_SIZE, align: 'left', bold }).length * this.advance(BODY_SIZE);
  }

  private lines(runs: Run[], width: number, style: TextStyle): Line[] {
    return layoutLines(mergeByFont(runs, style), width, (text, font) => this.widths(text, font, style.size));
  }

  /** From one line's top to the next. */
  private advance(size: number): number {
    return this.lineHeight(size) + LINE_GAP;
  }

  /** Runs of differing faces set as lines of the width, breaking pages as needed; `doc.y` ends under the last line. */
  private text(runs: Run[], x: number, width: number, style: TextStyle): void {
    const doc = this.doc;
    const advance = this.advance(style.size);
    for (const line of this.lines(runs, width, style)) {
      if (doc.y + advance > this.bottom) doc.addPage();
      const y = doc.y;
      this.line(line, x, width, y, style);
      doc.y = y + advance;
    }
    doc.x = x;
  }

  /**
   * One line: pieces of a face drawn together, placed from the measured
   * widths. A justified line widens its spaces with the PDF word-spacing
   * operator (Tw, through pdfkit's addContent), so the spaces stay real
   * characters for search and copy. pdfkit draws every piece (`text` with
   * `lineBreak: false`): its fonts, encoding and kerning.
   */
  private line(line: Line, x: number, width: number, y: number, style: TextStyle): void {
    const words = line.words;
    const count = words.length;
    let gaps = 0;
    for (let i = 0; i < count - 1; i += 1) gaps += words[i].space?.text.length ?? 0;
    const stretch = style.align === 'justify' && !line.last && gaps > 0;
    // Rounded as written to the PDF, so the cursor moves exactly as the viewer will.
    const wordSpacing = stretch ? Math.round(((width - line.width) / gaps) * 1000) / 1000 : 0;
    let cx = x + (style.align === 'center' ? (width - line.width) / 2 : style.align === 'right' ? width - line.width : 0);
    const size = style.size;
    // The run of one face being collected.
    let open = false;
    let text = '';
    let font = '';
    let runWidth = 0;
    let spaces = 0;
    const doc = this.doc;
    if (stretch) doc.addContent(`${wordSpacing} Tw`);
    const draw = (): void => {
      if (!open) return;
      doc.font(font).fontSize(size).text(text, cx, y, { lineBreak: false });
      cx += runWidth + spaces * wordSpacing;
      open = false;
    };
    const add = (piece: StyledText, pieceWidth: number, pieceSpaces: number): void => {
      if (open && font !== piece.font) draw();
      if (!open) {
        open = true;
        text = '';
        font = piece.font;
        runWidth = 0;
        spaces = 0;
      }
      text += piece.text;
      runWidth += pieceWidth;
      spaces += pieceSpaces;
    };
    for (let i = 0; i < count; i += 1) {
      const word = words[i];
      for (const piece of word.pieces) add(piece, piece.width, 0);
      if (word.space && i < count - 1) add(word.space, word.spaceWidth, word.space.text.length);
    }
    draw();
    if (stretch) doc.addContent('0 Tw');
  }

  /** Text in a box of a width, set by pdfkit's line wrapper: list labels and the footer. */
  private boxed(
    text: string,
    font: string,
    size: number,
    x: number,
    y: number,
    options: PDFKit.Mixins.TextOptions & { width: number },
  ): void {
    this.doc.font(font).fontSize(size).text(text, x, y, options);
  }

  /** Page furniture, drawn once the number of pages is known. */
  furniture(settings: PdfSettings): void {
    const doc = this.doc;
    const { start, count } = doc.bufferedPageRange();
    for (let i = start; i < start + count; i += 1) {
      doc.switchToPage(i);
      // Writing below the bottom margin would make pdfkit add a page.
      const bottomMargin = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      const left = MARGINS.left;
      const y = PAGE_HEIGHT - MARGINS.bottom + 24;
      doc.fillColor('black').fillOpacity(1).strokeColor('black');
      doc
        .moveTo(left, y - 6)
        .lineTo(left + CONTENT_WIDTH, y - 6)
        .lineWidth(0.5)
        .stroke();
      doc.font(FONTS.regular).fontSize(9);
      if (settings.footer.reference)
        this.boxed(settings.footer.reference, FONTS.regular, 9, left, y, {
          width: CONTENT_WIDTH - 90,
          lineBreak: false,
        });
      this.boxed(`Page ${i - start + 1} of ${count}`, FONTS.regular, 9, left + CONTENT_WIDTH - 90, y, {
        width: 90,
        align: 'right',
        lineBreak: false,
      });
      if (settings.footer.verification)
        this.boxed(settings.footer.verification, FONTS.regular, 8, left, y + 13, {
          width: CONTENT_WIDTH,
          lineGap: 1,
        });
      if (settings.draft) this.draftMark();
      doc.page.margins.bottom = bottomMargin;
    }
  }

  private draftMark(): void {
    const doc = this.doc;
    doc.font(FONTS.bold).fontSize(10).fillColor('black').text(DRAFT_BANNER, MARGINS.left, 40, {
      width: CONTENT_WIDTH,
      align: 'center',
      lineBreak: false,
    });
    doc.save();
    doc.rotate(-50, { origin: [PAGE_WIDTH / 2, PAGE_HEIGHT / 2] });
    doc.font(FONTS.bold).fontSize(150).fillColor('#9a9a9a').fillOpacity(0.28);
    doc.text('DRAFT', 0, PAGE_HEIGHT / 2 - 75, {
      width: PAGE_WIDTH,
      align: 'center',
      lineBreak: false,
    });
    doc.restore();
    doc.fillColor('black').fillOpacity(1);
  }
}

/** The width of text in a face at a size, in points. */
type Widths = (text: string, font: string, size: number) => number;

const WIDTH_CACHE_LIMIT = 50_000;
/** Face and size -> text -> width. */
const knownWidths = new Map<string, Map<string, number>>();
let knownCount = 0;

/**
 * Widths asked of pdfkit (its public widthOfString) once per process: with
 * the standard fonts a width depends only on face, size and text, so the
 * same words in the next order cost a lookup (bounded).
 */
function memoizeWidths(doc: PDFKit.PDFDocument): Widths {
  return (text, font, size) => {
    const key = `${font}@${size}`;
    let widths = knownWidths.get(key);
    if (!widths) knownWidths.set(key, (widths = new Map()));
    let width = widths.get(text);
    if (width === undefined) {
      width = doc.font(font).fontSize(size).widthOfString(text);
      if (knownCount >= WIDTH_CACHE_LIMIT) {
        knownWidths.clear();
        knownCount = 0;
        knownWidths.set(key, (widths = new Map()));
      }
      widths.set(text, width);
      knownCount += 1;
    }
    return width;
  };
}

function fontOf(run: Run, forceBold: boolean): string {
  if (run.code) return FONTS.mono;
  const bold = forceBold || run.bold;
  if (bold && run.italic) return FONTS.boldItalic;
  if (bold) return FONTS.bold;
  return run.italic ? FONTS.italic : FONTS.regular;
}

/** Adjacent runs in the same face become one piece. */
function mergeByFont(runs: Run[], style: TextStyle): StyledText[] {
  const pieces: StyledText[] = [];
  for (const run of runs) {
    if (!run.text) continue;
    const font = fontOf(run, style.bold ?? false);
    const text = style.upper ? run.text.toUpperCase() : run.text;
    const last = pieces[pieces.length - 1];
    if (last && last.font === font) last.text += text;
    else pieces.push({ text, font });
  }
  return pieces;
}
