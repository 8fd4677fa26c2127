import { parseFrontMatter } from '../../common/front-matter.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileDocumentTemplate, type CompiledDocumentTemplate } from './template-compiler.js';
import { defaultTemplatesDir } from './template-files.js';

/** A document of the service's own, from templates/documents: its title and its compiled template. */
export interface DocumentTemplate<T> {
  title: string;
  template: CompiledDocumentTemplate<T>;
}

/**
 * Reads and compiles `templates/documents/<name>.md.tmpl` (front matter
 * `title`, then Handlebars producing Markdown), checked against `sample`:
 * the report packet, the poster and the certificate of service go through
 * the same Markdown -> pdfkit pipeline as the orders, but are the service's
 * own documents, not court templates (no court may change what a poster says).
 */
export function loadDocumentTemplate<T extends object>(
  name: string,
  sample: T,
  dir = join(defaultTemplatesDir(), 'documents'),
): DocumentTemplate<T> {
  const parsed = parseFrontMatter(readFileSync(join(dir, `${name}.md.tmpl`), 'utf8'));
  const title = (parsed.data as { title?: unknown }).title;
  if (typeof title !== 'string' || !title.trim()) throw new Error(`templates/documents/${name}.md.tmpl: front matter needs a title`);
  return {
    title: title.trim(),
    template: compileDocumentTemplate(`templates/documents/${name}.md.tmpl`, parsed.content.replace(/^\n+/, ''), sample),
  };
}
