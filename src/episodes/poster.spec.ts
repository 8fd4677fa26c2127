import { loadDocumentTemplate } from '../orders/rendering/document-templates.js';
import { buildPoster, FORBIDDEN_POSTER_WORDS, posterLeaks, SAMPLE_POSTER, type PosterInput } from './poster.js';

const template = loadDocumentTemplate('poster', SAMPLE_POSTER);
const WITHHELD = ['Travis County Juvenile Court', 'Lone Star Family Services'];

const base: PosterInput = {
  firstName: 'Jamie',
  lastName: 'Doe',
  dateOfBirth: '2011-04-17',
  heightInches: 61,
  weightPounds: 98,
  hairColor: 'Brown',
  eyeColor: 'Green',
  missingSince: new Date('2026-03-01T18:00:00-06:00'),
  lastSeenCity: 'Austin',
  photo: { takenAt: new Date('2026-02-20T15:00:00-06:00') },
  timezone: 'America/Chicago',
  now: new Date('2026-03-02T12:00:00-06:00'),
  withheldNames: WITHHELD,
};

/** Each optional field: absent, a plain value, or a value that would say too much if printed. */
const OPTIONS: { [K in keyof PosterInput]?: Array<PosterInput[K]> } = {
  heightInches: [null, 61],
  weightPounds: [null, 98.5],
  hairColor: [null, 'Brown', 'Shaved at the group home (foster care)'],
  eyeColor: [null, 'Hazel', 'Court-ordered contacts'],
  lastSeenCity: [null, 'Austin', 'Lone Star Family Services office', 'Custody exchange point'],
  photo: [null, { takenAt: new Date('2026-02-20T15:00:00-06:00') }],
};

function* combinations(): Generator<PosterInput> {
  const keys = Object.keys(OPTIONS) as Array<keyof PosterInput>;
  const walk = function* (i: number, input: PosterInput): Generator<PosterInput> {
    if (i === keys.length) {
      yield input;
      return;
    }
    for (const value of OPTIONS[keys[i]] as unknown[]) yield* walk(i + 1, { ...input, [keys[i]]: value });
  };
  yield* walk(0, base);
}

describe('the missing-child poster', () => {
  it('never prints a forbidden word nor the court or agency name, for every combination of fields the builder takes', () => {
    let checked = 0;
    for (const input of combinations()) {
      const markdown = template.template.render(buildPoster(input));
      expect({ input, leaks: posterLeaks(markdown, WITHHELD) }).toEqual({ input, leaks: [] });
      expect(posterLeaks(template.title, WITHHELD)).toEqual([]);
      checked += 1;
    }
    expect(checked).toBe(2 * 2 * 3 * 3 * 4 * 2);
  });

  it('prints the publishable facts: name, age now, height, weight, hair, eyes, photo, missing since, city, the hotline', () => {
    const markdown = template.template.render(buildPoster(base));
    for (const text of [
      '# Missing',
      '## Jamie Doe',
      '](photo)',
      '14 years old',
      '5 ft 1 in',
      '98 lbs',
      'Brown',
      'Green',
      'March 1\\, 2026',
      'Austin',
      '1\\-800\\-THE\\-LOST',
      'local law enforcement',
    ]) {
      expect(markdown).toContain(text);
    }
  });

  it('leaves out a value that would say too much, rather than print it', () => {
    const poster = buildPoster({
      ...base,
      lastSeenCity: 'Near the Lone Star Family Services office',
      hairColor: 'cut short by the foster parent',
    });
    expect(poster.city).toBeNull();
    expect(poster.facts.map((f) => f.label)).toEqual(['Height', 'Weight', 'Eyes']);
  });

  it('finds every forbidden word, plural and capitalised, but not inside other words', () => {
    for (const word of FORBIDDEN_POSTER_WORDS) {
      expect(posterLeaks(`in ${word.toUpperCase()} now`)).toEqual([word]);
      expect(posterLeaks(`two ${word}s`)).toHaveLength(1);
    }
    expect(posterLeaks('careful, cased? no: scared, docketing')).toEqual(['docketing']);
    expect(posterLeaks('Careful Jamie')).toEqual([]);
    expect(posterLeaks('seen near lone star family services', WITHHELD)).toEqual(['Lone Star Family Services']);
  });
});
