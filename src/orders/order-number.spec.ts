import { formatOrderNumber, normalizeVerificationCode, verificationCode, yearIn } from './order-number.js';

describe('order numbers', () => {
  it('reads year-kind-number', () => {
    expect(formatOrderNumber(2026, 'STANDING', 1)).toBe('2026-SO-0001');
    expect(formatOrderNumber(2026, 'INDIVIDUAL', 123)).toBe('2026-IO-0123');
    expect(formatOrderNumber(2027, 'INDIVIDUAL', 12345)).toBe('2027-IO-12345');
  });

  it("takes the year in the court's time zone", () => {
    const newYearsEveInTexas = new Date('2027-01-01T03:00:00Z');
    expect(yearIn(newYearsEveInTexas, 'America/Chicago')).toBe(2026);
    expect(yearIn(newYearsEveInTexas, 'UTC')).toBe(2027);
  });
});

describe('verification codes', () => {
  const id = '3f1e9a52-6c1b-4d7e-9a43-0f2b5c8d7e61';

  it('is derived from the order id: stable, unambiguous characters, 5-5', () => {
    const code = verificationCode(id);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(verificationCode(id)).toBe(code);
    expect(verificationCode('3f1e9a52-6c1b-4d7e-9a43-0f2b5c8d7e62')).not.toBe(code);
  });

  it('accepts a code as a person types it', () => {
    const code = verificationCode(id);
    expect(normalizeVerificationCode(code.toLowerCase().replace('-', ' '))).toBe(code);
    expect(normalizeVerificationCode('oo1il-23456')).toBe('00111-23456');
    expect(normalizeVerificationCode('ABCDE')).toBeNull();
    expect(normalizeVerificationCode('ABCDE-FGHJU')).toBeNull();
  });
});
