import type { FieldError } from '../errors/domain-error.js';

/** JSON bodies (and multipart fields parsed as JSON) may nest this deep and no deeper. */
export const MAX_INPUT_DEPTH = 32;

/** C0 control characters except tab, line feed and carriage return: NUL and its kin, which PostgreSQL text refuses. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one: not Unicode, refused by UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** More than this many bad fields in one request are not worth listing. */
const MAX_REPORTED = 20;

export const CONTROL_MESSAGE = 'must not contain control characters (U+0000 to U+001F other than tab, line feed and carriage return)';
export const SURROGATE_MESSAGE = 'must be valid Unicode (it holds a lone surrogate)';
export const DEPTH_MESSAGE = `nests deeper than ${MAX_INPUT_DEPTH} levels`;

/** Why a string may not be stored, or null when it may. */
export function unsafeTextReason(text: string): string | null {
  if (CONTROL.test(text)) return CONTROL_MESSAGE;
  if (LONE_SURROGATE.test(text)) return SURROGATE_MESSAGE;
  return null;
}

/**
 * Every string (keys included) in a parsed request value that holds a C0
 * control character or a lone surrogate, named by its path as validation
 * errors name fields (`child.firstName`, `identifyingMarks.0`), and any
 * nesting deeper than MAX_INPUT_DEPTH. Iterative, so no input can exhaust the
 * stack; `prefix` names the value itself (empty for a body, whose fields are
 * named bare).
 */
export function findUnsafeInput(value: unknown, prefix = ''): FieldError[] {
  const errors: FieldError[] = [];
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value, path: prefix, depth: 0 }];
  while (stack.length > 0 && errors.length < MAX_REPORTED) {
    const { value: current, path, depth } = stack.pop() as { value: unknown; path: string; depth: number };
    if (typeof current === 'string') {
      const reason = unsafeTextReason(current);
      if (reason) errors.push({ field: path || 'body', message: reason });
      continue;
    }
    if (current === null || typeof current !== 'object' || Buffer.isBuffer(current)) continue;
    if (depth >= MAX_INPUT_DEPTH) {
      errors.push({ field: path || 'body', message: DEPTH_MESSAGE });
      continue;
    }
    const entries = Array.isArray(current) ? current.map((item, i) => [String(i), item] as const) : Object.entries(current);
    // Pushed in reverse so fields are reported in the order they were sent.
    for (let i = entries.length - 1; i >= 0; i -= 1) {
      const [key, item] = entries[i];
      const childPath = path ? `${path}.${key}` : key;
      const keyReason = Array.isArray(current) ? null : unsafeTextReason(key);
      if (keyReason) {
        errors.push({ field: printable(childPath), message: `(a field name) ${keyReason}` });
        continue;
      }
      stack.push({ value: item, path: childPath, depth: depth + 1 });
    }
  }
  return errors;
}

/** A field name fit to echo back: its control characters and lone surrogates shown as `?`. */
function printable(path: string): string {
  return Array.from(path, (c) => (unsafeTextReason(c) ? '?' : c)).join('');
}

/**
 * How deeply a JSON text nests, read from the text itself before it is
 * parsed, so a 10 KB body of 5,000 brackets never becomes 5,000 nested
 * objects. Brackets inside strings do not count.
 */
export function jsonNestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i += 1; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      depth += 1;
      if (depth > deepest) deepest = depth;
    } else if (c === 0x7d || c === 0x5d) {
      depth -= 1;
    }
  }
  return deepest;
}
