import { Button, Form, Textarea } from '@trussworks/react-uswds';
import { useState } from 'react';
import { fieldErrors } from '../api/problem';
import { Field } from '../common/Field';
import { FormProblem } from '../common/FormProblem';
import { useProblem } from '../common/useProblem';
import { useCancelHearing } from './queries';

/** Cancel a hearing request, with the reason the participants are told. */
export function CancelForm({ requestId, title, onDone }: { requestId: string; title: string; onDone(): void }) {
  const cancel = useCancelHearing(requestId);
  const [reason, setReason] = useState('');
  const { problem, attempt } = useProblem();
  const id = `cancel-${requestId}-reason`;
  const errors = fieldErrors(problem);
  return (
    <Form
      noValidate
      className="maxw-full"
      onSubmit={async (event) => {
        event.preventDefault();
        await attempt(() => cancel.mutateAsync(reason), onDone);
      }}
    >
      <FormProblem problem={problem} fieldErrors={errors} fieldIds={{ reason: id }} />
      <Field id={id} label="Why it is cancelled" error={errors.reason} required>
        <Textarea id={id} name="reason" value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <Button type="submit" secondary disabled={cancel.isPending}>
        Cancel the hearing request<span className="usa-sr-only">: {title}</span>
      </Button>
    </Form>
  );
}
