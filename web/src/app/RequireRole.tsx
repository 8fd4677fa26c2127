import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Role } from '../api/views';
import { useSession } from '../auth/session';
import { Notice } from '../common/Notice';

/** Pages for signed-in people of some roles: others are sent to sign in, or told it is not theirs. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { user } = useSession();
  const location = useLocation();
  if (!user) return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  if (user.mfaEnrolmentRequired && location.pathname !== '/enrol') return <Navigate to="/enrol" replace />;
  if (!roles.includes(user.role)) {
    return (
      <Notice type="warning" heading="Not available to your role">
        <p className="margin-0">This page is for {roles.join(' or ').toLowerCase()} users.</p>
      </Notice>
    );
  }
  return children;
}
