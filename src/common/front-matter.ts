import matter from 'gray-matter';

const refuse = (): never => {
  throw new Error('front matter must be YAML (or JSON): a ---js block would be run as code, so it is refused');
};

/**
 * A template file's YAML front matter and body (gray-matter), without its
 * JavaScript engine: gray-matter would eval a `---js` block. Options are always
 * passed, so gray-matter keeps no cache of file contents either.
 */
export function parseFrontMatter(text: string): { data: Record<string, unknown>; content: string } {
  const parsed = matter(text, { language: 'yaml', engines: { javascript: { parse: refuse }, js: { parse: refuse } } });
  return { data: parsed.data, content: parsed.content };
}
