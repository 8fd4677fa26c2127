import { layoutLines, type Line, type StyledText } from './line-layout.js';

// One unit per character, two for bold: easy to reason about.
const measure = (text: string, font: string) => text.length * (font === 'B' ? 2 : 1);
const r = (text: string): StyledText => ({ text, font: 'R' });
const b = (text: string): StyledText => ({ text, font: 'B' });
const show = (lines: Line[]) => lines.map((l) => l.words.map((w) => w.pieces.map((p) => p.text).join('') + (w.space?.text ?? '')).join(''));

describe('layoutLines', () => {
  it('breaks at spaces so no line is wider than the measure', () => {
    const lines = layoutLines([r('the quick brown fox jumps over the lazy dog')], 15, measure);
    expect(show(lines)).toEqual(['the quick brown ', 'fox jumps over ', 'the lazy dog']);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(15);
    expect(lines.map((l) => l.width)).toEqual([15, 14, 12]);
    expect(lines.map((l) => l.last)).toEqual([false, false, true]);
  });

  it('keeps a word made of several faces together, and measures each in its face', () => {
    const lines = layoutLines([r('of '), b('J.D.'), r(', a minor child')], 12, measure);
    expect(show(lines)).toEqual(['of J.D., ', 'a minor ', 'child']);
    expect(lines[0].words[1].pieces).toEqual([
      { ...b('J.D.'), width: 8 },
      { ...r(','), width: 1 },
    ]);
    expect(lines[0].words[1].width).toBe(9);
    expect(lines[0].width).toBe(12);
  });

  it('may break after a hyphen, with no space added', () => {
    const lines = layoutLines([r('the law-enforcement agency')], 12, measure);
    expect(show(lines)).toEqual(['the law-', 'enforcement ', 'agency']);
    expect(lines[0].width).toBe(8);
  });

  it('breaks at "\\n" and marks the line as last (never stretched)', () => {
    const lines = layoutLines([r('/s/ Judge A\nJudge Presiding')], 40, measure);
    expect(show(lines)).toEqual(['/s/ Judge A', 'Judge Presiding']);
    expect(lines.map((l) => l.last)).toEqual([true, true]);
  });

  it('cuts a word wider than a line', () => {
    const lines = layoutLines([r('see https://court.example/verify?code=ABC')], 10, measure);
    expect(show(lines)).toEqual(['see ', 'https://co', 'urt.exampl', 'e/verify?c', 'ode=ABC']);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(10);
  });

  it('keeps runs of hyphens and spaces, and an empty line between two "\\n" but not after the last', () => {
    const lines = layoutLines([r('well--known  fact-')], 100, measure);
    expect(show(lines)).toEqual(['well--known  fact-']);
    expect(lines[0].words.map((w) => w.pieces[0].text)).toEqual(['well--', 'known', 'fact-']);
    expect(lines[0].width).toBe(18);
    expect(show(layoutLines([r('\n\nx'), r(' y\n')], 100, measure))).toEqual(['', '', 'x y']);
  });

  it('gives nothing for empty text', () => {
    expect(layoutLines([r('')], 10, measure)).toEqual([]);
  });
});
