import { Checkbox, Fieldset, TextInput } from '@trussworks/react-uswds';
import type { Terms } from '../api/views';
import { Field } from '../common/Field';
import { zoneLabel } from '../common/time';
import { FLAG_TERMS, NUMERIC_TERMS } from './labels';

/** When the order takes effect, typed as the court's wall-clock time (empty: when signed). */
export function EffectiveAtField({
  id,
  value,
  zone,
  error,
  onChange,
}: {
  id: string;
  value: string;
  zone: string;
  error?: string;
  onChange(next: string): void;
}) {
  return (
    <Field id={id} label="Takes effect at (optional)" hint={`Court time, ${zoneLabel(zone)}. Empty: when signed.`} error={error}>
      <input
        className="usa-input"
        id={id}
        name="effectiveAt"
        type="datetime-local"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </Field>
  );
}

/** The terms as typed: numbers as the text in their field (empty: the default), flags as they are. */
export type TermsInput = Partial<Record<keyof Terms, string | boolean>>;

export function termsInputOf(terms: Partial<Terms>): TermsInput {
  return Object.fromEntries(Object.entries(terms).map(([key, value]) => [key, typeof value === 'number' ? String(value) : value]));
}

/**
 * The terms to send: a number where one was typed, the text itself otherwise (so the service
 * names the field that is not a number), empty fields left to their defaults.
 */
export function termsBody(input: TermsInput): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (typeof value === 'boolean') body[key] = value;
    else if (typeof value === 'string' && value.trim() !== '') body[key] = /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value;
  }
  return body;
}

interface TermsFieldsProps {
  idPrefix: string;
  value: TermsInput;
  errors: Record<string, string>;
  onChange(next: TermsInput): void;
}

/** Every term of an order, labelled with its unit; the service's error beside each. */
export function TermsFields({ idPrefix, value, errors, onChange }: TermsFieldsProps) {
  const id = (key: string) => `${idPrefix}-${key}`;
  return (
    <Fieldset legend="Terms" className="terms">
      <p className="usa-hint margin-top-0">Hours may be fractional. A field left empty takes the default shown.</p>
      {NUMERIC_TERMS.map(({ key, label, unit, byDefault }) => (
        <Field key={key} id={id(key)} label={`${label} (${unit})`} hint={`Default ${byDefault}`} error={errors[key]}>
          <TextInput
            id={id(key)}
            name={key}
            type="text"
            inputMode="decimal"
            value={String(value[key] ?? '')}
            onChange={(event) => onChange({ ...value, [key]: event.target.value })}
          />
        </Field>
      ))}
      {FLAG_TERMS.map(({ key, label }) => (
        <Checkbox
          key={key}
          id={id(key)}
          name={key}
          label={label}
          checked={value[key] === undefined ? true : Boolean(value[key])}
          onChange={(event) => onChange({ ...value, [key]: event.target.checked })}
        />
      ))}
    </Fieldset>
  );
}
