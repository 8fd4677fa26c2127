import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FieldError } from '../../common/errors/domain-error.js';

export const MIN_PASSWORD_LENGTH = 12;
const LIST_FILE = join('assets', 'common-passwords.txt');

/** The project root (where `assets/` is), found from this file in src/ or dist/src/. */
function listPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i += 1) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, LIST_FILE))) return join(dir, LIST_FILE);
    dir = dirname(dir);
  }
  throw new Error(`${LIST_FILE} not found above ${fileURLToPath(import.meta.url)}`);
}

let common: Set<string> | undefined;

/**
 * The 100,000 most common passwords of the SecLists "10 million passwords" list (OWASP SecLists,
 * CC BY-SA 3.0), shipped in `assets/`: read once, compared case-insensitively (NIST SP 800-63B 3.1.1.2).
 */
export function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(listPath(), 'utf8')
      .split('\n')
      .map((line) => line.trim().toLowerCase())
      .filter(Boolean),
  );
  return common;
}

/** Why a new password is refused, or null: too short, on the common list, or the account's own email. */
export function passwordProblem(password: string, email: string | null, field = 'password'): FieldError | null {
  if (password.length < MIN_PASSWORD_LENGTH) return { field, message: `must have at least ${MIN_PASSWORD_LENGTH} characters` };
  const lower = password.trim().toLowerCase();
  if (commonPasswords().has(lower)) return { field, message: 'is a commonly used or breached password; choose another' };
  if (email && (lower === email.toLowerCase() || lower === email.split('@')[0]?.toLowerCase())) {
    return { field, message: 'must not be the account email' };
  }
  return null;
}
