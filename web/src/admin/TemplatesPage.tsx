import { Link as UswdsLink, Select, Table } from '@trussworks/react-uswds';
import { useState } from 'react';
import { Link } from 'react-router';
import { Field } from '../common/Field';
import { usePageTitle } from '../common/usePageTitle';
import { useCourts } from '../directory/queries';
import { AdminList } from './AdminList';
import { TEMPLATE_KIND_LABELS } from './labels';
import { useTemplates } from './queries';
import { useShownInPages } from './useShownInPages';

/** Every template version: the shipped ones and each court's own; which one a court's new documents use. */
export default function TemplatesPage() {
  usePageTitle('Order templates');
  const courts = useCourts();
  const [courtId, setCourtId] = useState('');
  const templates = useTemplates(courtId || undefined);
  const shown = useShownInPages(templates.data ?? []);
  const courtName = (id: string | null) => (id ? (courts.data?.items.find((court) => court.id === id)?.name ?? 'A court') : 'Built in');
  return (
    <>
      <h1>Order templates</h1>
      <p>
        Orders and notices are made from these templates. A court may have its own version of a kind: it is checked (every clause and
        deadline must be there) and stored as the next version; orders already made keep the version they were made from.
      </p>
      <p>
        <UswdsLink asCustom={Link} to="/admin/templates/new" className="usa-button">
          Upload a court version
        </UswdsLink>
      </p>
      <Field id="templates-court" label="Which a court uses" hint="Marks the version each kind uses for that court's new documents.">
        <Select id="templates-court" name="courtId" value={courtId} onChange={(e) => setCourtId(e.target.value)}>
          <option value="">Every court</option>
          {courts.data?.items.map((court) => (
            <option key={court.id} value={court.id}>
              {court.name}
            </option>
          ))}
        </Select>
      </Field>
      <AdminList loaded={templates} list={shown}>
        <Table fullWidth stackedStyle="default" caption="Template versions">
          <thead>
            <tr>
              <th scope="col">Template</th>
              <th scope="col">Kind</th>
              <th scope="col">Version</th>
              <th scope="col">Whose</th>
              <th scope="col">In use</th>
            </tr>
          </thead>
          <tbody>
            {shown.items.map((template) => (
              <tr key={template.id}>
                <th scope="row" data-label="Template">
                  <Link to={`/admin/templates/${template.id}`}>
                    {template.title} (version {template.version})
                  </Link>
                </th>
                <td data-label="Kind">{TEMPLATE_KIND_LABELS[template.kind]}</td>
                <td data-label="Version">{template.version}</td>
                <td data-label="Whose">{courtName(template.courtId)}</td>
                <td data-label="In use">{template.current ? 'Yes' : 'No'}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </AdminList>
    </>
  );
}
