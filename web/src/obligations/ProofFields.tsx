import type { Evidence } from '../api/views';
import { formatInstant } from '../common/time';
import { PROOF_FORMS } from '../episodes/proof-forms';

/** What the agency stated in a proof, labelled as the agency's form labels them. */
export function ProofFields({ proof, zone }: { proof: Evidence; zone: string }) {
  const form = PROOF_FORMS[proof.type];
  const values = proof as unknown as Record<string, unknown>;
  const rows: [string, string][] = [];
  if (form.performedAt) rows.push([form.performedAt, formatInstant(proof.performedAt, zone)]);
  for (const field of form.fields) {
    const value = values[field.name];
    if (value === undefined || value === null || value === '') continue;
    const shown =
      field.kind === 'instant'
        ? formatInstant(String(value), zone)
        : field.kind === 'boolean'
          ? value
            ? 'Yes'
            : 'No'
          : Array.isArray(value)
            ? value.join('; ')
            : String(value);
    rows.push([field.label, shown]);
  }
  rows.push(['Submitted at', formatInstant(proof.submittedAt, zone)]);
  return (
    <dl className="proof-fields">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt className="text-bold">{label}</dt>
          <dd className="margin-left-0 margin-bottom-1">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
