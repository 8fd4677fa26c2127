import { Select, Table } from '@trussworks/react-uswds';
import { useSearchParams } from 'react-router';
import { useUser } from '../auth/session';
import { Field } from '../common/Field';
import { formatDate } from '../common/time';
import { Loading } from '../common/Notice';
import { usePageTitle } from '../common/usePageTitle';
import { useClosures, useCourt, useCourts } from '../directory/queries';
import { AdminList } from './AdminList';
import { TextField } from '../common/FormFields';
import { FormSection } from '../common/FormSection';
import { useAddClosure } from './queries';
import { useForm } from '../common/useForm';
import { useShownInPages } from './useShownInPages';

/**
 * Days a court is closed besides weekends and public holidays: hearings are never set on them and
 * court-day deadlines skip them. A clerk keeps their own court's; an administrator picks the court.
 */
export default function ClosuresPage() {
  usePageTitle('Closures');
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const courts = useCourts();
  const courtId = user.role === 'CLERK' ? user.courtId : (params.get('court') ?? courts.data?.items[0]?.id ?? null);
  const court = useCourt(courtId);
  return (
    <>
      <h1>Closures{court.data ? ` of ${court.data.name}` : ''}</h1>
      <p>
        Days the court is closed besides weekends and public holidays. No hearing is scheduled on them, and court-day deadlines skip them.
      </p>
      {user.role === 'ADMIN' && (
        <Field id="closures-court" label="Court">
          <Select id="closures-court" name="court" value={courtId ?? ''} onChange={(e) => setParams({ court: e.target.value })}>
            {courts.data?.items.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {courtId ? <CourtClosures courtId={courtId} /> : courts.isPending ? <Loading /> : <p>There is no court yet.</p>}
    </>
  );
}

function CourtClosures({ courtId }: { courtId: string }) {
  const closures = useClosures(courtId);
  const sorted = [...(closures.data ?? [])].sort((a, b) => a.date.localeCompare(b.date));
  const shown = useShownInPages(sorted);
  const form = useForm('closure', { date: '', name: '' });
  const add = useAddClosure(courtId);
  return (
    <>
      <AdminList loaded={closures} list={shown} empty="No closure is recorded.">
        <Table fullWidth stackedStyle="default" caption="Days the court is closed">
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {shown.items.map((closure) => (
              <tr key={closure.id}>
                <th scope="row" data-label="Day">
                  <time dateTime={closure.date}>{formatDate(closure.date)}</time>
                </th>
                <td data-label="Why">{closure.name}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </AdminList>
      <FormSection
        id="add-closure"
        heading="Close the court on a day"
        form={form}
        button="Add the closure"
        busy={add.isPending}
        send={async () => {
          const closure = await form.submit(() => add.mutateAsync(form.values));
          return closure && `The court is closed on ${formatDate(closure.date)}.`;
        }}
      >
        <TextField form={form} name="date" type="date" label="Day" required />
        <TextField
          form={form}
          name="name"
          label="Why"
          hint="Shown to clerks and on the hearing calendar: Court closed for Christmas Eve."
          required
        />
      </FormSection>
    </>
  );
}
