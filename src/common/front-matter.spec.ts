import { parseFrontMatter } from './front-matter.js';

describe('parseFrontMatter', () => {
  it('reads YAML front matter and the body', () => {
    expect(parseFrontMatter('---\ntitle: Order\nkind: INDIVIDUAL_ORDER\n---\nBody {{x}}\n')).toEqual({
      data: { title: 'Order', kind: 'INDIVIDUAL_ORDER' },
      content: 'Body {{x}}\n',
    });
  });

  it.each(['js', 'javascript', 'JS'])('refuses ---%s front matter without running it', (language) => {
    const marker = `cmfc_front_matter_ran_${language}`;
    const text = `---${language}\n{ title: (globalThis.${marker} = true, 'pwned') }\n---\nBody\n`;
    expect(() => parseFrontMatter(text)).toThrow(/front matter must be YAML/);
    expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
  });

  it('refuses YAML tags that would build functions (safe YAML only)', () => {
    expect(() => parseFrontMatter('---\ntitle: !!js/function "function () { return 1 }"\n---\n')).toThrow();
  });
});
