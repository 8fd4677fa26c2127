/*
 * Breaking styled text into lines: the words of a paragraph (each possibly
 * in several faces, "J.D.,"), their widths, and where lines end. Pure: the
 * caller measures text. Breaks at spaces and after hyphens, at "\n" always;
 * a word wider than a line is cut where it must be.
 */

export interface StyledText {
  text: string;
  /** A face name, e.g. "Times-Bold". */
  font: string;
}

export interface MeasuredText extends StyledText {
  width: number;
}

export interface Word {
  /** The word's pieces in their faces, without the space after it. */
  pieces: MeasuredText[];
  width: number;
  /** The space after the word (its text, face and width); none after a hyphen or at a line's end. */
  space: StyledText | null;
  spaceWidth: number;
}

export interface Line {
  words: Word[];
  /** Of the words and the spaces between them (not the space after the last). */
  width: number;
  /** Ended by "\n" or by the end of the text: never stretched when justifying. */
  last: boolean;
}

export type Measure = (text: string, font: string) => number;

const TOKENS = /\n| +|[^ \n-]*-+|[^ \n-]+/g;

export function layoutLines(pieces: StyledText[], maxWidth: number, measure: Measure): Line[] {
  const lines: Line[] = [];
  let words: Word[] = [];
  let word: Word | null = null;

  const endWord = (): void => {
    if (word) words.push(word);
    word = null;
  };
  const endLine = (last: boolean): void => {
    endWord();
    lines.push(...breakWords(words, maxWidth, measure, last));
    words = [];
  };

  for (const piece of pieces) {
    for (const token of piece.text.match(TOKENS) ?? []) {
      if (token === '\n') {
        endLine(true);
      } else if (token[0] === ' ') {
        if (word) {
          const current: Word = word;
          current.space = current.space
            ? { text: current.space.text + token, font: current.space.font }
            : { text: token, font: piece.font };
          current.spaceWidth += measure(token, piece.font);
        }
        endWord();
      } else {
        if (word && (word as Word).space) endWord();
        if (!word) word = { pieces: [], width: 0, space: null, spaceWidth: 0 };
        const current: Word = word;
        const width = measure(token, piece.font);
        const last = current.pieces[current.pieces.length - 1];
        if (last && last.font === piece.font) {
          last.text += token;
          last.width += width;
        } else {
          current.pieces.push({ text: token, font: piece.font, width });
        }
        current.width += width;
        // A break may follow a hyphen.
        if (token.endsWith('-')) endWord();
      }
    }
  }
  endLine(true);
  return lines.filter((line, i) => line.words.length > 0 || i < lines.length - 1);
}

function breakWords(words: Word[], maxWidth: number, measure: Measure, endsParagraph: boolean): Line[] {
  const lines: Line[] = [];
  let current: Word[] = [];
  let width = 0;
  const flush = (last: boolean): void => {
    lines.push({ words: current, width, last });
    current = [];
    width = 0;
  };
  for (const word of words.flatMap((w) => (w.width > maxWidth ? cut(w, maxWidth, measure) : [w]))) {
    const previous = current[current.length - 1];
    const next = previous ? width + previous.spaceWidth + word.width : word.width;
    if (previous && next > maxWidth) {
      flush(false);
      current.push(word);
      width = word.width;
    } else {
      current.push(word);
      width = next;
    }
  }
  flush(endsParagraph);
  return lines;
}

/** A word wider than a whole line, cut into pieces that fit (a long reference or address). */
function cut(word: Word, maxWidth: number, measure: Measure): Word[] {
  const out: Word[] = [];
  let part: Word = { pieces: [], width: 0, space: null, spaceWidth: 0 };
  for (const piece of word.pieces) {
    for (const char of Array.from(piece.text)) {
      const w = measure(char, piece.font);
      if (part.width + w > maxWidth && part.pieces.length > 0) {
        out.push(part);
        part = { pieces: [], width: 0, space: null, spaceWidth: 0 };
      }
      const last = part.pieces[part.pieces.length - 1];
      if (last && last.font === piece.font) {
        last.text += char;
        last.width += w;
      } else {
        part.pieces.push({ text: char, font: piece.font, width: w });
      }
      part.width += w;
    }
  }
  part.space = word.space;
  part.spaceWidth = word.spaceWidth;
  out.push(part);
  return out;
}
