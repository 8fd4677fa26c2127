import { Lexer, type Token, type Tokens } from 'marked';

/*
 * Markdown tokens (from marked's lexer, never a parser of our own) turned into
 * the few blocks a court document is made of. The PDF renderer lays these
 * out; the HTML preview renders the same tokens. Conventions of our
 * templates: `#`/`##` are centred caption and title lines, `###` a centred
 * section heading, a table a caption row or a list of facts, `---` a rule,
 * and a block quote the signature block (set in the right half).
 */

export interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
  code: boolean;
}

export type Align = 'left' | 'center' | 'right';

export interface ListItem {
  /** "1.", "(a)", "•" */
  label: string;
  blocks: Block[];
}

export type Block =
  | { type: 'heading'; level: number; runs: Run[] }
  | { type: 'paragraph'; runs: Run[] }
  | { type: 'list'; ordered: boolean; items: ListItem[] }
  | { type: 'table'; align: Align[]; header: Run[][]; rows: Run[][][] }
  | { type: 'signature'; blocks: Block[] }
  | { type: 'rule' }
  | { type: 'code'; text: string }
  /** A paragraph that is one image: `![alt](name)` draws the image the document was given under `name`; `![alt](name "small")` at half size. */
  | { type: 'image'; name: string; alt: string; small: boolean };

export function lexMarkdown(markdown: string): Token[] {
  return Lexer.lex(markdown, { gfm: true, breaks: false });
}

export function markdownToBlocks(markdown: string): Block[] {
  return tokensToBlocks(lexMarkdown(markdown));
}

export function tokensToBlocks(tokens: Token[], depth = 0): Block[] {
  const blocks: Block[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case 'heading':
        blocks.push({
          type: 'heading',
          level: (token as Tokens.Heading).depth,
          runs: inlineRuns((token as Tokens.Heading).tokens),
        });
        break;
      case 'paragraph': {
        const inline = (token as Tokens.Paragraph).tokens.filter((t) => !(t.type === 'text' && !t.raw.trim()));
        if (inline.length === 1 && inline[0].type === 'image') {
          const image = inline[0] as Tokens.Image;
          blocks.push({ type: 'image', name: image.href, alt: image.text, small: image.title === 'small' });
          break;
        }
        blocks.push({
          type: 'paragraph',
          runs: inlineRuns((token as Tokens.Paragraph).tokens),
        });
        break;
      }
      case 'text': {
        // A tight list item's text: inline tokens, or plain text.
        const text = token as Tokens.Text;
        blocks.push({
          type: 'paragraph',
          runs: text.tokens ? inlineRuns(text.tokens) : [plain(decodeEntities(text.text))],
        });
        break;
      }
      case 'list': {
        const list = token as Tokens.List;
        const start = typeof list.start === 'number' ? list.start : 1;
        blocks.push({
          type: 'list',
          ordered: list.ordered,
          items: list.items.map((item, i) => ({
            label: listLabel(list.ordered, start + i, depth),
            blocks: tokensToBlocks(item.tokens, depth + 1),
          })),
        });
        break;
      }
      case 'table': {
        const table = token as Tokens.Table;
        blocks.push({
          type: 'table',
          align: table.align.map((a) => a ?? 'left'),
          header: table.header.map((cell) => inlineRuns(cell.tokens)),
          rows: table.rows.map((row) => row.map((cell) => inlineRuns(cell.tokens))),
        });
        break;
      }
      case 'blockquote':
        blocks.push({
          type: 'signature',
          blocks: tokensToBlocks((token as Tokens.Blockquote).tokens, depth),
        });
        break;
      case 'hr':
        blocks.push({ type: 'rule' });
        break;
      case 'code':
        blocks.push({ type: 'code', text: (token as Tokens.Code).text });
        break;
      case 'html':
        // Raw HTML is never interpreted: it prints as the text it is.
        blocks.push({
          type: 'paragraph',
          runs: [plain((token as Tokens.HTML).text.trim())],
        });
        break;
      default:
        // space, def, and anything else without printable content
        break;
    }
  }
  return blocks.filter((block) => !(block.type === 'paragraph' && block.runs.length === 0));
}

/** Numbered 1. 2. 3. at the top level, then (a) (b), then (i) (ii); bullets •. */
export function listLabel(ordered: boolean, n: number, depth: number): string {
  if (!ordered) return '•';
  switch (depth % 3) {
    case 0:
      return `${n}.`;
    case 1:
      return `(${alpha(n)})`;
    default:
      return `(${roman(n)})`;
  }
}

interface Style {
  bold: boolean;
  italic: boolean;
  code: boolean;
}

export function inlineRuns(tokens: Token[] | undefined, style: Style = { bold: false, italic: false, code: false }): Run[] {
  const runs: Run[] = [];
  const push = (text: string, s: Style) => {
    if (!text) return;
    const last = runs[runs.length - 1];
    if (last && last.bold === s.bold && last.italic === s.italic && last.code === s.code) last.text += text;
    else runs.push({ text, ...s });
  };
  const walk = (list: Token[], s: Style) => {
    for (const token of list) {
      switch (token.type) {
        case 'strong':
          walk((token as Tokens.Strong).tokens, { ...s, bold: true });
          break;
        case 'em':
          walk((token as Tokens.Em).tokens, { ...s, italic: true });
          break;
        case 'codespan':
          push((token as Tokens.Codespan).text, { ...s, code: true });
          break;
        case 'br':
          push('\n', s);
          break;
        case 'escape':
          push((token as Tokens.Escape).text, s);
          break;
        case 'image':
          push((token as Tokens.Image).text, s);
          break;
        case 'html':
          push((token as Tokens.HTML).text, s);
          break;
        case 'text': {
          const text = token as Tokens.Text;
          if (text.tokens && text.tokens.length > 0) walk(text.tokens, s);
          else push(decodeEntities(text.text), s);
          break;
        }
        default: {
          // link, del and the like: their text, without the markup
          const nested = (token as { tokens?: Token[] }).tokens;
          if (nested) walk(nested, s);
          else push(decodeEntities((token as { text?: string }).text ?? ''), s);
        }
      }
    }
  };
  walk(tokens ?? [], style);
  return runs;
}

/** The plain text of runs (for measuring, tests and the PDF's accessible text). */
export function runsText(runs: Run[]): string {
  return runs.map((r) => r.text).join('');
}

const plain = (text: string): Run => ({
  text,
  bold: false,
  italic: false,
  code: false,
});

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00A0',
  sect: '§',
  mdash: '—',
  ndash: '–',
};

/** Entities a template may write (`&amp;`, `&#167;`); data never produces them (its `&` arrives escaped). */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function alpha(n: number): string {
  let out = '';
  let k = n;
  while (k > 0) {
    k -= 1;
    out = String.fromCharCode(97 + (k % 26)) + out;
    k = Math.floor(k / 26);
  }
  return out;
}

function roman(n: number): string {
  const table: Array<[number, string]> = [
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let out = '';
  let k = n;
  for (const [value, numeral] of table) {
    while (k >= value) {
      out += numeral;
      k -= value;
    }
  }
  return out;
}
