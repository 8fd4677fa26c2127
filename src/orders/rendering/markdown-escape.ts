/** Every ASCII punctuation character: CommonMark lets any of them be backslash-escaped, which makes it literal. */
const PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/**
 * Makes a value print literally inside Markdown: a child named `*Jo_<b>`
 * stays `*Jo_<b>`, never emphasis or HTML. Line breaks and runs of
 * whitespace become one space, so a value cannot start a heading, a list or
 * a code block on its own line.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(CONTROL, '').replace(/\s+/g, ' ').replace(PUNCTUATION, '\\$&');
}

/**
 * Escapes every string in template data (deeply), leaving numbers, booleans
 * and nulls as they are so `{{#if}}` keeps its meaning. Anything else (a
 * Date, undefined, a function) is refused: data must be plain and formatted.
 */
export function escapeData(value: unknown, path = 'data'): unknown {
  if (typeof value === 'string') return escapeMarkdown(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`${path} is not a finite number`);
    return value;
  }
  if (typeof value === 'boolean' || value === null) return value;
  if (Array.isArray(value)) return value.map((item, i) => escapeData(item, `${path}[${i}]`));
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) out[key] = escapeData(item, `${path}.${key}`);
    return out;
  }
  throw new TypeError(
    `${path} must be a string, number, boolean, null, array or plain object (got ${value === undefined ? 'undefined' : typeof value})`,
  );
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}
