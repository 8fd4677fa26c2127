import { Marked } from 'marked';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/**
 * The Markdown of a template laid out as HTML, its Handlebars expressions left in place and
 * marked, so an administrator sees the headings, numbered orders and tables before storing a
 * version. What the template says is text only: raw HTML is shown escaped, links keep only
 * http(s) and mailto addresses, images show their description (the page loads nothing else).
 */
const markdown = new Marked({
  gfm: true,
  async: false,
  renderer: {
    html: ({ text }) => escapeHtml(text),
    image: ({ text }) => `[${escapeHtml(text || 'image')}]`,
    link({ href, tokens }) {
      const text = this.parser.parseInline(tokens);
      return /^(https?:|mailto:)/i.test(href) ? `<a href="${escapeHtml(href)}">${text}</a>` : text;
    },
  },
});

export function templatePreviewHtml(body: string): string {
  const html = markdown.parse(body) as string;
  return html.replace(/\{\{[^{}]*\}\}/g, (expression) => `<code class="template-expression">${expression}</code>`);
}

export interface TemplateFileParts {
  kind?: string;
  title?: string;
  body: string;
}

/**
 * A template file as shipped in templates/ (front matter with key, kind and title, then the body)
 * or a bare body: the service stores the body without front matter, the title and kind apart.
 */
export function splitTemplateFile(text: string): TemplateFileParts {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!match) return { body: text };
  const fields: Record<string, string> = {};
  for (const line of match[1].split(/\r?\n/)) {
    const pair = /^([A-Za-z]+):\s*(.*)$/.exec(line);
    if (pair) fields[pair[1]] = pair[2].trim().replace(/^(['"])(.*)\1$/, '$2');
  }
  return { kind: fields.kind, title: fields.title, body: text.slice(match[0].length).replace(/^(\r?\n)+/, '') };
}
