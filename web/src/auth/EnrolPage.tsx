import { Button, Form, TextInput } from '@trussworks/react-uswds';
import { useMutation } from '@tanstack/react-query';
import { QRCodeSVG } from 'qrcode.react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api/client';
import { fieldErrors, toProblem, unwrap, type Problem } from '../api/problem';
import { Field } from '../common/Field';
import { FormProblem } from '../common/FormProblem';
import { Notice } from '../common/Notice';
import { usePageTitle } from '../common/usePageTitle';
import { useSession, useUser } from './session';

/** TOTP enrolment: the QR code (and the secret, for typing), a first code to confirm, then the recovery codes once. */
export default function EnrolPage() {
  usePageTitle('Set up your authenticator');
  const user = useUser();
  const { refresh } = useSession();
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const start = useMutation({ mutationFn: () => unwrap(api.POST('/api/v1/auth/mfa/totp')) });
  const confirm = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/auth/mfa/totp/confirm', { body: { code } })),
  });
  const errors = fieldErrors(problem);

  if (recoveryCodes) {
    return (
      <>
        <h1>Your authenticator is set up</h1>
        <Notice type="warning" heading="Keep these recovery codes">
          <p className="margin-0">Each works once in place of a code, if you lose your phone. They are not shown again.</p>
        </Notice>
        <ul className="usa-list recovery-codes" aria-label="Recovery codes">
          {recoveryCodes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ul>
        <Button
          type="button"
          onClick={async () => {
            await refresh();
            await navigate('/', { replace: true });
          }}
        >
          Continue
        </Button>
      </>
    );
  }
  return (
    <>
      <h1>Set up your authenticator</h1>
      {user.mfaEnrolmentRequired && <p>Your role signs in with a second factor: set it up before you continue.</p>}
      {!start.data ? (
        <>
          {start.error && <FormProblem problem={toProblem(start.error)} />}
          <Button type="button" onClick={() => start.mutate()} disabled={start.isPending}>
            Show the QR code
          </Button>
        </>
      ) : (
        <>
          <ol className="usa-process-list">
            <li className="usa-process-list__item">
              <p className="usa-process-list__heading">Scan this code with your authenticator app</p>
              <QRCodeSVG value={start.data.otpauthUrl} size={200} marginSize={2} title="QR code of your authenticator secret" />
              <p>
                Or type this key: <code className="totp-secret">{start.data.secret}</code>
              </p>
            </li>
            <li className="usa-process-list__item">
              <p className="usa-process-list__heading">Type the six digits it shows</p>
              <FormProblem problem={problem} fieldErrors={errors} fieldIds={{ code: 'totp-code' }} />
              <Form
                noValidate
                onSubmit={async (event) => {
                  event.preventDefault();
                  try {
                    setRecoveryCodes((await confirm.mutateAsync()).recoveryCodes);
                  } catch (error) {
                    setProblem(toProblem(error));
                  }
                }}
              >
                <Field id="totp-code" label="Code" error={errors.code} required>
                  <TextInput
                    id="totp-code"
                    name="code"
                    type="text"
                    inputMode="numeric"
                    autoComplete="one-time-code"
                    value={code}
                    onChange={(e) => setCode(e.target.value)}
                  />
                </Field>
                <Button type="submit" disabled={confirm.isPending}>
                  Turn on
                </Button>
              </Form>
            </li>
          </ol>
        </>
      )}
    </>
  );
}
