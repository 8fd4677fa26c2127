import { stdSerializers } from 'pino';

/**
 * Errors as they are logged: name, message, code and stack, never the SQL
 * parameters, the query or PostgreSQL's `detail` ("Failing row contains
 * (...)"), which can hold a child's name or date of birth.
 */
export function safeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const serialized = stdSerializers.err(error) as unknown as Record<string, unknown>;
  const { message, stack, code } = serialized as { message?: string; stack?: string; code?: unknown };
  const driver = (error as { driverError?: { code?: string; table?: string; constraint?: string } }).driverError;
  const pgError = error as { table?: string; constraint?: string };
  return {
    type: error.name,
    message: stripValues(message ?? ''),
    code: code ?? driver?.code,
    table: pgError.table ?? driver?.table,
    constraint: pgError.constraint ?? driver?.constraint,
    stack: stack ? stripValues(stack) : undefined,
  };
}

/** PostgreSQL quotes offending values in some messages ('invalid input syntax for type date: "..."'). */
function stripValues(text: string): string {
  return text.replace(/: "[^"]*"/g, ': "…"').replace(/\(([^()]*)\)=\(([^()]*)\)/g, '($1)=(…)');
}
