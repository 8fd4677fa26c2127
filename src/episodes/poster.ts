import { DateTime } from 'luxon';
import { ageAt } from './obligation-deadlines.js';

/**
 * Words a missing-child poster never prints (API.md, "Episodes, additions"):
 * NCMEC never says a child is in care, and nothing public may suggest abuse,
 * neglect or trafficking. Matched as whole words, with plurals and the
 * like (`cases`, `careful` does not match `care`).
 */
export const FORBIDDEN_POSTER_WORDS = [
  'foster',
  'care',
  'custody',
  'placement',
  'agency',
  'court',
  'abuse',
  'neglect',
  'trafficking',
  'case',
  'docket',
] as const;

const FORBIDDEN = new RegExp(`\\b(${FORBIDDEN_POSTER_WORDS.join('|')})(s|es|ed|al|ing)?\\b`, 'gi');

/** Every forbidden word in a text, and every withheld name (the court's, the agency's) it contains. */
export function posterLeaks(text: string, withheldNames: readonly string[] = []): string[] {
  const found = [...text.matchAll(FORBIDDEN)].map((m) => m[0].toLowerCase());
  const lower = text.toLowerCase();
  for (const name of withheldNames) if (name.trim() && lower.includes(name.trim().toLowerCase())) found.push(name);
  return found;
}

export const NCMEC_HOTLINE = '1-800-THE-LOST (1-800-843-5678)';

/** What the poster builder is given: the publishable facts, and the names it must keep off the page. */
export interface PosterInput {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  heightInches: number | null;
  weightPounds: number | null;
  hairColor: string | null;
  eyeColor: string | null;
  missingSince: Date;
  lastSeenCity: string | null;
  photo: { takenAt: Date } | null;
  timezone: string;
  now: Date;
  /** The court's and the agency's names: never printed, and a value naming either is left out. */
  withheldNames: string[];
}

/** The poster template's data (templates/documents/poster.md.tmpl). */
export interface PosterData {
  name: string;
  age: string;
  facts: Array<{ label: string; value: string }>;
  missingSince: string;
  city: string | null;
  photo: { caption: string } | null;
  hotline: string;
}

/** 61 -> "5 ft 1 in". */
export function feetAndInches(inches: number): string {
  const whole = Math.round(inches);
  return `${Math.floor(whole / 12)} ft ${whole % 12} in`;
}

/**
 * The publishable subset of a missing child's record, and nothing more: name,
 * age now, height, weight, hair, eyes, photo, missing since, the city last
 * seen. A free-text value (hair, eyes, city) that would say more than a
 * poster may (a forbidden word, the court's or agency's name) is left out
 * rather than printed.
 */
export function buildPoster(input: PosterInput): PosterData {
  const publishable = (value: string | null): string | null =>
    value && value.trim() && posterLeaks(value, input.withheldNames).length === 0 ? value.trim() : null;
  const facts: Array<{ label: string; value: string }> = [];
  if (input.heightInches !== null) facts.push({ label: 'Height', value: feetAndInches(input.heightInches) });
  if (input.weightPounds !== null) facts.push({ label: 'Weight', value: `${Math.round(input.weightPounds)} lbs` });
  const hair = publishable(input.hairColor);
  if (hair) facts.push({ label: 'Hair', value: hair });
  const eyes = publishable(input.eyeColor);
  if (eyes) facts.push({ label: 'Eyes', value: eyes });
  const local = (instant: Date) => DateTime.fromJSDate(instant, { zone: input.timezone }).setLocale('en-US').toFormat('MMMM d, yyyy');
  const name = `${input.firstName.trim()} ${input.lastName.trim()}`;
  return {
    name,
    age: `${ageAt(input.dateOfBirth, input.now, input.timezone)} years old`,
    facts,
    missingSince: local(input.missingSince),
    city: publishable(input.lastSeenCity),
    photo: input.photo ? { caption: `Photo taken ${local(input.photo.takenAt)}` } : null,
    hotline: NCMEC_HOTLINE,
  };
}

/** An example of every field, for the template check. */
export const SAMPLE_POSTER: PosterData = {
  name: 'Jamie Doe',
  age: '15 years old',
  facts: [{ label: 'Height', value: '5 ft 1 in' }],
  missingSince: 'March 1, 2026',
  city: 'Austin',
  photo: { caption: 'Photo taken February 20, 2026' },
  hotline: NCMEC_HOTLINE,
};
