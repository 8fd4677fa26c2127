import { escapeMarkdown } from './markdown-escape.js';
import { lexMarkdown } from './markdown-layout.js';
import { renderHtml } from './order-html.renderer.js';

const settings = {
  title: 'Order <1>',
  draft: false,
  footer: {
    reference: 'Order No. 2026-SO-0001',
    verification: 'Verify <here>',
  },
};

describe('renderHtml', () => {
  it('renders the same Markdown as one page, escaping data and furniture', () => {
    const html = renderHtml(lexMarkdown(`# Court\n\nIn the Interest of ${escapeMarkdown('*Jo_<b>')}, a **minor** child`), settings);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<title>Order &lt;1&gt;</title>');
    expect(html).toContain('<h1>Court</h1>');
    expect(html).toContain('In the Interest of *Jo_&lt;b&gt;, a <strong>minor</strong> child');
    expect(html).toContain('Order No. 2026-SO-0001');
    expect(html).toContain('Verify &lt;here&gt;');
    expect(html).not.toContain('DRAFT');
  });

  it("never lets a template's raw HTML or script links through", () => {
    const html = renderHtml(
      lexMarkdown(
        '<script>alert(1)</script>\n\nA [bad](javascript:alert(1)) and [good](https://example.org) link <img src=x onerror=alert(1)>',
      ),
      settings,
    );
    expect(html).not.toMatch(/<script>alert/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<a href="https://example.org" rel="noopener noreferrer">good</a>');
    expect(html).not.toMatch(/<img/);
  });

  it('justifies the body unless asked to set it ragged right, as the PDF does', () => {
    expect(renderHtml(lexMarkdown('text'), settings)).toContain('<main>');
    expect(renderHtml(lexMarkdown('text'), { ...settings, align: 'left' })).toContain('<main class="ragged">');
  });

  it('marks a draft', () => {
    const html = renderHtml(lexMarkdown('text'), { ...settings, draft: true });
    expect(html).toContain('DRAFT - NOT SIGNED - NOT AN ORDER OF THE COURT');
    expect(html).toContain('<title>DRAFT: Order &lt;1&gt;</title>');
  });
});
