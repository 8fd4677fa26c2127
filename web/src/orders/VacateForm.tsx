import { Button, Textarea } from '@trussworks/react-uswds';
import { useState } from 'react';
import { fieldErrors, toProblem, type Problem } from '../api/problem';
import type { Order } from '../api/views';
import { Field } from '../common/Field';
import { FormProblem } from '../common/FormProblem';
import { useVacateOrder } from './queries';

/** Sets a signed order aside with the reason on the record; its PDF stays and verifies as vacated. */
export function VacateForm({ order }: { order: Order }) {
  const vacate = useVacateOrder(order.id);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const errors = fieldErrors(problem);
  return (
    <form
      className="usa-form maxw-none"
      noValidate
      aria-labelledby="vacate-heading"
      onSubmit={async (event) => {
        event.preventDefault();
        try {
          await vacate.mutateAsync(reason);
          setProblem(null);
        } catch (error) {
          setProblem(toProblem(error));
        }
      }}
    >
      <h2 id="vacate-heading">Vacate this order</h2>
      <FormProblem problem={problem} fieldErrors={errors} fieldIds={{ reason: 'vacate-reason' }} />
      <Field id="vacate-reason" label="Reason for vacating" error={errors.reason} required>
        <Textarea id="vacate-reason" name="reason" value={reason} onChange={(event) => setReason(event.target.value)} />
      </Field>
      <Button type="submit" secondary disabled={vacate.isPending}>
        Vacate the order
      </Button>
    </form>
  );
}
