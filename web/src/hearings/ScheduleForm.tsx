import { Button, Form, TextInput } from '@trussworks/react-uswds';
import { useState } from 'react';
import { fieldErrors } from '../api/problem';
import type { HearingRequest } from '../api/views';
import { Field } from '../common/Field';
import { FormProblem } from '../common/FormProblem';
import { useProblem } from '../common/useProblem';
import { isoToWallTime, wallTimeToIso, zoneLabel } from '../common/time';
import { useScheduleHearing } from './queries';

/** Date, time (in the court's zone) and courtroom; a day the court is closed comes back refused with the reason. */
export function ScheduleForm({ request, zone, title, onDone }: { request: HearingRequest; zone: string; title: string; onDone(): void }) {
  const schedule = useScheduleHearing(request.id);
  const current = request.scheduledFor ? isoToWallTime(request.scheduledFor, zone) : '';
  const [date, setDate] = useState(current ? current.slice(0, 10) : request.targetDate);
  const [time, setTime] = useState(current ? current.slice(11) : '09:00');
  const [courtroom, setCourtroom] = useState(request.courtroom ?? '');
  const { problem, attempt } = useProblem();
  const prefix = `schedule-${request.id}`;
  const ids = { date: `${prefix}-date`, time: `${prefix}-time`, courtroom: `${prefix}-courtroom` };
  // The service names `scheduledFor`: the day is what the clerk chose, so its error goes beside the date.
  const errors = fieldErrors(problem, { scheduledFor: 'date' });
  return (
    <Form
      noValidate
      className="maxw-full"
      onSubmit={async (event) => {
        event.preventDefault();
        const scheduledFor = wallTimeToIso(`${date}T${time}`, zone) ?? `${date}T${time}`;
        await attempt(() => schedule.mutateAsync({ scheduledFor, courtroom }), onDone);
      }}
    >
      <FormProblem problem={problem} fieldErrors={errors} fieldIds={ids} />
      <Field id={ids.date} label="Date" hint={`Target: by ${request.targetDate}`} error={errors.date} required>
        <input className="usa-input" type="date" name="date" value={date} onChange={(e) => setDate(e.target.value)} />
      </Field>
      <Field id={ids.time} label={`Time (${zoneLabel(zone)})`} error={errors.time} required>
        <input className="usa-input" type="time" name="time" value={time} onChange={(e) => setTime(e.target.value)} />
      </Field>
      <Field id={ids.courtroom} label="Courtroom" error={errors.courtroom} required>
        <TextInput id={ids.courtroom} name="courtroom" type="text" value={courtroom} onChange={(e) => setCourtroom(e.target.value)} />
      </Field>
      <Button type="submit" disabled={schedule.isPending}>
        Schedule the hearing<span className="usa-sr-only">: {title}</span>
      </Button>
    </Form>
  );
}
