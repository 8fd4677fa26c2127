import { Alert, AlertHeading } from '@trussworks/react-uswds';
import type { ReactNode } from 'react';
import { toProblem } from '../api/problem';

/** A page-level message: loading, a failed load (with the service's words), or a success. */
export function Notice({
  type,
  heading,
  children,
}: {
  type: 'success' | 'warning' | 'error' | 'info';
  heading?: string;
  children?: ReactNode;
}) {
  return (
    <Alert type={type} slim={!heading} role={type === 'error' ? 'alert' : 'status'}>
      {heading && <AlertHeading level="h2">{heading}</AlertHeading>}
      {children}
    </Alert>
  );
}

export function LoadError({ error }: { error: unknown }) {
  const problem = toProblem(error);
  return (
    <Notice type="error" heading={problem.status === 404 ? 'Not found' : 'This could not be loaded'}>
      <p className="margin-0">{problem.detail ?? problem.title}</p>
    </Notice>
  );
}

export function Loading({ what = 'Loading' }: { what?: string }) {
  return (
    <p className="text-base" role="status">
      {what}…
    </p>
  );
}
