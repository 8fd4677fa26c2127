import { useCallback, useState } from 'react';
import { fieldErrors, toProblem, type Problem } from '../api/problem';

/**
 * The state of one form: its text values by the body's field names, and the service's refusal
 * with each field's error (field ids are `<prefix>-<name>`, for the summary's links). `aliases`
 * names the form field a nested body field's error belongs to (`fieldErrors`).
 */
export function useForm<T extends Record<string, string>>(prefix: string, initial: T, aliases?: Record<string, keyof T & string>) {
  const [values, setValues] = useState<T>(initial);
  const [problem, setProblem] = useState<Problem | null>(null);
  const id = (name: keyof T & string) => `${prefix}-${name}`;
  const set = useCallback((name: keyof T & string, value: string) => setValues((old) => ({ ...old, [name]: value })), []);
  return {
    values,
    problem,
    errors: fieldErrors(problem, aliases),
    id,
    fieldIds: Object.fromEntries(Object.keys(initial).map((name) => [name, id(name)])),
    set,
    reset: () => setValues(initial),
    /** Runs the change; a refusal becomes the form's problem (shown and announced), success clears it. */
    async submit<R>(action: () => Promise<R>): Promise<R | undefined> {
      try {
        const result = await action();
        setProblem(null);
        return result;
      } catch (error) {
        setProblem(toProblem(error));
        return undefined;
      }
    },
  };
}

export type FormState<T extends Record<string, string>> = ReturnType<typeof useForm<T>>;
