import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import type { OrderKind } from './applicable-order.js';

export const KIND_CODES: Record<OrderKind, string> = {
  INDIVIDUAL: 'IO',
  STANDING: 'SO',
  SHOW_CAUSE: 'SC',
  CONTINUING_JURISDICTION: 'CJ',
};

/** "2026-SO-0001": year in the court's time zone, kind, and the court's running number for that year and kind. */
export function formatOrderNumber(year: number, kind: OrderKind, n: number): string {
  return `${year}-${KIND_CODES[kind]}-${String(n).padStart(4, '0')}`;
}

/** The calendar year of an instant in the court's time zone (an order signed at 11 pm on Dec 31 belongs to that year). */
export function yearIn(instant: Date, timezone: string): number {
  return DateTime.fromJSDate(instant, { zone: timezone }).year;
}

// Crockford's base 32: no I, L, O or U, so a code read aloud or retyped from paper survives.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 10;

/**
 * The verification code printed on a signed order ("7KQ2M-9XD4T"): derived
 * from the order's id, so rendering stays deterministic, and 50 bits long, so
 * it cannot be guessed. It lets anyone holding a paper copy look the order up.
 */
export function verificationCode(orderId: string): string {
  const digest = createHash('sha256').update(`cmfc-order-verification:${orderId}`).digest();
  let bits = 0n;
  for (const byte of digest.subarray(0, 7)) bits = (bits << 8n) | BigInt(byte);
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i += 1) {
    code = ALPHABET[Number(bits & 31n)] + code;
    bits >>= 5n;
  }
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** A code as typed by a person (lower case, spaces, O for 0, I or L for 1), or null if it cannot be one. */
export function normalizeVerificationCode(input: string): string | null {
  const cleaned = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (cleaned.length !== CODE_LENGTH || [...cleaned].some((c) => !ALPHABET.includes(c))) return null;
  return `${cleaned.slice(0, 5)}-${cleaned.slice(5)}`;
}
