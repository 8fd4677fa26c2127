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

// Tokens: "\n"; a run of spaces; a run of other characters up to and with the hyphens that end it
// (a break may follow a hyphen). Scanned by hand rather than with a regular expression: this runs
// for every word of every document, and the scan allocates nothing but the tokens themselves.
const NEWLINE = 10;
const SPACE = 32;
const HYPHEN = 45;

export function layoutLines(pieces: StyledText[], maxWidth: number, measure: Measure): Line[] {
  const lines: Line[] = [];
  let words: Word[] = [];
  let word: Word | null = null;

  for (const piece of pieces) {
    const { text, font } = piece;
    const length = text.length;
    let i = 0;
    while (i < length) {
      const code = text.charCodeAt(i);
      if (code === NEWLINE) {
        if (word) words.push(word);
        word = null;
        breakWords(words, maxWidth, measure, true, lines);
        words = [];
        i += 1;
        continue;
      }
      let end = i + 1;
      if (code === SPACE) {
        while (end < length && text.charCodeAt(end) === SPACE) end += 1;
        if (word) {
          const token = text.slice(i, end);
          word.space = word.space ? { text: word.space.text + token, font: word.space.font } : { text: token, font };
          word.spaceWidth += measure(token, font);
          words.push(word);
          word = null;
        }
        i = end;
        continue;
      }
      if (code !== HYPHEN) {
        while (end < length) {
          const next = text.charCodeAt(end);
          if (next === SPACE || next === NEWLINE || next === HYPHEN) break;
          end += 1;
        }
      }
      const hyphen = code === HYPHEN || (end < length && text.charCodeAt(end) === HYPHEN);
      if (hyphen) while (end < length && text.charCodeAt(end) === HYPHEN) end += 1;
      const token = text.slice(i, end);
      i = end;
      if (word && word.space) {
        words.push(word);
        word = null;
      }
      if (!word) word = { pieces: [], width: 0, space: null, spaceWidth: 0 };
      const width = measure(token, font);
      const last = word.pieces.length > 0 ? word.pieces[word.pieces.length - 1] : undefined;
      if (last && last.font === font) {
        last.text += token;
        last.width += width;
      } else {
        word.pieces.push({ text: token, font, width });
      }
      word.width += width;
      // A break may follow a hyphen.
      if (hyphen) {
        words.push(word);
        word = null;
      }
    }
  }
  if (word) words.push(word);
  breakWords(words, maxWidth, measure, true, lines);
  // No empty line at the end (text ending in "\n", or no text at all).
  if (lines.length > 0 && lines[lines.length - 1].words.length === 0) lines.pop();
  return lines;
}

/** The words of one paragraph (up to a "\n" or the end) onto lines of the width, added to `lines`. */
function breakWords(words: Word[], maxWidth: number, measure: Measure, endsParagraph: boolean, lines: Line[]): void {
  let current: Word[] = [];
  let width = 0;
  const place = (word: Word): void => {
    const previous = current.length > 0 ? current[current.length - 1] : undefined;
    const next = previous ? width + previous.spaceWidth + word.width : word.width;
    if (previous && next > maxWidth) {
      lines.push({ words: current, width, last: false });
      current = [word];
      width = word.width;
    } else {
      current.push(word);
      width = next;
    }
  };
  for (const word of words) {
    if (word.width > maxWidth) for (const part of cut(word, maxWidth, measure)) place(part);
    else place(word);
  }
  lines.push({ words: current, width, last: endsParagraph });
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
