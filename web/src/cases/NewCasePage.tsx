import { Button, Form } from '@trussworks/react-uswds';
import { useEffect, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import type { CaseType, ChildSex } from '../api/views';
import { useUser } from '../auth/session';
import { SelectField, TextField } from '../common/FormFields';
import { FormProblem } from '../common/FormProblem';
import { useForm } from '../common/useForm';
import { usePageTitle } from '../common/usePageTitle';
import { useCourts, useJudges } from '../directory/queries';
import { CASE_TYPES, SEXES } from './labels';
import { useOpenCase } from './queries';

/** The service names the child's fields `child.firstName` and so on; each error is shown beside its own input. */
const CHILD_FIELDS = {
  'child.firstName': 'firstName',
  'child.middleName': 'middleName',
  'child.lastName': 'lastName',
  'child.dateOfBirth': 'dateOfBirth',
  'child.sex': 'sex',
} as const;

/**
 * "Open a new case": the docket number, the type, the judge assigned (one of the court's) and the
 * child; the answer is the case's page. A judge or clerk opens it in their own court, an
 * administrator picks the court first. What is typed stays in this page's memory only.
 */
export default function NewCasePage() {
  usePageTitle('Open a new case');
  const user = useUser();
  const navigate = useNavigate();
  const openCase = useOpenCase();
  const form = useForm(
    'case',
    {
      courtId: user.courtId ?? '',
      docketNumber: '',
      caseType: '',
      judgeId: '',
      firstName: '',
      middleName: '',
      lastName: '',
      dateOfBirth: '',
      sex: '',
    },
    CHILD_FIELDS,
  );
  const { values, set } = form;
  const courts = useCourts();
  const judges = useJudges(values.courtId || undefined);
  // Another court's judges: the one chosen before is not among them.
  useEffect(() => set('judgeId', ''), [values.courtId, set]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const created = await form.submit(() =>
      openCase.mutateAsync({
        courtId: values.courtId,
        docketNumber: values.docketNumber,
        caseType: values.caseType as CaseType,
        judgeId: values.judgeId,
        child: {
          firstName: values.firstName,
          middleName: values.middleName.trim() || undefined,
          lastName: values.lastName,
          dateOfBirth: values.dateOfBirth,
          sex: (values.sex || undefined) as ChildSex | undefined,
        },
      }),
    );
    if (created) await navigate(`/cases/${created.id}`);
  }

  return (
    <>
      <h1>Open a new case</h1>
      <FormProblem problem={form.problem} fieldErrors={form.errors} fieldIds={form.fieldIds} />
      <Form onSubmit={submit} className="maxw-tablet" noValidate>
        {user.role === 'ADMIN' && (
          <SelectField
            form={form}
            name="courtId"
            label="Court"
            options={(courts.data?.items ?? []).map((court): [string, string] => [court.id, court.name])}
            empty="- Select -"
            required
          />
        )}
        <TextField form={form} name="docketNumber" label="Docket number" hint="For example JV-2026-00123." autoComplete="off" required />
        <SelectField form={form} name="caseType" label="Type of case" options={CASE_TYPES} empty="- Select -" required />
        <SelectField
          form={form}
          name="judgeId"
          label="Assigned judge"
          options={(judges.data ?? []).map((judge): [string, string] => [judge.id, judge.name])}
          empty="- Select -"
          required
        />
        <fieldset className="usa-fieldset">
          <legend className="usa-legend usa-legend--large">The child</legend>
          <TextField form={form} name="firstName" label="First name" autoComplete="off" required />
          <TextField form={form} name="middleName" label="Middle name" hint="Optional." autoComplete="off" />
          <TextField form={form} name="lastName" label="Last name" autoComplete="off" required />
          <TextField form={form} name="dateOfBirth" type="date" label="Date of birth" required />
          <SelectField form={form} name="sex" label="Sex" hint="Optional." options={SEXES} empty="- Select -" />
        </fieldset>
        <Button type="submit" disabled={openCase.isPending}>
          {openCase.isPending ? 'Opening…' : 'Open the case'}
        </Button>
      </Form>
    </>
  );
}
