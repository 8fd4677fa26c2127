import { Button, Checkbox, Fieldset, Radio, Select } from '@trussworks/react-uswds';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { fieldErrors, toProblem, type Problem } from '../api/problem';
import { useUser } from '../auth/session';
import { Field } from '../common/Field';
import { FormProblem } from '../common/FormProblem';
import { wallTimeToIso } from '../common/time';
import { usePageTitle } from '../common/usePageTitle';
import { useAgencies, useCourtZone } from '../directory/queries';
import { useCases } from '../episodes/queries';
import { TERM_ALIASES } from './labels';
import { useCreateOrder, useTemplates } from './queries';
import { EffectiveAtField, termsBody, TermsFields, type TermsInput } from './TermsFields';

type Kind = 'INDIVIDUAL' | 'STANDING';
const TEMPLATE_OF: Record<Kind, string> = { INDIVIDUAL: 'INDIVIDUAL_ORDER', STANDING: 'STANDING_ORDER' };
const KINDS: { value: Kind; label: string }[] = [
  { value: 'INDIVIDUAL', label: 'Individual order, for one case' },
  { value: 'STANDING', label: 'Standing order, for the agencies placing children in the court' },
];

/** A new draft from the court's template: an individual order for a case, or a standing order for agencies. */
export default function NewOrderPage() {
  usePageTitle('Draft a new order');
  const navigate = useNavigate();
  const { courtId } = useUser();
  const zone = useCourtZone(courtId);
  const templates = useTemplates();
  const cases = useCases();
  const agencies = useAgencies();
  const create = useCreateOrder();
  const [kind, setKind] = useState<Kind>('INDIVIDUAL');
  const [caseId, setCaseId] = useState('');
  const [agencyIds, setAgencyIds] = useState<string[]>([]);
  const [effective, setEffective] = useState('');
  const [terms, setTerms] = useState<TermsInput>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const errors = fieldErrors(problem, TERM_ALIASES);
  const template = templates.data?.find((t) => t.kind === TEMPLATE_OF[kind] && t.current);
  const fieldIds = { caseId: 'order-case', agencyIds: 'order-agencies', effectiveAt: 'order-effectiveAt', kind: 'order-kind-INDIVIDUAL' };

  return (
    <>
      <h1>Draft a new order</h1>
      <form
        className="usa-form maxw-none"
        noValidate
        onSubmit={async (event) => {
          event.preventDefault();
          try {
            const order = await create.mutateAsync({
              kind,
              courtId: courtId ?? '',
              ...(kind === 'INDIVIDUAL' ? { caseId: caseId || undefined } : { agencyIds }),
              ...(effective ? { effectiveAt: wallTimeToIso(effective, zone) ?? effective } : {}),
              terms: termsBody(terms),
            } as never);
            await navigate(`/orders/${order.id}`);
          } catch (error) {
            setProblem(toProblem(error));
          }
        }}
      >
        <FormProblem
          problem={problem}
          fieldErrors={errors}
          fieldIds={{
            ...fieldIds,
            ...Object.fromEntries(Object.keys(TERM_ALIASES).map((path) => [TERM_ALIASES[path], `order-${TERM_ALIASES[path]}`])),
          }}
        />
        <Fieldset legend="Which order">
          {KINDS.map(({ value, label }) => (
            <Radio
              key={value}
              id={`order-kind-${value}`}
              name="kind"
              value={value}
              label={label}
              checked={kind === value}
              onChange={() => setKind(value)}
            />
          ))}
          <p className="usa-hint">
            Template: {template ? `${template.title} (version ${template.version}${template.courtId ? ', the court’s own' : ''})` : '…'}
          </p>
        </Fieldset>
        {kind === 'INDIVIDUAL' ? (
          <Field id="order-case" label="Case" error={errors.caseId} required>
            <Select id="order-case" name="caseId" value={caseId} onChange={(event) => setCaseId(event.target.value)}>
              <option value="">- Choose a case -</option>
              {cases.data?.items.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.docketNumber}: {c.child.firstName} {c.child.lastName}
                </option>
              ))}
            </Select>
          </Field>
        ) : (
          <Fieldset legend="Agencies bound (none chosen: every agency)" id="order-agencies">
            {errors.agencyIds && <p className="usa-error-message">{errors.agencyIds}</p>}
            {agencies.data?.items.map((agency) => (
              <Checkbox
                key={agency.id}
                id={`order-agency-${agency.id}`}
                name="agencyIds"
                value={agency.id}
                label={agency.name}
                checked={agencyIds.includes(agency.id)}
                onChange={(event) =>
                  setAgencyIds(event.target.checked ? [...agencyIds, agency.id] : agencyIds.filter((id) => id !== agency.id))
                }
              />
            ))}
          </Fieldset>
        )}
        <EffectiveAtField id="order-effectiveAt" value={effective} zone={zone} error={errors.effectiveAt} onChange={setEffective} />
        <TermsFields idPrefix="order" value={terms} errors={errors} onChange={setTerms} />
        <Button type="submit" disabled={create.isPending}>
          Create the draft and preview it
        </Button>
      </form>
    </>
  );
}
