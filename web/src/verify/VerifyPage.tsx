import { Button, FileInput, Form, TextInput } from '@trussworks/react-uswds';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { fieldErrors, toProblem, type Problem } from '../api/problem';
import type { Verification } from '../api/views';
import { Field } from '../common/Field';
import { FormProblem } from '../common/FormProblem';
import { usePageTitle } from '../common/usePageTitle';
import { useVerification } from './queries';
import { VerificationResult } from './VerificationResult';

/**
 * Public: anyone holding an order (an officer, NCMEC, a school) checks it with the court, by
 * dropping or choosing its PDF or by typing the verification code printed on it. `?code=` (the
 * link printed on each order) checks that code at once.
 */
export default function VerifyPage() {
  usePageTitle('Verify a court order');
  const [params] = useSearchParams();
  const verify = useVerification();
  const [code, setCode] = useState(params.get('code') ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [answer, setAnswer] = useState<{ result: Verification; checked: string } | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  async function check(by: { code: string } | { file: File }) {
    setAnswer(null);
    try {
      const result = await verify.mutateAsync(by);
      setProblem(null);
      setAnswer({ result, checked: 'code' in by ? `code ${by.code.trim()}` : `the file ${by.file.name}` });
    } catch (error) {
      setProblem(toProblem(error));
    }
  }

  const linked = params.get('code');
  const { mutateAsync } = verify;
  useEffect(() => {
    if (linked)
      void mutateAsync({ code: linked }).then(
        (result) => setAnswer({ result, checked: `code ${linked}` }),
        (e) => setProblem(toProblem(e)),
      );
  }, [linked, mutateAsync]);

  useEffect(() => {
    if (answer) resultRef.current?.focus();
  }, [answer]);

  function submitFile(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (file) void check({ file });
    else setProblem({ title: 'Choose a PDF', status: 400, errors: [{ field: 'file', message: 'Choose or drop the PDF of the order' }] });
  }

  function submitCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void check({ code });
  }

  // With no code the service asks for the PDF's SHA-256 or the code: that is the code field here.
  const errors = fieldErrors(problem, { sha256: 'code' });
  return (
    <>
      <h1>Verify a court order</h1>
      <p className="usa-intro">
        Check that a court order is genuine and still in force. You need either the PDF or the verification code printed at the foot of each
        page. No sign-in is needed, and nothing about the child is shown.
      </p>
      <FormProblem problem={problem} fieldErrors={errors} fieldIds={{ file: 'order-file', code: 'verification-code' }} />
      <div ref={resultRef} tabIndex={-1} aria-live="polite" className="verification-result">
        {answer && <VerificationResult result={answer.result} checked={answer.checked} />}
      </div>
      <div className="grid-row grid-gap-lg">
        <CheckForm id="by-file" heading="By the PDF" button="Check the PDF" busy={verify.isPending} onSubmit={submitFile}>
          <Field id="order-file" label="The order's PDF" hint="Drop it here or choose it; up to 20 MB." error={errors.file}>
            <FileInput
              id="order-file"
              name="file"
              accept="application/pdf,.pdf"
              dragText="Drag the PDF here or"
              chooseText="choose it from a folder"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              onDrop={(e) => setFile(e.dataTransfer.files[0] ?? null)}
            />
          </Field>
        </CheckForm>
        <CheckForm id="by-code" heading="By the verification code" button="Check the code" busy={verify.isPending} onSubmit={submitCode}>
          <Field id="verification-code" label="Verification code" hint="Ten letters and digits, such as 7KQ2M-9XD4T." error={errors.code}>
            <TextInput
              id="verification-code"
              name="code"
              type="text"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
          </Field>
        </CheckForm>
      </div>
    </>
  );
}

/** One way of checking: a titled half of the page with its form. */
function CheckForm(props: {
  id: string;
  heading: string;
  button: string;
  busy: boolean;
  onSubmit(event: FormEvent<HTMLFormElement>): void;
  children: ReactNode;
}) {
  return (
    <section className="tablet:grid-col-6" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.heading}</h2>
      <Form onSubmit={props.onSubmit} noValidate className="maxw-none">
        {props.children}
        <Button type="submit" disabled={props.busy}>
          {props.button}
        </Button>
      </Form>
    </section>
  );
}
