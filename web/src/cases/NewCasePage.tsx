import { Button, Form, Select, TextInput } from '@trussworks/react-uswds';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { fieldErrors } from '../api/problem';
import type { CaseType, ChildSex } from '../api/views';
import { useUser } from '../auth/session';
import { Field } from '../common/Field';
import { FormProblem } from '../common/FormProblem';
import { SelectOptions } from '../common/SelectOptions';
import { usePageTitle } from '../common/usePageTitle';
import { useProblem } from '../common/useProblem';
import { useCourts, useJudges } from '../directory/queries';
import { CASE_TYPES, SEXES } from './labels';
import { useOpenCase } from './queries';

const IDS = {
  courtId: 'case-court',
  docketNumber: 'case-docket-number',
  caseType: 'case-type',
  judgeId: 'case-judge',
  firstName: 'child-first-name',
  middleName: 'child-middle-name',
  lastName: 'child-last-name',
  dateOfBirth: 'child-date-of-birth',
  sex: 'child-sex',
};

/** The service names the child's fields `child.firstName` and so on; each is shown beside its own input. */
const CHILD_FIELDS = {
  'child.firstName': 'firstName',
  'child.middleName': 'middleName',
  'child.lastName': 'lastName',
  'child.dateOfBirth': 'dateOfBirth',
  'child.sex': 'sex',
};

type Values = Record<keyof typeof IDS, string>;

const EMPTY: Values = {
  courtId: '',
  docketNumber: '',
  caseType: '',
  judgeId: '',
  firstName: '',
  middleName: '',
  lastName: '',
  dateOfBirth: '',
  sex: '',
};

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
  const [values, setValues] = useState<Values>({ ...EMPTY, courtId: user.courtId ?? '' });
  const courts = useCourts();
  const judges = useJudges(values.courtId || undefined);
  const { problem, attempt } = useProblem();
  const errors = fieldErrors(problem, CHILD_FIELDS);
  const set = (name: keyof Values) => (event: { target: { value: string } }) =>
    setValues((old) => ({ ...old, [name]: event.target.value, ...(name === 'courtId' ? { judgeId: '' } : {}) }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = {
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
    };
    await attempt(
      () => openCase.mutateAsync(body),
      (created) => void navigate(`/cases/${created.id}`),
    );
  }

  return (
    <>
      <h1>Open a new case</h1>
      <FormProblem problem={problem} fieldErrors={errors} fieldIds={IDS} />
      <Form onSubmit={submit} className="maxw-tablet" noValidate>
        {user.role === 'ADMIN' && (
          <Field id={IDS.courtId} label="Court" error={errors.courtId} required>
            <Select id={IDS.courtId} name="courtId" value={values.courtId} onChange={set('courtId')}>
              <SelectOptions labels={Object.fromEntries((courts.data?.items ?? []).map((court) => [court.id, court.name]))} />
            </Select>
          </Field>
        )}
        <Field id={IDS.docketNumber} label="Docket number" hint="For example JV-2026-00123." error={errors.docketNumber} required>
          <TextInput
            id={IDS.docketNumber}
            name="docketNumber"
            type="text"
            autoComplete="off"
            value={values.docketNumber}
            onChange={set('docketNumber')}
          />
        </Field>
        <Field id={IDS.caseType} label="Type of case" error={errors.caseType} required>
          <Select id={IDS.caseType} name="caseType" value={values.caseType} onChange={set('caseType')}>
            <SelectOptions labels={CASE_TYPES} />
          </Select>
        </Field>
        <Field id={IDS.judgeId} label="Assigned judge" error={errors.judgeId} required>
          <Select id={IDS.judgeId} name="judgeId" value={values.judgeId} onChange={set('judgeId')}>
            <SelectOptions labels={Object.fromEntries((judges.data ?? []).map((judge) => [judge.id, judge.name]))} />
          </Select>
        </Field>
        <fieldset className="usa-fieldset">
          <legend className="usa-legend usa-legend--large">The child</legend>
          <Field id={IDS.firstName} label="First name" error={errors.firstName} required>
            <TextInput
              id={IDS.firstName}
              name="firstName"
              type="text"
              autoComplete="off"
              value={values.firstName}
              onChange={set('firstName')}
            />
          </Field>
          <Field id={IDS.middleName} label="Middle name" hint="Optional." error={errors.middleName}>
            <TextInput
              id={IDS.middleName}
              name="middleName"
              type="text"
              autoComplete="off"
              value={values.middleName}
              onChange={set('middleName')}
            />
          </Field>
          <Field id={IDS.lastName} label="Last name" error={errors.lastName} required>
            <TextInput
              id={IDS.lastName}
              name="lastName"
              type="text"
              autoComplete="off"
              value={values.lastName}
              onChange={set('lastName')}
            />
          </Field>
          <Field id={IDS.dateOfBirth} label="Date of birth" error={errors.dateOfBirth} required>
            <input className="usa-input" type="date" name="dateOfBirth" value={values.dateOfBirth} onChange={set('dateOfBirth')} />
          </Field>
          <Field id={IDS.sex} label="Sex" hint="Optional." error={errors.sex}>
            <Select id={IDS.sex} name="sex" value={values.sex} onChange={set('sex')}>
              <SelectOptions labels={SEXES} />
            </Select>
          </Field>
        </fieldset>
        <Button type="submit" disabled={openCase.isPending}>
          {openCase.isPending ? 'Opening…' : 'Open the case'}
        </Button>
      </Form>
    </>
  );
}
