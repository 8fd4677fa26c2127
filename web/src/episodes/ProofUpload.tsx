import { Button, Checkbox, Form, Textarea, TextInput } from '@trussworks/react-uswds';
import { useState, type FormEvent } from 'react';
import { fieldErrors, toProblem, type Problem } from '../api/problem';
import type { Obligation } from '../api/views';
import { Field } from '../common/Field';
import { FormProblem } from '../common/FormProblem';
import { wallTimeToIso, zoneLabel } from '../common/time';
import { PROOF_FORMS } from './proof-forms';
import { useSubmitProof } from './queries';

/** The one upload of a duty: its proof fields, the time it was done, and the document or photo. */
export function ProofUpload({ obligation, zone, onDone }: { obligation: Obligation; zone: string; onDone(): void }) {
  const form = PROOF_FORMS[obligation.type];
  const submit = useSubmitProof(obligation.episodeId);
  const [values, setValues] = useState<Record<string, string | boolean>>({});
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const id = (name: string) => `${obligation.id}-${name}`;
  const set = (name: string, value: string | boolean) => setValues((old) => ({ ...old, [name]: value }));

  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields: Record<string, unknown> = {};
    if (form.performedAt) fields.performedAt = wallTimeToIso(String(values.performedAt ?? ''), zone) ?? values.performedAt ?? '';
    for (const field of form.fields) {
      const value = values[field.name];
      if (field.kind === 'boolean') fields[field.name] = Boolean(value);
      else if (field.kind === 'instant') fields[field.name] = wallTimeToIso(String(value ?? ''), zone) ?? value ?? '';
      else if (field.kind === 'list')
        fields[field.name] = String(value ?? '')
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean);
      else if (value !== undefined && value !== '') fields[field.name] = value;
    }
    try {
      await submit.mutateAsync({ obligationId: obligation.id, fields, file });
      setProblem(null);
      onDone();
    } catch (error) {
      setProblem(toProblem(error));
    }
  }

  const errors = fieldErrors(problem);
  const ids = Object.fromEntries(['performedAt', 'file', ...form.fields.map((f) => f.name)].map((name) => [name, id(name)]));
  return (
    <Form onSubmit={send} className="maxw-none" noValidate>
      <FormProblem problem={problem} fieldErrors={errors} fieldIds={ids} />
      {form.fields.map((field) => {
        if (field.kind === 'boolean') {
          return (
            <Checkbox
              key={field.name}
              id={id(field.name)}
              name={field.name}
              label={field.label}
              checked={Boolean(values[field.name])}
              onChange={(e) => set(field.name, e.target.checked)}
            />
          );
        }
        const label = field.kind === 'instant' ? `${field.label} (${zoneLabel(zone)})` : field.label;
        const common = {
          name: field.name,
          value: String(values[field.name] ?? ''),
          onChange: (e: { target: { value: string } }) => set(field.name, e.target.value),
        };
        return (
          <Field key={field.name} id={id(field.name)} label={label} hint={field.hint} error={errors[field.name]} required={field.required}>
            {field.kind === 'textarea' || field.kind === 'list' ? (
              <Textarea id={id(field.name)} {...common} />
            ) : field.kind === 'instant' ? (
              <input className="usa-input" type="datetime-local" {...common} />
            ) : (
              <TextInput id={id(field.name)} type="text" {...common} />
            )}
          </Field>
        );
      })}
      {form.performedAt && (
        <Field id={id('performedAt')} label={`${form.performedAt} (${zoneLabel(zone)})`} error={errors.performedAt} required>
          <input
            className="usa-input"
            type="datetime-local"
            name="performedAt"
            value={String(values.performedAt ?? '')}
            onChange={(e) => set('performedAt', e.target.value)}
          />
        </Field>
      )}
      {form.file !== 'none' && (
        <Field
          id={id('file')}
          label={form.photo ? 'Photo' : 'Document'}
          hint={
            form.photo ? 'JPEG or PNG, up to 10 MB. On a phone you can take it with the camera.' : 'PDF (or a JPEG/PNG scan), up to 20 MB.'
          }
          error={errors.file}
          required={form.file === 'required'}
        >
          <input
            className="usa-file-input__input file-picker"
            type="file"
            name="file"
            accept={form.accept}
            capture={form.photo ? 'environment' : undefined}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </Field>
      )}
      <Button type="submit" disabled={submit.isPending}>
        {submit.isPending ? 'Sending…' : 'Send proof'}
      </Button>
    </Form>
  );
}
