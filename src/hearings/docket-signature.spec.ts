import { createHmac } from 'node:crypto';
import { checkDocketSignature, signDocketPayload } from './docket-signature.js';

const SECRET = 'a-webhook-secret-of-some-length';
const body = JSON.stringify({
  eventId: 'e1',
  type: 'hearing_request.created',
  data: { id: 'x' },
});
const now = new Date('2026-11-23T12:00:00Z');
const ts = Math.floor(now.getTime() / 1000);

describe('signDocketPayload', () => {
  it('is HMAC-SHA256 over "timestamp.body" in hex, prefixed sha256=', () => {
    const expected = createHmac('sha256', SECRET).update(`${ts}.${body}`).digest('hex');
    expect(signDocketPayload(SECRET, ts, body)).toBe(`sha256=${expected}`);
    expect(signDocketPayload(SECRET, ts, Buffer.from(body))).toBe(`sha256=${expected}`);
  });
});

describe('checkDocketSignature', () => {
  const check = (overrides: Partial<Parameters<typeof checkDocketSignature>[0]>) =>
    checkDocketSignature({
      secret: SECRET,
      timestampHeader: String(ts),
      signatureHeader: signDocketPayload(SECRET, ts, body),
      rawBody: body,
      now,
      ...overrides,
    });

  it('accepts a fresh, correct signature', () => {
    expect(check({})).toBe('ok');
    expect(check({ now: new Date(now.getTime() + 299_000) })).toBe('ok');
  });

  it('refuses a timestamp more than five minutes off, either way', () => {
    expect(check({ now: new Date(now.getTime() + 301_000) })).toBe('stale');
    expect(check({ now: new Date(now.getTime() - 301_000) })).toBe('stale');
  });

  it('refuses a changed body, another secret, or a signature for another timestamp', () => {
    expect(check({ rawBody: body.replace('x', 'y') })).toBe('mismatch');
    expect(check({ secret: 'another-secret-entirely!!' })).toBe('mismatch');
    expect(check({ signatureHeader: signDocketPayload(SECRET, ts - 1, body) })).toBe('mismatch');
  });

  it('refuses missing or malformed headers', () => {
    expect(check({ signatureHeader: undefined })).toBe('missing');
    expect(check({ timestampHeader: undefined })).toBe('missing');
    expect(check({ signatureHeader: 'md5=abc' })).toBe('malformed');
    expect(check({ timestampHeader: 'yesterday' })).toBe('malformed');
  });
});
