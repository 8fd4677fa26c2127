/** A problem+json answer (RFC 9457) as the service sends it. */
export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  code?: string;
  errors?: { field: string; message: string }[];
  requestId?: string;
}

/** Thrown by `unwrap` for any answer that is not 2xx; carries the problem for forms to show. */
export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ProblemError';
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string | undefined {
    return this.problem.code;
  }
}

export function toProblem(error: unknown, status = 0): Problem {
  if (error instanceof ProblemError) return error.problem;
  if (error && typeof error === 'object' && 'title' in error && 'status' in error) return error as Problem;
  if (error instanceof Error) return { title: 'The request failed', status, detail: error.message };
  return { title: 'The request failed', status, detail: typeof error === 'string' ? error : undefined };
}

/**
 * The data of an openapi-fetch answer, typed by the operation's documented 2xx answer, or a
 * ProblemError.
 */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw new ProblemError(toProblem(error ?? response.statusText, response.status));
  return data as T;
}

/**
 * Field errors of a problem keyed by the form's field names. The service names fields by their
 * path in the body (`child.dateOfBirth`, `companions.0`); a form may give its own name for a path
 * prefix (`{ 'companions': 'companions' }`), else the first segment is the field.
 */
export function fieldErrors(problem: Problem | null | undefined, aliases: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { field, message } of problem?.errors ?? []) {
    const key =
      Object.entries(aliases)
        .sort(([a], [b]) => b.length - a.length)
        .find(([prefix]) => field === prefix || field.startsWith(`${prefix}.`))?.[1] ?? field.split('.')[0];
    out[key] = out[key] ? `${out[key]}; ${message}` : message;
  }
  return out;
}
