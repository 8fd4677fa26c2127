/*
 * Text drawn by writing the PDF operators pdfkit would write, without
 * pdfkit's per-call machinery (options objects, a glyph-by-glyph encoding
 * into arrays of hex strings and position objects, a line wrapper for any
 * call with a width, one content chunk per operator). The layout already
 * knows where every line goes; this only encodes its text.
 *
 * The operators are the ones pdfkit writes for `doc.text(text, x, y,
 * { lineBreak: false })` with a standard font (WinAnsi encoding, kerning
 * from the AFM metrics), number for number, with one difference: the
 * strings are literal, `(text)`, where pdfkit writes the same bytes in hex,
 * `<74657874>` (half the size, and a third of the time in zlib). A unit test
 * renders documents both ways and compares them operator by operator after
 * reading pdfkit's hex strings as bytes. The encoding tables are taken from
 * pdfkit's own font objects (its encodeText and characterToGlyph for each
 * character code, its widths and kerning pairs), so they cannot drift from
 * pdfkit's. If the fonts do not look as expected, no writer is made and
 * pdfkit draws everything as before; text the writer cannot encode (a code
 * pdfkit does not write as one byte) goes through pdfkit on its own.
 */

/** The parts of pdfkit's AFM metrics (StandardFont.font) read here. */
export interface AfmInternals {
  kernPairs?: unknown;
  encodeText(text: string): unknown;
  characterToGlyph(code: number): unknown;
  widthOfGlyph(glyph: string): number;
  getKernPair(left: string, right: string): number;
}

/** The parts of pdfkit's StandardFont read here. */
export interface StandardFaceInternals {
  id: string;
  ascender: number;
  font: AfmInternals;
  ref(): unknown;
  lineHeight(size: number, includeGap?: boolean): number;
}

interface PageInternals {
  height: number;
  margins: { bottom: number };
  fonts: Record<string, unknown>;
  maxY(): number;
}

interface DocumentInternals {
  page: PageInternals;
  _pageBuffer?: unknown[];
  x: number;
  y: number;
  _lineGap?: number;
  addContent(data: unknown): unknown;
  font(face: string): DocumentInternals;
  fontSize(size: number): DocumentInternals;
  widthOfString(text: string): number;
}

/** Per face, for the life of the process: character code -> glyph, glyph widths and kerning, as flat tables. */
interface FaceTables {
  /** Character codes 0-255: the byte pdfkit writes for the code as it goes in a literal string (null: left to pdfkit), and the glyph's index. */
  literal: (string | null)[];
  /** 1 where the code is written as the character itself. */
  plain: Uint8Array;
  glyph: Uint16Array;
  /** Codes from 256 on, looked up when first met (null: a glyph outside the tables). */
  wide: Map<number, Coded | null>;
  names: Map<string, number>;
  /** By glyph index, in font units. */
  widths: Float64Array;
  /** left * count + right -> the kerning of the pair, in font units. */
  kerns: Int16Array | Float64Array;
  count: number;
  afm: AfmInternals;
}

interface Coded {
  literal: string | null;
  glyph: number;
}

const tablesOfAfm = new WeakMap<AfmInternals, FaceTables | null>();

function tablesFor(afm: AfmInternals): FaceTables | null {
  let tables = tablesOfAfm.get(afm);
  if (tables === undefined) {
    tables = buildTables(afm);
    tablesOfAfm.set(afm, tables);
  }
  return tables;
}

/**
 * pdfkit writes text as hex strings, the code of each character (after its
 * WinAnsi map) in hex. The same byte in a literal string: half the size,
 * and much quicker to deflate (zlib spends three times as long on the hex).
 * null when pdfkit's hex is not one byte (a code it cannot map, or below
 * 16): such text is left to pdfkit, which writes what it always wrote.
 */
function literalOf(afm: AfmInternals, code: number): string | null {
  const encoded = afm.encodeText(String.fromCharCode(code));
  if (!Array.isArray(encoded) || encoded.length !== 1 || typeof encoded[0] !== 'string' || !/^[0-9a-f]{2}$/.test(encoded[0])) return null;
  const byte = parseInt(encoded[0], 16);
  if (byte === 0x28 || byte === 0x29 || byte === 0x5c) return `\\${String.fromCharCode(byte)}`;
  if (byte < 0x20 || byte === 0x7f) return `\\${byte.toString(8).padStart(3, '0')}`;
  return String.fromCharCode(byte);
}

function buildTables(afm: AfmInternals): FaceTables | null {
  if (typeof afm.encodeText !== 'function' || typeof afm.characterToGlyph !== 'function') return null;
  if (typeof afm.widthOfGlyph !== 'function' || typeof afm.getKernPair !== 'function') return null;
  const names = new Map<string, number>();
  const literal: (string | null)[] = [];
  const glyph = new Uint16Array(256);
  const index = (name: string): number => {
    let i = names.get(name);
    if (i === undefined) names.set(name, (i = names.size));
    return i;
  };
  index('.notdef');
  for (let code = 0; code < 256; code += 1) {
    const name = afm.characterToGlyph(code);
    if (typeof name !== 'string') return null;
    literal.push(literalOf(afm, code));
    glyph[code] = index(name);
  }
  // Every glyph a code can map to in pdfkit's WinAnsi tables is among these.
  const count = names.size;
  const list = [...names.keys()];
  const widths = new Float64Array(count);
  const kerns = new Float64Array(count * count);
  for (let left = 0; left < count; left += 1) widths[left] = afm.widthOfGlyph(list[left]);
  // The pairs pdfkit knows ("left\0right" -> amount), each checked against its own lookup; else every pair asked.
  const pairs = afm.kernPairs;
  let fromPairs = typeof pairs === 'object' && pairs !== null;
  if (fromPairs) {
    for (const [pair, amount] of Object.entries(pairs as Record<string, unknown>)) {
      const split = pair.indexOf('\u0000');
      const left = names.get(pair.slice(0, split));
      const right = names.get(pair.slice(split + 1));
      if (split < 0 || typeof amount !== 'number') fromPairs = false;
      else if (left !== undefined && right !== undefined) {
        if (afm.getKernPair(list[left], list[right]) !== amount) fromPairs = false;
        kerns[left * count + right] = amount;
      }
    }
  }
  if (!fromPairs)
    for (let left = 0; left < count; left += 1)
      for (let right = 0; right < count; right += 1) kerns[left * count + right] = afm.getKernPair(list[left], list[right]);
  // The AFM kerning amounts are whole font units: a quarter of the memory (and of the cache misses) as 16-bit integers.
  const whole = kerns.every((amount) => Number.isInteger(amount) && amount >= -32768 && amount <= 32767);
  const plain = new Uint8Array(256);
  for (let code = 0; code < 256; code += 1) plain[code] = literal[code] === String.fromCharCode(code) ? 1 : 0;
  return { literal, plain, glyph, wide: new Map(), names, widths, kerns: whole ? Int16Array.from(kerns) : kerns, count, afm };
}

function wideCode(tables: FaceTables, code: number): Coded | null {
  let found = tables.wide.get(code);
  if (found === undefined) {
    const name = tables.afm.characterToGlyph(code);
    const glyph = typeof name === 'string' ? tables.names.get(name) : undefined;
    found = glyph !== undefined ? { literal: literalOf(tables.afm, code), glyph } : null;
    tables.wide.set(code, found);
  }
  return found;
}

/** pdfkit's number format in content streams (PDFObject.number). */
function num(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** pdfkit's PDFNumber: to a float32, never above the value. */
const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);
function pdfNumber(n: number): number {
  const rounded = Math.fround(n);
  if (rounded <= n) return rounded;
  f32[0] = n;
  if (n <= 0) u32[0] += 1;
  else u32[0] -= 1;
  return f32[0];
}

/**
 * The operand of TJ for text in a face, as pdfkit's _fragment builds it:
 * strings cut where a kerning pair moves the next glyph, each followed by
 * the adjustment (the strings literal where pdfkit writes them in hex).
 * '' for no text; null when a character is left to pdfkit.
 */
function showText(tables: FaceTables, text: string): string | null {
  const { literal, plain, glyph, widths, kerns, count } = tables;
  let out = '';
  let segment = '';
  // Characters written as themselves are copied from the text a run at a time.
  let run = 0;
  let previous = -1;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    let g: number;
    let written: string | null = null;
    if (code < 256) {
      g = glyph[code];
      if (plain[code] === 0) written = literal[code];
    } else {
      const wide = wideCode(tables, code);
      if (wide === null) return null;
      g = wide.glyph;
      written = wide.literal;
    }
    if (previous >= 0) {
      const kern = kerns[previous * count + g];
      if (kern !== 0) {
        // pdfkit: xAdvance (width + kerning) - advanceWidth (width)
        const width = widths[previous];
        const advance = width + kern - width;
        if (advance !== 0) {
          out += `(${segment}${text.slice(run, i)}) ${num(-advance)} `;
          segment = '';
          run = i;
        }
      }
    }
    if (code >= 256 || plain[code] === 0) {
      if (written === null) return null;
      segment += text.slice(run, i) + written;
      run = i + 1;
    }
    previous = g;
  }
  if (previous < 0) return '';
  // The last glyph has no right neighbour: no kerning, written as 0.
  return `${out}(${segment}${text.slice(run)}) 0`;
}

/**
 * Surely one line in pdfkit's wrapper: no character that forces or allows a
 * break other than between words, and the whole text narrower than the line
 * however it is cut into words (each kerning pair counted at its worst).
 */
function fitsOneLine(tables: FaceTables, text: string, size: number, lineWidth: number): boolean {
  let bound = 0;
  let previous = -1;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x85 || code === 0xad || code === 0x2028 || code === 0x2029) return false;
    const g = code < 256 ? tables.glyph[code] : wideCode(tables, code)?.glyph;
    if (g === undefined) return false;
    bound += tables.widths[g] + (previous >= 0 ? Math.abs(tables.kerns[previous * tables.count + g]) : 0);
    previous = g;
  }
  return (bound / 1000) * size + 1e-6 < lineWidth;
}

/*
 * The break opportunities pdfkit's line breaker (the linebreak package,
 * Unicode line breaking, UAX #14) finds in printable ASCII, where only a
 * few of its rules apply: the class of each character from 0x20 to 0x7E,
 * and its pair table for those classes (D: a break, I: a break only after
 * spaces, P: none). A unit test wraps random ASCII both ways and compares.
 */
const SP = 14;
const WJ = 13;
// Classes, in order: OP CL CP QU EX SY IS PR PO NU AL HY BA WJ SP.
const ASCII_CLASSES = 'oedkhikdackhglgfjjjjjjjjjjggkkkekkkkkkkkkkkkkkkkkkkkkkkkkkkahckkkkkkkkkkkkkkkkkkkkkkkkkkkkkambk';
// Rows: the class before (OP..BA, WJ); columns: the class after (OP..BA).
const PAIRS = [
  'PPPPPPPPPPPPP',
  'DPPIPPPIIDDII',
  'DPPIPPPIIIIII',
  'PPPIPPPIIIIII',
  'DPPIPPPDDDDII',
  'DPPIPPPDDIDII',
  'DPPIPPPDDIIII',
  'IPPIPPPDDIIII',
  'IPPIPPPDDIIII',
  'IPPIPPPIIIIII',
  'IPPIPPPIIIIII',
  'DPPIPPPDDIDII',
  'DPPIPPPDDDDII',
  'IPPIPPPIIIIII',
];

/** Where each word ends (the last at the text's length), as the line breaker gives them; null if not all printable ASCII. */
function asciiBreaks(text: string): number[] | null {
  const classes: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code > 0x7e) return null;
    classes.push(ASCII_CLASSES.charCodeAt(code - 0x20) - 97);
  }
  const breaks: number[] = [];
  if (classes.length === 0) return breaks;
  // The first character: a space counts as a word joiner.
  let current = classes[0] === SP ? WJ : classes[0];
  for (let i = 1; i < classes.length; i += 1) {
    const before = classes[i - 1];
    const next = classes[i];
    // A space never starts a break and leaves the class before it in place.
    if (next === SP) continue;
    const pair = PAIRS[current][next];
    current = next;
    if (pair === 'D' || (pair === 'I' && before === SP)) breaks.push(i);
  }
  breaks.push(text.length);
  return breaks;
}

export class PdfTextWriter {
  /** What pdfkit wrote for calls made again on later pages (see repeated). */
  private readonly replays = new Map<string, { ops: unknown[]; x: number; y: number; height: number; maxY: number }>();

  private constructor(
    private readonly doc: DocumentInternals,
    private readonly faces: Map<string, { face: StandardFaceInternals; tables: FaceTables }>,
  ) {}

  /** A writer for these faces of the document, or null when pdfkit's fonts are not shaped as expected. */
  static create(doc: PDFKit.PDFDocument, faces: Record<string, unknown>): PdfTextWriter | null {
    const internal = doc as unknown as DocumentInternals;
    if (typeof internal.addContent !== 'function') return null;
    const found = new Map<string, { face: StandardFaceInternals; tables: FaceTables }>();
    for (const [name, candidate] of Object.entries(faces)) {
      const face = candidate as Partial<StandardFaceInternals> | null;
      if (!face || typeof face.id !== 'string' || typeof face.ascender !== 'number') return null;
      if (typeof face.ref !== 'function' || typeof face.lineHeight !== 'function' || typeof face.font !== 'object' || !face.font)
        return null;
      const tables = tablesFor(face.font);
      if (!tables) return null;
      found.set(name, { face: face as StandardFaceInternals, tables });
    }
    return new PdfTextWriter(internal, found);
  }

  /**
   * What doc.widthOfString(text) answers in the face and size, computed the
   * same way (advances with kerning summed in font units, then scaled); null
   * when a character is outside the tables.
   */
  width(text: string, faceName: string, size: number): number | null {
    const entry = this.faces.get(faceName);
    if (!entry) return null;
    const { glyph, widths, kerns, count } = entry.tables;
    let sum = 0;
    let previous = -1;
    for (let i = 0; i < text.length; i += 1) {
      const code = text.charCodeAt(i);
      let g: number;
      if (code < 256) g = glyph[code];
      else {
        const wide = wideCode(entry.tables, code);
        if (wide === null) return null;
        g = wide.glyph;
      }
      // pdfkit adds each glyph's advance (its width and the kerning with the next) in turn.
      if (previous >= 0) sum += widths[previous] + kerns[previous * count + g];
      previous = g;
    }
    if (previous >= 0) sum += widths[previous] + 0;
    // StandardFont.widthOfString, then the document's (no character spacing, 100% horizontal scaling).
    return ((sum * (size / 1000) + 0) * 100) / 100;
  }

  /**
   * The operators pdfkit writes for `text(text, x, y, { lineBreak: false })`
   * in the face and size, y being the top of the line (joined by newlines,
   * to be passed to write). Registers the font on the page as pdfkit does.
   * '' when there is nothing to draw; null when pdfkit must draw it.
   */
  fragment(text: string, faceName: string, size: number, x: number, y: number): string | null {
    const entry = this.faces.get(faceName);
    if (!entry) return null;
    if (text.includes('\n')) text = text.replace(/\n/g, '');
    const shown = showText(entry.tables, text);
    if (!shown) return shown;
    const { face } = entry;
    const page = this.doc.page;
    const fonts = page.fonts;
    if (fonts[face.id] == null) fonts[face.id] = face.ref();
    const top = page.height - y - (face.ascender / 1000) * size;
    return `q\n1 0 0 -1 0 ${num(page.height)} cm\nBT\n1 0 0 1 ${num(x)} ${num(top)} Tm\n/${face.id} ${num(size)} Tf\n[${shown}] TJ\nET\nQ`;
  }

  /**
   * Text in a box, as `text(text, x, y, { width, align, lineGap })` sets it
   * with pdfkit's line wrapper: the same lines, where the wrapper puts them,
   * and doc.x and doc.y left where it leaves them. Text that surely fits on
   * one line is set as one line; longer text is wrapped here only if it is
   * printable ASCII (see asciiBreaks). false (nothing done beyond selecting
   * the font) when the wrapper would cut a word, start a new page, or a
   * character is left to pdfkit: then pdfkit must set it.
   */
  boxed(
    text: string,
    faceName: string,
    size: number,
    x: number,
    y: number,
    box: { width: number; align: 'left' | 'right'; lineGap?: number },
  ): boolean {
    const entry = this.faces.get(faceName);
    const doc = this.doc;
    doc.font(faceName).fontSize(size);
    if (!entry || text.length === 0) return false;
    const { face, tables } = entry;
    // LineWrapper's line width: one column, no indent, 100% horizontal scaling.
    const lineWidth = ((box.width * 100) / 100 - 18 * 0) / 1;
    const lines = fitsOneLine(tables, text, size, lineWidth) ? [text] : this.wrap(text, faceName, size, lineWidth);
    if (!lines) return false;
    const maxY = pdfNumber(doc.page.maxY());
    const lineHeight = face.lineHeight(size, true);
    const advance = lineHeight + (box.lineGap || doc._lineGap || 0);
    // The wrapper starts a new page if the first line passes the bottom, or after a line if the next would.
    if (y > maxY || y + lineHeight > maxY) return false;
    let lineY = y;
    for (let i = 0; i < lines.length - 1; i += 1) {
      lineY += advance;
      if (pdfNumber(lineY + lineHeight) > maxY) return false;
    }
    let ops = '';
    lineY = y;
    for (const line of lines) {
      let left = x;
      if (box.align === 'right') left += lineWidth - doc.widthOfString(line.replace(/\s+$/, ''));
      const fragment = this.fragment(line, faceName, size, left, lineY);
      if (fragment === null) return false;
      if (fragment) ops = ops ? `${ops}\n${fragment}` : fragment;
      lineY += advance;
    }
    if (ops) this.write(ops);
    doc.x = x;
    doc.y = lineY;
    return true;
  }

  /**
   * The lines pdfkit's LineWrapper makes of printable ASCII text: words
   * between the break opportunities of its line breaker, each measured as
   * the wrapper does (rounded down to a float32), set greedily. null when
   * the text is not printable ASCII or a word is wider than a line (the
   * wrapper cuts it: left to pdfkit).
   */
  private wrap(text: string, faceName: string, size: number, lineWidth: number): string[] | null {
    const breaks = asciiBreaks(text);
    if (!breaks) return null;
    const lines: string[] = [];
    let line = '';
    let spaceLeft = lineWidth;
    let start = 0;
    for (const end of breaks) {
      const word = text.slice(start, end);
      start = end;
      const measured = this.width(word, faceName, size);
      if (measured === null) return null;
      const w = pdfNumber(measured + 0 + 0);
      if (w > lineWidth + 0) return null;
      if (w <= spaceLeft) {
        line += word;
        spaceLeft -= w;
      } else {
        lines.push(line);
        line = word;
        spaceLeft = lineWidth - w;
      }
    }
    if (line) lines.push(line);
    return lines;
  }

  /**
   * Text pdfkit must set (see boxed), repeated on every page: the footer.
   * pdfkit sets it the first time in the document (draw); on later pages the
   * same call (same key: text, face, size, position, options) writes what
   * pdfkit wrote, registers the face on the page as pdfkit would, and leaves
   * doc.x and doc.y where pdfkit left them. Remembered only if the call
   * stayed on its page; a call that went to a new page is always pdfkit's.
   */
  repeated(key: string, faceName: string, size: number, draw: () => void): void {
    const doc = this.doc;
    const entry = this.faces.get(faceName);
    const known = this.replays.get(key);
    if (known && entry && known.height === doc.page.height && known.maxY === doc.page.maxY()) {
      doc.font(faceName).fontSize(size);
      if (known.ops.length > 0) {
        const fonts = doc.page.fonts;
        if (fonts[entry.face.id] == null) fonts[entry.face.id] = entry.face.ref();
        for (const op of known.ops) doc.addContent(op);
      }
      doc.x = known.x;
      doc.y = known.y;
      return;
    }
    const page = doc.page;
    const pages = doc._pageBuffer?.length;
    const ops: unknown[] = [];
    const own = Object.getOwnPropertyDescriptor(doc, 'addContent');
    const addContent = doc.addContent;
    doc.addContent = function (this: DocumentInternals, data: unknown) {
      ops.push(data);
      return addContent.call(this, data);
    };
    try {
      draw();
    } finally {
      if (own) Object.defineProperty(doc, 'addContent', own);
      else delete (doc as Partial<DocumentInternals>).addContent;
    }
    if (entry && doc.page === page && doc._pageBuffer?.length === pages && typeof pages === 'number')
      this.replays.set(key, { ops, x: doc.x, y: doc.y, height: page.height, maxY: page.maxY() });
  }

  /** Operators (joined by newlines) into the current page's content, as pdfkit's addContent would write them one by one. */
  write(ops: string): void {
    this.doc.addContent(Buffer.from(`${ops}\n`, 'latin1'));
  }
}
