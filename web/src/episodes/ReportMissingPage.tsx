import { Button, Form, Select, Textarea, TextInput } from '@trussworks/react-uswds';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { fieldErrors, toProblem, type Problem } from '../api/problem';
import { useUser } from '../auth/session';
import { Field } from '../common/Field';
import { FormProblem } from '../common/FormProblem';
import { LoadError, Loading } from '../common/Notice';
import { wallTimeToIso, zoneLabel } from '../common/time';
import { usePageTitle } from '../common/usePageTitle';
import { useCourts } from '../directory/queries';
import { childName } from './labels';
import { useCases, useOpenEpisode } from './queries';

const FIELD_IDS = {
  childId: 'childId',
  missingSince: 'missingSince',
  discoveredAt: 'discoveredAt',
  lastSeenLocation: 'lastSeenLocation',
  circumstances: 'circumstances',
  clothingDescription: 'clothingDescription',
  companions: 'companions',
  childPhone: 'childPhone',
  socialMedia: 'socialMedia',
};

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** "Report a child missing": pick one of the agency's children, the times, what they wore, who with; the answer is the checklist. */
export default function ReportMissingPage() {
  usePageTitle('Report a child missing');
  const user = useUser();
  const navigate = useNavigate();
  const cases = useCases();
  const courts = useCourts();
  const open = useOpenEpisode();
  const [values, setValues] = useState<Record<keyof typeof FIELD_IDS, string>>({
    childId: '',
    missingSince: '',
    discoveredAt: '',
    lastSeenLocation: '',
    circumstances: '',
    clothingDescription: '',
    companions: '',
    childPhone: '',
    socialMedia: '',
  });
  const [problem, setProblem] = useState<Problem | null>(null);
  const set = (name: keyof typeof FIELD_IDS) => (event: { target: { value: string } }) =>
    setValues((old) => ({ ...old, [name]: event.target.value }));

  // Only children placed with the caller's agency now (clerks and judges may pick any of the court's).
  const children = (cases.data?.items ?? [])
    .map((c) => c.child)
    .filter((child) => user.role !== 'AGENCY' || child.currentPlacement?.agencyId === user.agencyId)
    .sort((a, b) => childName(a).localeCompare(childName(b)));
  const picked = children.find((child) => child.id === values.childId);
  const zone = courts.data?.items.find((court) => court.id === picked?.courtId)?.timezone ?? courts.data?.items[0]?.timezone ?? 'UTC';

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = {
      childId: values.childId,
      missingSince: wallTimeToIso(values.missingSince, zone) ?? values.missingSince,
      ...(values.discoveredAt ? { discoveredAt: wallTimeToIso(values.discoveredAt, zone) ?? values.discoveredAt } : {}),
      ...(values.lastSeenLocation ? { lastSeenLocation: values.lastSeenLocation } : {}),
      ...(values.circumstances ? { circumstances: values.circumstances } : {}),
      ...(values.clothingDescription ? { clothingDescription: values.clothingDescription } : {}),
      ...(values.childPhone ? { childPhone: values.childPhone } : {}),
      ...(lines(values.companions).length ? { companions: lines(values.companions) } : {}),
      ...(lines(values.socialMedia).length ? { socialMedia: lines(values.socialMedia) } : {}),
    };
    try {
      const episode = await open.mutateAsync(body);
      await navigate(`/episodes/${episode.id}`);
    } catch (error) {
      setProblem(toProblem(error));
    }
  }

  if (cases.error) return <LoadError error={cases.error} />;
  if (cases.isPending) return <Loading />;
  const errors = fieldErrors(problem);
  return (
    <>
      <h1>Report a child missing</h1>
      <p>The court is told at once. The next page lists every report that is due, and by when.</p>
      <FormProblem problem={problem} fieldErrors={errors} fieldIds={FIELD_IDS} />
      <Form onSubmit={submit} className="maxw-tablet" noValidate>
        <Field id="childId" label="Child" error={errors.childId} required>
          <Select id="childId" name="childId" value={values.childId} onChange={set('childId')}>
            <option value="">- Select -</option>
            {children.map((child) => (
              <option key={child.id} value={child.id}>
                {childName(child)} (born {child.dateOfBirth})
              </option>
            ))}
          </Select>
        </Field>
        <Field
          id="missingSince"
          label={`Missing since (${zoneLabel(zone)})`}
          hint="When the child was last seen or known to be where they should be."
          error={errors.missingSince}
          required
        >
          <input
            className="usa-input"
            type="datetime-local"
            name="missingSince"
            value={values.missingSince}
            onChange={set('missingSince')}
          />
        </Field>
        <Field
          id="discoveredAt"
          label={`Discovered missing at (${zoneLabel(zone)})`}
          hint="Leave empty for now."
          error={errors.discoveredAt}
        >
          <input
            className="usa-input"
            type="datetime-local"
            name="discoveredAt"
            value={values.discoveredAt}
            onChange={set('discoveredAt')}
          />
        </Field>
        <Field id="lastSeenLocation" label="Last seen where" error={errors.lastSeenLocation}>
          <TextInput
            id="lastSeenLocation"
            name="lastSeenLocation"
            type="text"
            value={values.lastSeenLocation}
            onChange={set('lastSeenLocation')}
          />
        </Field>
        <Field id="circumstances" label="Circumstances" error={errors.circumstances}>
          <Textarea id="circumstances" name="circumstances" value={values.circumstances} onChange={set('circumstances')} />
        </Field>
        <Field id="clothingDescription" label="Clothing when last seen" error={errors.clothingDescription}>
          <Textarea
            id="clothingDescription"
            name="clothingDescription"
            value={values.clothingDescription}
            onChange={set('clothingDescription')}
          />
        </Field>
        <Field id="companions" label="Companions" hint="One person a line." error={errors.companions}>
          <Textarea id="companions" name="companions" value={values.companions} onChange={set('companions')} />
        </Field>
        <Field id="childPhone" label="The child’s phone number" error={errors.childPhone}>
          <TextInput id="childPhone" name="childPhone" type="tel" value={values.childPhone} onChange={set('childPhone')} />
        </Field>
        <Field id="socialMedia" label="Social media accounts" hint="One account a line." error={errors.socialMedia}>
          <Textarea id="socialMedia" name="socialMedia" value={values.socialMedia} onChange={set('socialMedia')} />
        </Field>
        <Button type="submit" disabled={open.isPending}>
          {open.isPending ? 'Reporting…' : 'Report missing'}
        </Button>
      </Form>
    </>
  );
}
