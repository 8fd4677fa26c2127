import { isCalendarDate, isInstant, isUsState } from './validators.js';

describe('isCalendarDate', () => {
  it.each(['2026-02-28', '2024-02-29', '2026-12-31'])('accepts %s', (value) => expect(isCalendarDate(value)).toBe(true));
  it.each(['2026-02-30', '2025-02-29', '2026-13-01', '2026-1-01', '20260101', '2026-03-01T00:00:00Z', '0000-01-01', 20260101, null])(
    'refuses %s',
    (value) => expect(isCalendarDate(value)).toBe(false),
  );
});

describe('isInstant', () => {
  it.each(['2026-03-01T22:15:00-06:00', '2026-03-01T22:15:00Z', '2026-03-01T22:15:00.123Z', '2026-03-01T22:15Z'])('accepts %s', (value) =>
    expect(isInstant(value)).toBe(true),
  );
  it.each(['2026-03-01T22:15:00+14:00', '2026-03-01T22:15:00-14:00', '2026-03-01T22:15:00+05:45', '2026-03-01T23:59:59.999999Z'])(
    'accepts the real offset or time %s',
    (value) => expect(isInstant(value)).toBe(true),
  );
  it.each([
    '2026-03-01T22:15:00+99:00',
    '2026-03-01T22:15:00+14:30',
    '2026-03-01T22:15:00-15:00',
    '2026-03-01T22:15:00+05:60',
    '2026-03-01T22:15:60Z',
    '2026-03-01T24:00:00Z',
    '0000-01-01T00:00:00Z',
    '2026-03-01T22:15:00\u0000Z',
  ])('refuses the impossible instant %s', (value) => expect(isInstant(value)).toBe(false));
  it.each(['2026-03-01T22:15:00', '2026-03-01', '2026-02-30T10:00:00Z', '2026-03-01T25:00:00Z', 'yesterday', 1772400000000])(
    'refuses %s',
    (value) => expect(isInstant(value)).toBe(false),
  );
});

describe('isUsState', () => {
  it('knows the states of the holiday calendar', () => {
    expect(isUsState('TX')).toBe(true);
    expect(isUsState('DC')).toBe(true);
    expect(isUsState('tx')).toBe(false);
    expect(isUsState('ZZ')).toBe(false);
  });
});
