import { createHash } from 'node:crypto';
import { Marked, type Token, type Tokens } from 'marked';
import { escapeHtml } from './markdown-escape.js';
import { DRAFT_BANNER, type PdfSettings } from './order-pdf.renderer.js';

const SAFE_HREF = /^(https?:|mailto:)/i;

// Raw HTML is shown as text and links keep only safe targets: a court's template cannot inject markup into the preview.
const marked = new Marked({ gfm: true, breaks: false, async: false }).use({
  renderer: {
    html(token: Tokens.HTML | Tokens.Tag): string {
      return escapeHtml(token.text);
    },
    link(this: { parser: { parseInline(tokens: Token[]): string } }, token: Tokens.Link): string {
      const text = this.parser.parseInline(token.tokens);
      return SAFE_HREF.test(token.href) ? `<a href="${escapeHtml(token.href)}" rel="noopener noreferrer">${text}</a>` : text;
    },
    image(token: Tokens.Image): string {
      return escapeHtml(token.text);
    },
  },
});

const STYLE = `
@page { size: Letter; margin: 1in 1in 1.3in 1in; }
html { background: #f3f3f3; }
body { margin: 0; font-family: "Times New Roman", Times, serif; font-size: 12pt; line-height: 1.3; color: #000; }
main { background: #fff; max-width: 6.5in; margin: 0 auto; padding: 1in; position: relative; }
h1, h2, h3 { text-align: center; margin: 0; }
h1 { font-size: 14pt; text-transform: uppercase; }
h2 { font-size: 13pt; text-transform: uppercase; margin: 16pt 0 12pt; }
h3 { font-size: 12pt; margin: 4pt 0 6pt; }
p { margin: 0 0 9pt; text-align: justify; }
table { width: 100%; border-collapse: collapse; margin: 10pt 0 9pt; }
th, td { padding: 2pt 4pt; vertical-align: top; }
tbody td { border-top: 0.5pt solid #000; }
hr { border: 0; border-top: 0.75pt solid #000; margin: 2pt 0 12pt; }
ol, ul { margin: 0 0 9pt; padding-left: 28pt; }
ul { list-style-type: disc; }
ol ol { list-style-type: lower-alpha; }
ol ol ol { list-style-type: lower-roman; }
li { margin: 0 0 4pt; text-align: justify; }
main.ragged p, main.ragged li { text-align: left; }
li > ul, li > ol { margin-top: 4pt; }
blockquote { margin: 14pt 0 9pt 50%; padding: 0; }
blockquote p { text-align: left; margin: 0; }
footer { margin-top: 24pt; border-top: 0.5pt solid #000; padding-top: 4pt; font-size: 9pt; display: grid; grid-template-columns: 1fr auto; gap: 2pt 12pt; }
footer .verification { grid-column: 1 / -1; font-size: 8pt; }
.draft-banner { text-align: center; font-weight: bold; font-size: 10pt; margin-bottom: 12pt; }
.draft-mark { position: absolute; top: 40%; left: 0; right: 0; text-align: center; font-size: 120pt; font-weight: bold; color: rgba(120, 120, 120, 0.25); transform: rotate(-50deg); pointer-events: none; user-select: none; }
`;

/**
 * The CSP source that admits the preview's one inline stylesheet: in the preview's own policy, and
 * in the web app's, which frames the preview's HTML as a sandboxed `srcdoc` (keeping the app's policy).
 */
export const PREVIEW_STYLE_SOURCE = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

/**
 * The preview's policy: its one stylesheet (by hash), nothing else; framed by the web app of
 * this origin only.
 */
export const PREVIEW_CSP = [
  "default-src 'none'",
  `style-src ${PREVIEW_STYLE_SOURCE}`,
  "frame-ancestors 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The HTML preview of a document: the same Markdown tokens as the PDF, as one self-contained page. */
export function renderHtml(tokens: Token[], settings: Pick<PdfSettings, 'title' | 'draft' | 'footer' | 'align'>): string {
  const body = marked.parser(tokens);
  const draft = settings.draft
    ? `<div class="draft-banner">${escapeHtml(DRAFT_BANNER)}</div><div class="draft-mark" aria-hidden="true">DRAFT</div>`
    : '';
  const footer = [
    `<span class="reference">${escapeHtml(settings.footer.reference ?? '')}</span>`,
    '<span class="pages"></span>',
    settings.footer.verification ? `<span class="verification">${escapeHtml(settings.footer.verification)}</span>` : '',
  ].join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(settings.draft ? `DRAFT: ${settings.title}` : settings.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main${settings.align === 'left' ? ' class="ragged"' : ''}>
${draft}${body}<footer>${footer}</footer>
</main>
</body>
</html>
`;
}
