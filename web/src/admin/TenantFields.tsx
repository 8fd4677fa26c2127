import { useAgencies, useCourts } from '../directory/queries';
import { SelectField } from '../common/FormFields';
import type { FormState } from '../common/useForm';

type TenantForm = FormState<{ role: string; courtId: string; agencyId: string }>;

/** The court of a judge or clerk, the agency of a caseworker: shown for the role chosen. */
export function TenantFields<F extends TenantForm>({ form }: { form: F }) {
  const agencies = useAgencies();
  const role = form.values.role;
  return (
    <>
      {(role === 'JUDGE' || role === 'CLERK') && <CourtField form={form} />}
      {role === 'AGENCY' && (
        <SelectField
          form={form}
          name="agencyId"
          label="Agency"
          empty="- Select -"
          options={Object.fromEntries((agencies.data?.items ?? []).map((agency) => [agency.id, agency.name]))}
          required
        />
      )}
    </>
  );
}

/** The tenant of the role chosen, as the service takes it (the other one null). */
export function tenantOf(values: { role: string; courtId: string; agencyId: string }) {
  return {
    courtId: values.role === 'JUDGE' || values.role === 'CLERK' ? values.courtId || null : null,
    agencyId: values.role === 'AGENCY' ? values.agencyId || null : null,
  };
}

/** The court a form is about, chosen among the courts. */
export function CourtField<F extends FormState<{ courtId: string }>>({ form }: { form: F }) {
  const courts = useCourts();
  return (
    <SelectField
      form={form}
      name="courtId"
      label="Court"
      empty="- Select -"
      options={Object.fromEntries((courts.data?.items ?? []).map((court) => [court.id, court.name]))}
      required
    />
  );
}
