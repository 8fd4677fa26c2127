import { describe, expect, it } from 'vitest';
import { splitTemplateFile, templatePreviewHtml } from './template-preview';

describe('templatePreviewHtml', () => {
  it('lays out headings, numbered lists and tables, marking the Handlebars expressions', () => {
    const html = templatePreviewHtml('# {{court.name}}\n\n1. First\n2. Second\n\n| a | b |\n|---|---|\n| 1 | 2 |\n');
    expect(html).toContain('<h1><code class="template-expression">{{court.name}}</code></h1>');
    expect(html).toContain('<ol>');
    expect(html).toContain('<table>');
  });

  it('shows raw HTML as text and drops script addresses and images', () => {
    const html = templatePreviewHtml(
      '<script>alert(1)</script>\n\n[click](javascript:alert(1)) [ok](https://court.example) ![x](https://evil.example/x.png)',
    );
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<a href="https://court.example">ok</a>');
    expect(html).not.toContain('<img');
  });
});

describe('splitTemplateFile', () => {
  it('takes kind and title from the front matter of a shipped template and keeps the body', () => {
    expect(splitTemplateFile('---\nkey: standing-order\nkind: STANDING_ORDER\ntitle: "Standing Order"\n---\n\n# {{court.name}}\n')).toEqual(
      {
        kind: 'STANDING_ORDER',
        title: 'Standing Order',
        body: '# {{court.name}}\n',
      },
    );
  });

  it('leaves a bare body as it is', () => {
    expect(splitTemplateFile('# Title\n\ntext')).toEqual({ body: '# Title\n\ntext' });
  });
});
