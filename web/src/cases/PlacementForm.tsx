import { Button, Form, Select, TextInput } from '@trussworks/react-uswds';
import { useState } from 'react';
import { fieldErrors } from '../api/problem';
import type { PlacementType } from '../api/views';
import { Field } from '../common/Field';
import { FormProblem } from '../common/FormProblem';
import { SelectOptions } from '../common/SelectOptions';
import { useProblem } from '../common/useProblem';
import { wallTimeToIso, zoneLabel } from '../common/time';
import { useAgencies } from '../directory/queries';
import { PLACEMENT_TYPES } from './labels';
import { usePlaceChild } from './queries';

const IDS = {
  agencyId: 'placement-agency',
  placementType: 'placement-type',
  startedAt: 'placement-started',
  caseworkerName: 'placement-caseworker-name',
  caseworkerEmail: 'placement-caseworker-email',
};

/** A new placement for the case's child (it ends the current one). */
export function PlacementForm({ caseId, zone, onDone }: { caseId: string; zone: string; onDone(message: string): void }) {
  const place = usePlaceChild(caseId);
  const agencies = useAgencies();
  const [agencyId, setAgencyId] = useState('');
  const [placementType, setPlacementType] = useState('');
  const [startedAt, setStartedAt] = useState('');
  const [caseworkerName, setCaseworkerName] = useState('');
  const [caseworkerEmail, setCaseworkerEmail] = useState('');
  const { problem, attempt } = useProblem();
  const errors = fieldErrors(problem);
  return (
    <Form
      noValidate
      className="maxw-full"
      onSubmit={async (event) => {
        event.preventDefault();
        const body = {
          agencyId,
          placementType: placementType as PlacementType,
          startedAt: wallTimeToIso(startedAt, zone) ?? startedAt,
          caseworkerName: caseworkerName.trim() || undefined,
          caseworkerEmail: caseworkerEmail.trim() || undefined,
        };
        await attempt(
          () => place.mutateAsync(body),
          () => onDone('Placement recorded; the earlier one has ended.'),
        );
      }}
    >
      <FormProblem problem={problem} fieldErrors={errors} fieldIds={IDS} />
      <Field id={IDS.agencyId} label="Agency" error={errors.agencyId} required>
        <Select id={IDS.agencyId} name="agencyId" value={agencyId} onChange={(e) => setAgencyId(e.target.value)}>
          <SelectOptions labels={Object.fromEntries((agencies.data?.items ?? []).map((agency) => [agency.id, agency.name]))} />
        </Select>
      </Field>
      <Field id={IDS.placementType} label="Kind of placement" error={errors.placementType} required>
        <Select id={IDS.placementType} name="placementType" value={placementType} onChange={(e) => setPlacementType(e.target.value)}>
          <SelectOptions labels={PLACEMENT_TYPES} />
        </Select>
      </Field>
      <Field id={IDS.startedAt} label={`Placed since (${zoneLabel(zone)})`} error={errors.startedAt} required>
        <input
          className="usa-input"
          type="datetime-local"
          name="startedAt"
          value={startedAt}
          onChange={(e) => setStartedAt(e.target.value)}
        />
      </Field>
      <Field id={IDS.caseworkerName} label="Caseworker’s name" error={errors.caseworkerName}>
        <TextInput
          id={IDS.caseworkerName}
          name="caseworkerName"
          type="text"
          value={caseworkerName}
          onChange={(e) => setCaseworkerName(e.target.value)}
        />
      </Field>
      <Field id={IDS.caseworkerEmail} label="Caseworker’s e-mail address" error={errors.caseworkerEmail}>
        <TextInput
          id={IDS.caseworkerEmail}
          name="caseworkerEmail"
          type="email"
          value={caseworkerEmail}
          onChange={(e) => setCaseworkerEmail(e.target.value)}
        />
      </Field>
      <Button type="submit" disabled={place.isPending}>
        Record the placement
      </Button>
    </Form>
  );
}
