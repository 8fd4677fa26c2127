import { createHash, randomBytes } from 'node:crypto';

export const RECOVERY_CODE_COUNT = 10;
/** Crockford-like: no 0/O, 1/I/L to misread from paper. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** Ten codes like `K7QH-M3XP-9TWA` (about 70 bits each); only their hashes are stored. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(12);
    const chars = Array.from(bytes, (byte) => ALPHABET[byte % ALPHABET.length]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
  });
}

export function isRecoveryCodeShape(value: string): boolean {
  return /^[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}$/.test(value.trim());
}

/** Random and long, so a fast hash suffices (as for API keys); case and dashes do not matter. */
export function hashRecoveryCode(value: string): string {
  return createHash('sha256').update(value.trim().toUpperCase().replace(/-/g, '')).digest('hex');
}
