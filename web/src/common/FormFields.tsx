import { Select, TextInput } from '@trussworks/react-uswds';
import type { ReactNode } from 'react';
import { Field } from './Field';
import type { FormState } from './useForm';

interface Common<T extends Record<string, string>> {
  form: FormState<T>;
  name: keyof T & string;
  label: ReactNode;
  hint?: ReactNode;
  required?: boolean;
}

/** A text field of a `useForm` form, bound to its value and to the service's error for it. */
export function TextField<T extends Record<string, string>>({
  form,
  name,
  label,
  hint,
  required,
  type = 'text',
  autoComplete,
}: Common<T> & { type?: 'text' | 'email' | 'password' | 'date'; autoComplete?: string }) {
  return (
    <Field id={form.id(name)} label={label} hint={hint} error={form.errors[name]} required={required}>
      {type === 'date' ? (
        <input className="usa-input" type="date" name={name} value={form.values[name]} onChange={(e) => form.set(name, e.target.value)} />
      ) : (
        <TextInput
          id={form.id(name)}
          name={name}
          type={type}
          autoComplete={autoComplete}
          value={form.values[name]}
          onChange={(e) => form.set(name, e.target.value)}
        />
      )}
    </Field>
  );
}

/** A choice among options (value → label); an empty first option when `empty` names it. */
export function SelectField<T extends Record<string, string>>({
  form,
  name,
  label,
  hint,
  required,
  options,
  empty,
}: Common<T> & { options: Record<string, string> | [string, string][]; empty?: string }) {
  const entries = Array.isArray(options) ? options : Object.entries(options);
  return (
    <Field id={form.id(name)} label={label} hint={hint} error={form.errors[name]} required={required}>
      <Select id={form.id(name)} name={name} value={form.values[name]} onChange={(e) => form.set(name, e.target.value)}>
        {empty !== undefined && <option value="">{empty}</option>}
        {entries.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </Select>
    </Field>
  );
}
