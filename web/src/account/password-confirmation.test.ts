import { describe, expect, it } from 'vitest';
import { fieldErrors } from '../api/problem';
import { confirmationProblem } from './password-confirmation';

describe('confirmationProblem', () => {
  it('is null when the confirmation matches', () => {
    expect(confirmationProblem('a long new password', 'a long new password')).toBeNull();
  });

  it('refuses a different confirmation beside the confirmation field, the new password untouched', () => {
    const problem = confirmationProblem('a long new password', 'a long new passwort');
    expect(fieldErrors(problem?.problem)).toEqual({ confirmPassword: 'does not match the new password' });
  });

  it('compares exactly: a trailing space is a different password', () => {
    expect(confirmationProblem('a long new password', 'a long new password ')).not.toBeNull();
  });
});
