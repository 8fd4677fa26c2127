import { describe, expect, it } from 'vitest';
import { fieldErrors, ProblemError, toProblem, unwrap } from './problem';

describe('form error mapping', () => {
  const problem = {
    title: 'Bad Request',
    status: 400,
    errors: [
      { field: 'missingSince', message: 'missingSince must be an ISO-8601 instant' },
      { field: 'child.dateOfBirth', message: 'child.dateOfBirth must be a date' },
      { field: 'companions.0', message: 'each value in companions should not be empty' },
      { field: 'companions.1', message: 'each value in companions should not be empty' },
    ],
  };

  it('puts each error on the field named by the first segment of its path', () => {
    expect(fieldErrors(problem)).toEqual({
      missingSince: 'missingSince must be an ISO-8601 instant',
      child: 'child.dateOfBirth must be a date',
      companions: 'each value in companions should not be empty; each value in companions should not be empty',
    });
  });

  it('lets a form name a nested path, longest prefix first', () => {
    expect(fieldErrors(problem, { child: 'child', 'child.dateOfBirth': 'dateOfBirth' })).toMatchObject({
      dateOfBirth: 'child.dateOfBirth must be a date',
    });
  });

  it('has nothing for a problem without errors, or none', () => {
    expect(fieldErrors({ title: 'Conflict', status: 409 })).toEqual({});
    expect(fieldErrors(null)).toEqual({});
  });

  it('turns an answer that is not 2xx into a ProblemError with the problem', async () => {
    const response = new Response(null, { status: 409 });
    const answer = { error: { title: 'Conflict', status: 409, code: 'EpisodeAlreadyOpen' }, response };
    const error = (await unwrap(Promise.resolve(answer)).catch((e: unknown) => e)) as ProblemError;
    expect(error).toBeInstanceOf(ProblemError);
    expect(error.status).toBe(409);
    expect(error.code).toBe('EpisodeAlreadyOpen');
    await expect(unwrap(Promise.resolve({ data: { ok: true }, response: new Response('{}') }))).resolves.toEqual({ ok: true });
  });

  it('describes a network failure as a problem too', () => {
    expect(toProblem(new TypeError('Failed to fetch'))).toEqual({ title: 'The request failed', status: 0, detail: 'Failed to fetch' });
  });
});
