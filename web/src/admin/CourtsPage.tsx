import { Table } from '@trussworks/react-uswds';
import { Link } from 'react-router';
import { usePagedList } from '../common/usePagedList';
import { usePageTitle } from '../common/usePageTitle';
import { AdminList } from './AdminList';
import { TextField } from '../common/FormFields';
import { FormSection } from '../common/FormSection';
import { adminKeys, fetchCourtsPage, useCreateCourt } from './queries';
import { useForm } from '../common/useForm';

/** Every court, a page at a time, and the form to add one. */
export default function CourtsPage() {
  usePageTitle('Courts');
  const courts = usePagedList(adminKeys.courts, fetchCourtsPage);
  return (
    <>
      <h1>Courts</h1>
      <AdminList loaded={courts} list={courts}>
        <Table fullWidth stackedStyle="default" caption="Courts using the service">
          <thead>
            <tr>
              <th scope="col">Court</th>
              <th scope="col">County and state</th>
              <th scope="col">Time zone</th>
              <th scope="col">Closures</th>
            </tr>
          </thead>
          <tbody>
            {courts.items.map((court) => (
              <tr key={court.id}>
                <th scope="row" data-label="Court">
                  {court.name}
                </th>
                <td data-label="County and state">
                  {court.county}, {court.state}
                </td>
                <td data-label="Time zone">{court.timezone}</td>
                <td data-label="Closures">
                  <Link to={`/closures?court=${court.id}`}>Closures of {court.name}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      </AdminList>
      <AddCourt />
    </>
  );
}

function AddCourt() {
  const form = useForm('court', { name: '', county: '', state: '', timezone: '' });
  const create = useCreateCourt();
  return (
    <FormSection
      id="add-court"
      heading="Add a court"
      form={form}
      button="Add the court"
      busy={create.isPending}
      send={async () => {
        const court = await form.submit(() => create.mutateAsync({ ...form.values, state: form.values.state.toUpperCase() }));
        return court && `${court.name} was added.`;
      }}
    >
      <TextField form={form} name="name" label="Name" hint="As it appears on its orders: Travis County Juvenile Court." required />
      <TextField form={form} name="county" label="County" required />
      <TextField form={form} name="state" label="State" hint="Two letters: TX." required />
      <TextField
        form={form}
        name="timezone"
        label="Time zone"
        hint="Its IANA name, such as America/Chicago: deadlines and court days are counted in it."
        required
      />
    </FormSection>
  );
}
