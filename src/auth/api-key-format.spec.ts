import { apiKeyMatches, generateApiKey, prefixOf } from './api-key-format.js';
import { hashPassword, verifyPassword } from './password-hasher.js';

describe('API keys', () => {
  it('are long random strings whose prefix finds them and whose hash verifies them', () => {
    const { key, prefix, hash } = generateApiKey();
    expect(key).toMatch(/^cmfc_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(prefixOf(key)).toBe(prefix);
    expect(apiKeyMatches(key, hash)).toBe(true);
    expect(apiKeyMatches(`${key.slice(0, -1)}x`, hash)).toBe(false);
    expect(generateApiKey().key).not.toBe(key);
  });

  it('refuse malformed keys', () => {
    expect(prefixOf('cmfc_zz_short')).toBeNull();
    expect(prefixOf('')).toBeNull();
  });
});

describe('passwords', () => {
  it('hash with scrypt and a salt, and verify', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^scrypt\$16384\$8\$5\$/);
    expect(await hashPassword('correct horse battery')).not.toBe(hash);
    await expect(verifyPassword('correct horse battery', hash)).resolves.toBe(true);
    await expect(verifyPassword('wrong horse battery', hash)).resolves.toBe(false);
    await expect(verifyPassword('x', 'not-a-hash')).resolves.toBe(false);
  });
});
