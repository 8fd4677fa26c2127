import { ProblemError } from '../api/problem';

/**
 * The refusal of a new password whose confirmation differs, in the service's problem shape so the
 * form shows it beside the confirmation like any other error; null when they match.
 */
export function confirmationProblem(newPassword: string, confirmation: string): ProblemError | null {
  if (newPassword === confirmation) return null;
  return new ProblemError({
    title: 'Bad Request',
    status: 400,
    errors: [{ field: 'confirmPassword', message: 'does not match the new password' }],
  });
}
