import type { ValueTransformer } from 'typeorm';

/** PostgreSQL `numeric` arrives as a string; these columns are small measurements. */
export const numericColumn: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
