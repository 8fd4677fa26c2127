import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Agency API keys look like `cmfc_<prefix>_<secret>`. The prefix finds the row;
 * only the SHA-256 of the whole key is stored (the key is random and long, so a
 * slow password hash would add nothing but latency to every request).
 */
export interface NewApiKey {
  key: string;
  prefix: string;
  hash: string;
}

export function generateApiKey(): NewApiKey {
  const prefix = randomBytes(6).toString('hex');
  const key = `cmfc_${prefix}_${randomBytes(32).toString('base64url')}`;
  return { key, prefix, hash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function prefixOf(key: string): string | null {
  const match = /^cmfc_([0-9a-f]{12})_[A-Za-z0-9_-]{43}$/.exec(key);
  return match ? match[1] : null;
}

export function apiKeyMatches(key: string, storedHash: string): boolean {
  const actual = Buffer.from(hashApiKey(key), 'hex');
  const expected = Buffer.from(storedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
