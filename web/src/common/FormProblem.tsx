import { Alert, AlertHeading } from '@trussworks/react-uswds';
import { useEffect, useRef } from 'react';
import type { Problem } from '../api/problem';

interface FormProblemProps {
  problem: Problem | null;
  /** Field ids by the names `fieldErrors` gives, to link each error to its field. */
  fieldIds?: Record<string, string>;
  fieldErrors?: Record<string, string>;
}

/**
 * The summary of a refused form, announced (role="alert") and focused when it appears, listing
 * each field's error as a link to the field; the errors are also shown beside each field.
 */
export function FormProblem({ problem, fieldIds = {}, fieldErrors = {} }: FormProblemProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem) ref.current?.focus();
  }, [problem]);
  if (!problem) return null;
  const entries = Object.entries(fieldErrors);
  return (
    <div ref={ref} tabIndex={-1} role="alert" className="form-problem">
      <Alert type="error">
        <AlertHeading level="h2">{problem.title}</AlertHeading>
        {problem.detail && entries.length === 0 && <p className="margin-top-0">{problem.detail}</p>}
        {entries.length > 0 && (
          <ul>
            {entries.map(([field, message]) => (
              <li key={field}>{fieldIds[field] ? <a href={`#${fieldIds[field]}`}>{message}</a> : message}</li>
            ))}
          </ul>
        )}
      </Alert>
    </div>
  );
}
