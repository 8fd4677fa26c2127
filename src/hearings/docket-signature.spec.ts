import { createHmac } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { checkDocketSignature, signDocketPayload, standardWebhooksHeaders } from './docket-signature.js';

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

describe('standardWebhooksHeaders', () => {
  it('verifies with the standardwebhooks library: the secret taken as its UTF-8 bytes', () => {
    const headers = standardWebhooksHeaders(SECRET, 'evt-1', Math.floor(Date.now() / 1000), body);
    expect(headers['webhook-id']).toBe('evt-1');
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(new Webhook(SECRET, { format: 'raw' }).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it('verifies with the standardwebhooks library: a whsec_ secret taken as the bytes it encodes', () => {
    const whsec = `whsec_${Buffer.from('0123456789abcdef0123456789').toString('base64')}`;
    const headers = standardWebhooksHeaders(whsec, 'evt-2', Math.floor(Date.now() / 1000), body);
    expect(new Webhook(whsec).verify(body, headers)).toEqual(JSON.parse(body));
    // The same bytes as a raw secret would be another key.
    expect(() => new Webhook(whsec, { format: 'raw' }).verify(body, headers)).toThrow();
  });

  it('fails verification for another body or another id', () => {
    const headers = standardWebhooksHeaders(SECRET, 'evt-3', Math.floor(Date.now() / 1000), body);
    const webhook = new Webhook(SECRET, { format: 'raw' });
    expect(() => webhook.verify(body.replace('x', 'y'), headers)).toThrow();
    expect(() => webhook.verify(body, { ...headers, 'webhook-id': 'evt-4' })).toThrow();
  });
});
