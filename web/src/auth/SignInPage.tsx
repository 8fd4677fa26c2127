import { Button, Form, TextInput } from '@trussworks/react-uswds';
import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { fieldErrors, toProblem, type Problem } from '../api/problem';
import { Field } from '../common/Field';
import { FormProblem } from '../common/FormProblem';
import { Notice } from '../common/Notice';
import { usePageTitle } from '../common/usePageTitle';
import { useSignInOptions } from './queries';
import { useSession } from './session';

/** Why single sign-on sent the browser back here (`/sign-in?problem=<code>`), in words. */
const SINGLE_SIGN_ON_PROBLEMS: Record<string, string> = {
  OidcFailed: 'Single sign-on did not complete. Start again with the button below, or sign in with your password.',
  OidcNoAccount:
    'Your court’s account is not linked to an active account here (the e-mail address must be verified and match one). Ask your court’s administrator.',
  TooManyRequests: 'Too many sign-in attempts from this address. Wait a few minutes, then try again.',
  SingleSignOnUnavailable: 'Single sign-on is unavailable right now. Try again shortly, or sign in with your password.',
};

/** E-mail and password, then the authenticator code when the service asks for one. */
export function SignInPage() {
  usePageTitle('Sign in');
  const { signIn, endedBecause, user } = useSession();
  const oidcLoginUrl = useSignInOptions().data?.oidcLoginUrl ?? null;
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const singleSignOnProblem = params.get('problem');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [askTotp, setAskTotp] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    try {
      const user = await signIn(email, password, askTotp ? totp : undefined);
      await navigate(user.mfaEnrolmentRequired ? '/enrol' : '/', { replace: true });
    } catch (error) {
      const found = toProblem(error);
      if (found.code === 'MfaRequired') {
        setAskTotp(true);
        setProblem(null);
      } else {
        setProblem(found);
      }
    } finally {
      setBusy(false);
    }
  }

  const errors = fieldErrors(problem);
  if (user && !busy) return <Navigate to="/" replace />;
  return (
    <div className="sign-in">
      <h1>Sign in</h1>
      {endedBecause && !problem && <Notice type="info">{endedBecause}</Notice>}
      {singleSignOnProblem && !problem && (
        <Notice type="error" heading="You are not signed in">
          <p className="margin-0">{SINGLE_SIGN_ON_PROBLEMS[singleSignOnProblem] ?? SINGLE_SIGN_ON_PROBLEMS.OidcFailed}</p>
        </Notice>
      )}
      <FormProblem problem={problem} fieldErrors={errors} fieldIds={{ email: 'email', password: 'password', totp: 'totp' }} />
      <Form onSubmit={submit} large noValidate>
        <Field id="email" label="E-mail address" error={errors.email} required>
          <TextInput
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </Field>
        <Field id="password" label="Password" error={errors.password} required>
          <TextInput
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Field>
        {askTotp && (
          <Field
            id="totp"
            label="Code from your authenticator app"
            hint="Six digits, or one of your recovery codes."
            error={errors.totp}
            required
          >
            <TextInput
              id="totp"
              name="totp"
              type="text"
              inputMode="numeric"
              autoComplete="one-time-code"
              value={totp}
              onChange={(e) => setTotp(e.target.value)}
            />
          </Field>
        )}
        <Button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </Button>
      </Form>
      {oidcLoginUrl && (
        <p className="sign-in__sso">
          {/* A full-page navigation, not a fetch: the court's identity provider takes over the browser and sends it back signed in. */}
          <a className="usa-button usa-button--outline" href={oidcLoginUrl}>
            Sign in with your court&rsquo;s account
          </a>
        </p>
      )}
    </div>
  );
}
