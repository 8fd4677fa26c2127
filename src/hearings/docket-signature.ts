import { createHmac, timingSafeEqual } from 'node:crypto';

/** How far a callback's timestamp may be from our clock (API.md: five minutes). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** `sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>`, as the docket webhook and callbacks are signed. */
export function signDocketPayload(secret: string, timestamp: number, body: string | Buffer): string {
  const hmac = createHmac('sha256', secret);
  hmac.update(`${timestamp}.`);
  hmac.update(body);
  return `sha256=${hmac.digest('hex')}`;
}

export type SignatureCheck = 'ok' | 'missing' | 'malformed' | 'stale' | 'mismatch';

/**
 * Checks a signed request: both headers present, the timestamp within five
 * minutes of `now`, and the signature equal (in constant time) to ours.
 */
export function checkDocketSignature(input: {
  secret: string;
  timestampHeader: string | undefined;
  signatureHeader: string | undefined;
  rawBody: Buffer | string;
  now: Date;
}): SignatureCheck {
  const { timestampHeader, signatureHeader } = input;
  if (!timestampHeader || !signatureHeader) return 'missing';
  if (!/^\d{1,12}$/.test(timestampHeader) || !/^sha256=[0-9a-f]{64}$/.test(signatureHeader)) return 'malformed';
  const timestamp = Number(timestampHeader);
  if (Math.abs(input.now.getTime() / 1000 - timestamp) > SIGNATURE_TOLERANCE_SECONDS) return 'stale';
  const expected = Buffer.from(signDocketPayload(input.secret, timestamp, input.rawBody));
  const actual = Buffer.from(signatureHeader);
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? 'ok' : 'mismatch';
}

const STANDARD_WEBHOOKS_PREFIX = 'whsec_';

/**
 * The signing key of the Standard Webhooks headers: a `whsec_<base64>` secret
 * is the bytes it encodes (the form Standard Webhooks libraries are given);
 * any other secret is its UTF-8 bytes (their "raw" format).
 */
export function standardWebhooksKey(secret: string): Buffer {
  return secret.startsWith(STANDARD_WEBHOOKS_PREFIX)
    ? Buffer.from(secret.slice(STANDARD_WEBHOOKS_PREFIX.length), 'base64')
    : Buffer.from(secret, 'utf8');
}

/** `webhook-id`, `webhook-timestamp` and `webhook-signature: v1,<base64 HMAC-SHA256 over "id.timestamp.body">` (standardwebhooks.com). */
export function standardWebhooksHeaders(secret: string, id: string, timestamp: number, body: string): Record<string, string> {
  const signature = createHmac('sha256', standardWebhooksKey(secret)).update(`${id}.${timestamp}.${body}`).digest('base64');
  return { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': `v1,${signature}` };
}
