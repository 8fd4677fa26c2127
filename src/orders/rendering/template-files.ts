import { parseFrontMatter } from '../../common/front-matter.js';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEMPLATE_KINDS, type TemplateKind } from './template-data.js';

/** A template as shipped in templates/: front matter (key, kind, title) and a Handlebars body producing Markdown. */
export interface TemplateFile {
  file: string;
  key: string;
  kind: TemplateKind;
  title: string;
  body: string;
  /** Of the title and body: a changed file is a new version. */
  sha256: string;
}

export const TEMPLATE_EXTENSION = '.md.tmpl';

export function templateHash(title: string, body: string): string {
  return createHash('sha256')
    .update(JSON.stringify([title, body]))
    .digest('hex');
}

/** Reads every `*.md.tmpl` in the directory; exactly one per kind, or it throws naming the file. */
export function loadTemplateFiles(dir: string): TemplateFile[] {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith(TEMPLATE_EXTENSION))
    .sort();
  const byKind = new Map<TemplateKind, TemplateFile>();
  for (const name of files) {
    const parsed = parseFrontMatter(readFileSync(join(dir, name), 'utf8'));
    const { key, kind, title } = parsed.data as Record<string, unknown>;
    if (typeof key !== 'string' || !/^[a-z0-9-]{1,60}$/.test(key))
      throw new Error(`templates/${name}: front matter needs a key of lower-case letters, digits and -`);
    if (typeof kind !== 'string' || !(TEMPLATE_KINDS as readonly string[]).includes(kind)) {
      throw new Error(`templates/${name}: front matter kind must be one of ${TEMPLATE_KINDS.join(', ')}`);
    }
    if (typeof title !== 'string' || !title.trim()) throw new Error(`templates/${name}: front matter needs a title`);
    if (byKind.has(kind as TemplateKind)) throw new Error(`templates/${name}: a second template of kind ${kind}`);
    const body = parsed.content.replace(/^\n+/, '');
    byKind.set(kind as TemplateKind, {
      file: name,
      key,
      kind: kind as TemplateKind,
      title: title.trim(),
      body,
      sha256: templateHash(title.trim(), body),
    });
  }
  const missing = TEMPLATE_KINDS.filter((kind) => !byKind.has(kind));
  if (missing.length > 0) throw new Error(`${dir}: no template of kind ${missing.join(', ')}`);
  return TEMPLATE_KINDS.map((kind) => byKind.get(kind) as TemplateFile);
}

/** templates/ of the project this module belongs to (found from src/ or from dist/src/ alike). */
export function defaultTemplatesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'templates'))) return join(dir, 'templates');
    const parent = resolve(dir, '..');
    if (parent === dir) throw new Error('templates/ not found above the orders module');
    dir = parent;
  }
}
