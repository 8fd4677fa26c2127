import { Link } from 'react-router';
import { LoadError, Loading } from '../common/Notice';
import { useMe } from './queries';

/** Whether the person signs in with an authenticator code as well, and where to turn it on. */
export function TwoFactorStatus() {
  const me = useMe();
  const mfaEnabled = me.data && 'mfaEnabled' in me.data ? me.data.mfaEnabled : null;
  return (
    <section aria-labelledby="two-factor-heading">
      <h2 id="two-factor-heading">Two-factor sign-in</h2>
      {me.error ? (
        <LoadError error={me.error} />
      ) : mfaEnabled === null ? (
        <Loading />
      ) : mfaEnabled ? (
        <p>On: you sign in with your password and a code from your authenticator app.</p>
      ) : (
        <>
          <p>Off: you sign in with your password alone.</p>
          <p>
            <Link className="usa-link" to="/enrol">
              Set up an authenticator app
            </Link>
          </p>
        </>
      )}
    </section>
  );
}
