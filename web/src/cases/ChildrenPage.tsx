import { Table } from '@trussworks/react-uswds';
import { Link } from 'react-router';
import { useUser } from '../auth/session';
import { LoadError, Loading } from '../common/Notice';
import { usePageTitle } from '../common/usePageTitle';
import { childName } from '../episodes/labels';
import { useCases } from '../episodes/queries';

/** The children placed with the caseworker's agency now. */
export default function ChildrenPage() {
  usePageTitle('My children');
  const user = useUser();
  const cases = useCases();
  if (cases.error) return <LoadError error={cases.error} />;
  if (cases.isPending) return <Loading />;
  const children = cases.data.items.map((c) => c.child).filter((child) => child.currentPlacement?.agencyId === user.agencyId);
  return (
    <>
      <h1>My children</h1>
      {children.length === 0 ? (
        <p>No child is placed with your agency.</p>
      ) : (
        <Table fullWidth stackedStyle="default" caption="Children placed with your agency">
          <thead>
            <tr>
              <th scope="col">Child</th>
              <th scope="col">Born</th>
              <th scope="col">Latest photo</th>
            </tr>
          </thead>
          <tbody>
            {children.map((child) => (
              <tr key={child.id}>
                <th scope="row" data-label="Child">
                  <Link to={`/children/${child.id}`}>{childName(child)}</Link>
                </th>
                <td data-label="Born">{child.dateOfBirth}</td>
                <td data-label="Latest photo">{child.latestPhoto ? child.latestPhoto.takenAt.slice(0, 10) : 'None'}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
