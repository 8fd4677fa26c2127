import fc from 'fast-check';

/** Fixed seed: the suite sends the same requests on every run. */
export const FUZZ_SEED = 20_261_202;

type Schema = Record<string, unknown>;

/** Resolves `$ref`s into the document's components. */
export function resolver(document: { components?: { schemas?: Record<string, Schema> } }) {
  const schemas = document.components?.schemas ?? {};
  const resolve = (schema: Schema | undefined): Schema => {
    if (!schema) return {};
    if (typeof schema.$ref === 'string') return resolve(schemas[schema.$ref.split('/').pop() ?? '']);
    if (Array.isArray(schema.allOf) && schema.allOf.length === 1) return resolve(schema.allOf[0] as Schema);
    return schema;
  };
  return resolve;
}

/** Controls, lone surrogates, a 100 KB string, an impossible date and an impossible offset. */
const HOSTILE_TEXT = ['a\u0000b', '\u0001\u007f', 'x\ud800y', 'x'.repeat(100_000), '2026-02-30', '2026-03-01T10:00:00+99:00'];

const deep = (depth: number): unknown => (depth === 0 ? 1 : { a: deep(depth - 1) });

/**
 * Hostile values for one field or parameter: control characters, lone
 * surrogates, huge and negative numbers, impossible dates, wrong types, deep
 * nesting, 100 KB strings, junk ids, plus strings and JSON values drawn by
 * fast-check from the fixed seed.
 */
export function hostileValues(): unknown[] {
  const [drawnString] = fc.sample(fc.string({ unit: 'binary', minLength: 1, maxLength: 24 }), { seed: FUZZ_SEED, numRuns: 1 });
  const [drawnJson] = fc.sample(fc.jsonValue({ maxDepth: 3 }), { seed: FUZZ_SEED + 1, numRuns: 1 });
  return [...HOSTILE_TEXT, drawnString, -1, 1e308, true, null, [], deep(40), drawnJson];
}

/** Hostile values a query string or path can carry (text only). */
export function hostileStrings(): string[] {
  return ['', ...HOSTILE_TEXT, '-1', '1e999', '00000000-0000-0000-0000-000000000000', "' OR 1=1 --"];
}

/** Junk for a path parameter (an id or token). */
export function junkIds(): string[] {
  return ['not-a-uuid', '00000000-0000-0000-0000-000000000000', 'a\u0000b', 'x\ud800', 'A'.repeat(400), '..'];
}

/**
 * Percent-encodes text for a URL, code unit by code unit: a lone surrogate is
 * sent as its WTF-8 bytes (what a client with broken UTF-16 sends), which
 * encodeURIComponent refuses to produce.
 */
export function encodeForUrl(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    const isHigh = unit >= 0xd800 && unit <= 0xdbff;
    const next = text.charCodeAt(i + 1);
    if (isHigh && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(text.slice(i, i + 2));
      i += 1;
    } else if (unit >= 0xd800 && unit <= 0xdfff) {
      out += [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    } else {
      out += encodeURIComponent(text[i]);
    }
  }
  return out;
}
