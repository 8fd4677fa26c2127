import { Table } from '@trussworks/react-uswds';
import { Link } from 'react-router';
import { usePagedList } from '../common/usePagedList';
import { usePageTitle } from '../common/usePageTitle';
import { AdminList } from './AdminList';
import { SelectField, TextField } from '../common/FormFields';
import { FormSection } from '../common/FormSection';
import { AGENCY_KIND_LABELS } from './labels';
import { adminKeys, fetchAgenciesPage, useCreateAgency } from './queries';
import { useForm } from '../common/useForm';

/** Every agency, a page at a time, with its API keys; and the form to add one. */
export default function AgenciesPage() {
  usePageTitle('Agencies');
  const agencies = usePagedList(adminKeys.agencies, fetchAgenciesPage);
  const form = useForm('agency', { name: '', kind: '', state: '' });
  const create = useCreateAgency();
  return (
    <>
      <h1>Agencies</h1>
      <AdminList loaded={agencies} list={agencies}>
        <Table fullWidth stackedStyle="default" caption="Agencies">
          <thead>
            <tr>
              <th scope="col">Agency</th>
              <th scope="col">Kind</th>
              <th scope="col">State</th>
              <th scope="col">Systems</th>
            </tr>
          </thead>
          <tbody>
            {agencies.items.map((agency) => (
              <tr key={agency.id}>
                <th scope="row" data-label="Agency">
                  {agency.name}
                </th>
                <td data-label="Kind">{AGENCY_KIND_LABELS[agency.kind]}</td>
                <td data-label="State">{agency.state}</td>
                <td data-label="Systems">
                  <Link to={`/admin/agencies/${agency.id}/keys`}>API keys of {agency.name}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      </AdminList>
      <FormSection
        id="add-agency"
        heading="Add an agency"
        form={form}
        button="Add the agency"
        busy={create.isPending}
        send={async () => {
          const agency = await form.submit(() =>
            create.mutateAsync({ ...form.values, state: form.values.state.toUpperCase() } as Parameters<typeof create.mutateAsync>[0]),
          );
          return agency && `${agency.name} was added.`;
        }}
      >
        <TextField form={form} name="name" label="Name" required />
        <SelectField form={form} name="kind" label="Kind" options={AGENCY_KIND_LABELS} empty="- Select -" required />
        <TextField form={form} name="state" label="State" hint="Two letters: TX." required />
      </FormSection>
    </>
  );
}
