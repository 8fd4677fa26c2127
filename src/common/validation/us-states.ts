import Holidays from 'date-holidays';

/** The US states and territories the holiday calendar knows, by two-letter code ("TX" -> "Texas"). */
const NAMES: Readonly<Record<string, string>> = Object.freeze(new Holidays().getStates('US') ?? {});

export function isUsState(value: unknown): value is string {
  return typeof value === 'string' && Object.hasOwn(NAMES, value);
}

/** "Texas" for "TX", as court documents print it; the code itself when unknown. */
export function stateName(code: string): string {
  const trimmed = code.trim();
  return NAMES[trimmed] ?? trimmed;
}
