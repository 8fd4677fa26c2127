import { useUser } from '../auth/session';
import { usePageTitle } from '../common/usePageTitle';
import { CalendarFeed } from './CalendarFeed';
import { PasswordForm } from './PasswordForm';
import { TwoFactorStatus } from './TwoFactorStatus';

/** One's own account: the password, the second factor, and (court staff) the hearing calendar link. */
export default function AccountPage() {
  usePageTitle('Your account');
  const user = useUser();
  return (
    <>
      <h1>Your account</h1>
      <p>
        {user.name}, {user.email}
      </p>
      <PasswordForm />
      <TwoFactorStatus />
      {(user.role === 'JUDGE' || user.role === 'CLERK') && <CalendarFeed />}
    </>
  );
}
