import { ValidationFailed } from '../errors/domain-error.js';
import { decodeCursor, encodeCursor, toPage } from './pagination.js';

describe('pagination', () => {
  it('round-trips a cursor', () => {
    const position = { key: '2026-03-01 12:00:00.123456+00', id: '7d1f0a52-5a3c-4c55-9a1e-2d2f1f4e9b10' };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
    expect(decodeCursor(undefined)).toBeNull();
  });

  it('refuses a cursor it did not make', () => {
    expect(() => decodeCursor('garbage')).toThrow(ValidationFailed);
    expect(() => decodeCursor(Buffer.from('{"key":1}').toString('base64url'))).toThrow(ValidationFailed);
    const forged = (key: string) => Buffer.from(JSON.stringify({ key, id: '7d1f0a52-5a3c-4c55-9a1e-2d2f1f4e9b10' })).toString('base64url');
    expect(() => decodeCursor(forged('2026\u0000'))).toThrow(ValidationFailed);
    expect(() => decodeCursor(forged("1' OR '1'='1"))).toThrow(ValidationFailed);
    expect(() => decodeCursor(forged('9'.repeat(100)))).toThrow(ValidationFailed);
  });

  it('gives a next cursor only when there is another page', () => {
    const rows = [1, 2, 3].map((n) => ({ id: `00000000-0000-4000-8000-00000000000${n}`, cursor_key: String(n) }));
    const full = toPage(rows, 2, (r) => r.cursor_key);
    expect(full.items).toEqual(['1', '2']);
    expect(decodeCursor(full.nextCursor ?? undefined)).toEqual({ key: '2', id: rows[1].id });
    expect(toPage(rows, 3, (r) => r.cursor_key).nextCursor).toBeNull();
  });
});
