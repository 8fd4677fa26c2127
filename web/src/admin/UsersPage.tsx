import { Link as UswdsLink, Select, Table } from '@trussworks/react-uswds';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Role } from '../api/views';
import { Field } from '../common/Field';
import { usePagedList } from '../common/usePagedList';
import { usePageTitle } from '../common/usePageTitle';
import { AdminList } from './AdminList';
import { ROLE_LABELS } from './labels';
import { adminKeys, fetchUsersPage, type UserFilters } from './queries';
import { useTenantName } from './useTenantName';

/** Every account, filtered by role and status, a page at a time. */
export default function UsersPage() {
  usePageTitle('Users');
  const [filters, setFilters] = useState<UserFilters>({});
  const users = usePagedList(adminKeys.users(filters), (cursor) => fetchUsersPage(filters, cursor));
  const tenantName = useTenantName();
  return (
    <>
      <h1>Users</h1>
      <p>
        <UswdsLink asCustom={Link} to="/admin/users/new" className="usa-button">
          Add a user
        </UswdsLink>
      </p>
      <div className="grid-row grid-gap">
        <div className="tablet:grid-col-4">
          <Field id="filter-role" label="Role">
            <Select
              id="filter-role"
              name="role"
              value={filters.role ?? ''}
              onChange={(e) => setFilters((old) => ({ ...old, role: (e.target.value || undefined) as Role | undefined }))}
            >
              <option value="">All roles</option>
              {Object.entries(ROLE_LABELS).map(([role, label]) => (
                <option key={role} value={role}>
                  {label}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <div className="tablet:grid-col-4">
          <Field id="filter-status" label="Status">
            <Select
              id="filter-status"
              name="disabled"
              value={filters.disabled === undefined ? '' : String(filters.disabled)}
              onChange={(e) => setFilters((old) => ({ ...old, disabled: e.target.value === '' ? undefined : e.target.value === 'true' }))}
            >
              <option value="">Active and disabled</option>
              <option value="false">Active</option>
              <option value="true">Disabled</option>
            </Select>
          </Field>
        </div>
      </div>
      <AdminList loaded={users} list={users} empty="No user matches.">
        <Table fullWidth stackedStyle="default" caption="Users">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">E-mail</th>
              <th scope="col">Role</th>
              <th scope="col">Court or agency</th>
              <th scope="col">Two-factor</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {users.items.map((user) => (
              <tr key={user.id}>
                <th scope="row" data-label="Name">
                  <Link to={`/admin/users/${user.id}`}>{user.name}</Link>
                </th>
                <td data-label="E-mail">{user.email}</td>
                <td data-label="Role">{ROLE_LABELS[user.role]}</td>
                <td data-label="Court or agency">{tenantName(user)}</td>
                <td data-label="Two-factor">{user.mfaEnabled ? 'On' : 'Off'}</td>
                <td data-label="Status">{user.disabled ? 'Disabled' : 'Active'}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </AdminList>
    </>
  );
}
