import { Button, Form, Select, TextInput } from '@trussworks/react-uswds';
import { useState } from 'react';
import { fieldErrors } from '../api/problem';
import type { ParticipantRole } from '../api/views';
import { Field } from '../common/Field';
import { FormProblem } from '../common/FormProblem';
import { LoadError, Loading } from '../common/Notice';
import { SelectOptions } from '../common/SelectOptions';
import { useProblem } from '../common/useProblem';
import { PARTICIPANT_ROLES } from './labels';
import { useAddParticipant, useParticipants, useRemoveParticipant } from './queries';

const IDS = { role: 'participant-role', name: 'participant-name', email: 'participant-email' };

/** Who is served the case's notices and orders; the clerk adds and removes them. */
export function ParticipantsSection({ caseId, canChange, onDone }: { caseId: string; canChange: boolean; onDone(message: string): void }) {
  const participants = useParticipants(caseId);
  const add = useAddParticipant(caseId);
  const remove = useRemoveParticipant(caseId);
  const [role, setRole] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const { problem, attempt } = useProblem();
  const removal = useProblem();
  const errors = fieldErrors(problem);
  return (
    <section aria-labelledby="participants-heading">
      <h2 id="participants-heading">Participants</h2>
      <p>Each is e-mailed the child-missing alert, hearing notices and signed orders.</p>
      {participants.error && <LoadError error={participants.error} />}
      {participants.isPending && <Loading />}
      <FormProblem problem={removal.problem} />
      {participants.data && participants.data.items.length === 0 && <p>No participant yet.</p>}
      {participants.data && participants.data.items.length > 0 && (
        <ul className="usa-list usa-list--unstyled" aria-label="Participants">
          {participants.data.items.map((p) => (
            <li key={p.id} className="margin-bottom-1">
              <strong>{p.name}</strong>, {PARTICIPANT_ROLES[p.role]} ({p.email}){' '}
              {canChange && (
                <Button
                  type="button"
                  unstyled
                  disabled={remove.isPending}
                  onClick={() =>
                    void removal.attempt(
                      () => remove.mutateAsync(p.id),
                      () => onDone(`${p.name} is no longer a participant.`),
                    )
                  }
                >
                  Remove<span className="usa-sr-only"> {p.name}</span>
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canChange && (
        <Form
          noValidate
          className="maxw-full"
          onSubmit={async (event) => {
            event.preventDefault();
            await attempt(
              () => add.mutateAsync({ role: role as ParticipantRole, name, email }),
              () => {
                setRole('');
                setName('');
                setEmail('');
                onDone(`${name} added as a participant.`);
              },
            );
          }}
        >
          <h3>Add a participant</h3>
          <FormProblem problem={problem} fieldErrors={errors} fieldIds={IDS} />
          <Field id={IDS.role} label="Role" error={errors.role} required>
            <Select id={IDS.role} name="role" value={role} onChange={(e) => setRole(e.target.value)}>
              <SelectOptions labels={PARTICIPANT_ROLES} />
            </Select>
          </Field>
          <Field id={IDS.name} label="Name" error={errors.name} required>
            <TextInput id={IDS.name} name="name" type="text" value={name} onChange={(e) => setName(e.target.value)} />
          </Field>
          <Field id={IDS.email} label="E-mail address" error={errors.email} required>
            <TextInput id={IDS.email} name="email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
          </Field>
          <Button type="submit" disabled={add.isPending}>
            Add the participant
          </Button>
        </Form>
      )}
    </section>
  );
}
