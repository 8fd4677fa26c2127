import { Button, Form, Textarea, TextInput } from '@trussworks/react-uswds';
import { useState } from 'react';
import { fieldErrors, toProblem, type Problem } from '../api/problem';
import { Field } from '../common/Field';
import { FormProblem } from '../common/FormProblem';
import { wallTimeToIso, zoneLabel } from '../common/time';
import { useRecordRecovery } from './queries';

/** "The child was found": time and place; the answer brings the post-recovery duties. */
export function RecoveryForm({ episodeId, zone, onDone }: { episodeId: string; zone: string; onDone(): void }) {
  const recover = useRecordRecovery(episodeId);
  const [recoveredAt, setRecoveredAt] = useState('');
  const [recoveryLocation, setLocation] = useState('');
  const [circumstances, setCircumstances] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const errors = fieldErrors(problem);
  return (
    <Form
      className="maxw-none"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        try {
          await recover.mutateAsync({
            recoveredAt: wallTimeToIso(recoveredAt, zone) ?? recoveredAt,
            recoveryLocation,
            ...(circumstances ? { circumstances } : {}),
          });
          onDone();
        } catch (error) {
          setProblem(toProblem(error));
        }
      }}
    >
      <FormProblem
        problem={problem}
        fieldErrors={errors}
        fieldIds={{ recoveredAt: 'recoveredAt', recoveryLocation: 'recoveryLocation', circumstances: 'recoveryCircumstances' }}
      />
      <Field id="recoveredAt" label={`Found at (${zoneLabel(zone)})`} error={errors.recoveredAt} required>
        <input
          className="usa-input"
          type="datetime-local"
          name="recoveredAt"
          value={recoveredAt}
          onChange={(e) => setRecoveredAt(e.target.value)}
        />
      </Field>
      <Field id="recoveryLocation" label="Where" error={errors.recoveryLocation} required>
        <TextInput
          id="recoveryLocation"
          name="recoveryLocation"
          type="text"
          value={recoveryLocation}
          onChange={(e) => setLocation(e.target.value)}
        />
      </Field>
      <Field id="recoveryCircumstances" label="Circumstances" error={errors.circumstances}>
        <Textarea
          id="recoveryCircumstances"
          name="circumstances"
          value={circumstances}
          onChange={(e) => setCircumstances(e.target.value)}
        />
      </Field>
      <Button type="submit" disabled={recover.isPending}>
        Record the recovery
      </Button>
    </Form>
  );
}
