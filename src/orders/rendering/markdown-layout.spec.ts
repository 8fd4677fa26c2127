import { escapeMarkdown } from './markdown-escape.js';
import { listLabel, markdownToBlocks, runsText, type Block } from './markdown-layout.js';

const plain = (text: string) => ({
  text,
  bold: false,
  italic: false,
  code: false,
});

describe('markdownToBlocks', () => {
  it('turns headings, paragraphs and inline emphasis into blocks of styled runs', () => {
    const blocks = markdownToBlocks('# Court\n### County\n\nSome **bold** and *italic* and ***both*** `code`.');
    expect(blocks).toEqual([
      { type: 'heading', level: 1, runs: [plain('Court')] },
      { type: 'heading', level: 3, runs: [plain('County')] },
      {
        type: 'paragraph',
        runs: [
          plain('Some '),
          { text: 'bold', bold: true, italic: false, code: false },
          plain(' and '),
          { text: 'italic', bold: false, italic: true, code: false },
          plain(' and '),
          { text: 'both', bold: true, italic: true, code: false },
          plain(' '),
          { text: 'code', bold: false, italic: false, code: true },
          plain('.'),
        ],
      },
    ]);
  });

  it('numbers ordered lists and nests (a), (i) and bullets, keeping each item whole', () => {
    const blocks = markdownToBlocks('3. first\n   1. sub\n      1. subsub\n4. **second** item\n   - bullet\n');
    const list = blocks[0] as Extract<Block, { type: 'list' }>;
    expect(list.ordered).toBe(true);
    expect(list.items.map((i) => i.label)).toEqual(['3.', '4.']);
    const nested = list.items[0].blocks[1] as Extract<Block, { type: 'list' }>;
    expect(nested.items[0].label).toBe('(a)');
    expect((nested.items[0].blocks[1] as Extract<Block, { type: 'list' }>).items[0].label).toBe('(i)');
    expect(runsText((list.items[1].blocks[0] as Extract<Block, { type: 'paragraph' }>).runs)).toBe('second item');
    expect((list.items[1].blocks[1] as Extract<Block, { type: 'list' }>).items[0].label).toBe('•');
    expect([listLabel(true, 28, 1), listLabel(true, 4, 2), listLabel(true, 9, 2)]).toEqual(['(ab)', '(iv)', '(ix)']);
  });

  it('makes a table a caption row with its alignment, a rule a rule, a block quote the signature block', () => {
    const blocks = markdownToBlocks(
      '| In the Interest of **J.D.** | Case No. **1** |\n|:--|--:|\n\n---\n\n> /s/ Judge\\\n> Judge Presiding\n',
    );
    expect(blocks[0]).toMatchObject({
      type: 'table',
      align: ['left', 'right'],
      rows: [],
    });
    expect((blocks[0] as Extract<Block, { type: 'table' }>).header.map(runsText)).toEqual(['In the Interest of J.D.', 'Case No. 1']);
    expect(blocks[1]).toEqual({ type: 'rule' });
    expect(blocks[2]).toEqual({
      type: 'signature',
      blocks: [{ type: 'paragraph', runs: [plain('/s/ Judge\nJudge Presiding')] }],
    });
  });

  it('keeps escaped data literal: no emphasis, no HTML', () => {
    const blocks = markdownToBlocks(`In the Interest of ${escapeMarkdown('*Jo_<b>')}, a minor child`);
    expect(blocks).toEqual([
      {
        type: 'paragraph',
        runs: [plain('In the Interest of *Jo_<b>, a minor child')],
      },
    ]);
  });

  it('prints raw HTML in a template as text and decodes entities', () => {
    const blocks = markdownToBlocks('<script>alert(1)</script>\n\nA &amp; B &sect;&nbsp;1 &#167;');
    expect(blocks[0]).toEqual({
      type: 'paragraph',
      runs: [plain('<script>alert(1)</script>')],
    });
    expect(runsText((blocks[1] as Extract<Block, { type: 'paragraph' }>).runs)).toBe('A & B §\u00A01 §');
  });
});
