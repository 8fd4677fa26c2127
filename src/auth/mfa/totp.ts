import { Secret, TOTP } from 'otpauth';

/** RFC 6238 as authenticator apps expect it: SHA-1, 6 digits, 30 s. */
const PERIOD = 30;
const ISSUER = 'cmfc-court';

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secret: string, label: string): TOTP {
  return new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(secret) });
}

/** The `otpauth://totp/...` URL the web app shows as a QR code. */
export function otpauthUrl(secret: string, label: string): string {
  return totp(secret, label).toString();
}

/**
 * The time step a code belongs to (one step of clock drift either way is accepted), or null when it
 * is wrong. The caller refuses a step it has already seen: a code works once.
 */
export function totpStep(secret: string, code: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totp(secret, 'check').validate({ token: code, timestamp: now, window: 1 });
  return delta === null ? null : TOTP.counter({ period: PERIOD, timestamp: now }) + delta;
}

/** For tests and the demo: the code of a moment. */
export function totpCode(secret: string, now = Date.now()): string {
  return totp(secret, 'code').generate({ timestamp: now });
}
