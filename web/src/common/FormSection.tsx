import { Alert, Button, Form } from '@trussworks/react-uswds';
import { useState, type ReactNode } from 'react';
import { FormProblem } from './FormProblem';
import type { FormState } from './useForm';

interface FormSectionProps<T extends Record<string, string>> {
  id: string;
  heading: string;
  form: FormState<T>;
  button: string;
  busy: boolean;
  /** Sends the form; resolves to what to tell the person when it was done (the form then empties), or undefined when refused. */
  send(): Promise<string | undefined>;
  children: ReactNode;
}

/** A form under its heading: the refusal summary (announced), the fields, the button, then what was done. */
export function FormSection<T extends Record<string, string>>({ id, heading, form, button, busy, send, children }: FormSectionProps<T>) {
  const [done, setDone] = useState<string | null>(null);
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      <div role="status">
        {done && (
          <Alert type="success" slim>
            {done}
          </Alert>
        )}
      </div>
      <FormProblem problem={form.problem} fieldErrors={form.errors} fieldIds={form.fieldIds} />
      <Form
        noValidate
        onSubmit={async (event) => {
          event.preventDefault();
          setDone(null);
          const message = await send();
          if (message) {
            setDone(message);
            form.reset();
          }
        }}
      >
        {children}
        <Button type="submit" disabled={busy}>
          {button}
        </Button>
      </Form>
    </section>
  );
}
