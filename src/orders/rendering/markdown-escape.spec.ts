import { Lexer, Marked } from 'marked';
import { escapeData, escapeHtml, escapeMarkdown } from './markdown-escape.js';

/** The text a reader sees: Markdown parsed, tags stripped, entities decoded. */
function visibleText(markdown: string): string {
  const html = new Marked().parse(markdown, { async: false });
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

describe('escapeMarkdown', () => {
  it.each([
    '*Jo_<b>',
    '**bold** _it_ `code` ~~del~~',
    '# not a heading',
    '1. not a list',
    '- not a bullet',
    '+ nor this',
    '> not a quote',
    '[link](javascript:alert(1))',
    '<script>alert(1)</script>',
    '&amp; stays &amp;',
    'www.example.com and a@b.org',
    '| a | b |',
    'back\\slash',
    '![img](x.png)',
  ])('prints %j literally', (value) => {
    expect(visibleText(escapeMarkdown(value))).toBe(value);
  });

  it('never produces emphasis, links or HTML tokens', () => {
    const tokens = Lexer.lex(`Name: ${escapeMarkdown('*Jo_<b>** [x](y) <i>')}`);
    const types = new Set<string>();
    const walk = (list: Array<{ type: string; tokens?: unknown[] }>) => {
      for (const token of list) {
        types.add(token.type);
        if (token.tokens) walk(token.tokens as Array<{ type: string }>);
      }
    };
    walk(tokens as never);
    expect([...types].sort()).toEqual(['escape', 'paragraph', 'text']);
  });

  it('collapses line breaks so a value cannot open a block', () => {
    expect(escapeMarkdown('a\n# b\r\n\n    c')).toBe('a \\# b c');
    expect(escapeMarkdown('tab\there\u0000')).toBe('tab here');
  });
});

describe('escapeData', () => {
  it('escapes strings deeply and keeps numbers, booleans and nulls', () => {
    expect(escapeData({ a: '*x*', n: 1.5, b: false, z: null, list: [{ s: '_y_' }] })).toEqual({
      a: '\\*x\\*',
      n: 1.5,
      b: false,
      z: null,
      list: [{ s: '\\_y\\_' }],
    });
  });

  it('refuses values a template cannot print faithfully, naming where', () => {
    expect(() => escapeData({ when: new Date() })).toThrow('data.when must be');
    expect(() => escapeData({ list: [undefined] })).toThrow('data.list[0] must be');
    expect(() => escapeData({ n: Number.NaN })).toThrow('data.n is not a finite number');
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML metacharacters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
