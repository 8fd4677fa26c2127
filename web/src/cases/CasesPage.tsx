import { Link as UswdsLink, Table } from '@trussworks/react-uswds';
import { Link } from 'react-router';
import { useUser } from '../auth/session';
import { LoadMore } from '../common/LoadMore';
import { LoadError, Loading } from '../common/Notice';
import { usePageTitle } from '../common/usePageTitle';
import { useAgencyNames } from '../directory/queries';
import { childName } from '../episodes/labels';
import { CASE_TYPES, PLACEMENT_TYPES } from './labels';
import { useCourtCases } from './queries';

/** The court's cases with their children and where each child is placed now. */
export default function CasesPage() {
  usePageTitle('Cases');
  const user = useUser();
  const cases = useCourtCases(user.courtId ?? undefined);
  const agencyName = useAgencyNames();
  return (
    <>
      <h1>Cases</h1>
      <p>
        <UswdsLink asCustom={Link} to="/cases/new" className="usa-button">
          Open a new case
        </UswdsLink>
      </p>
      {cases.error && <LoadError error={cases.error} />}
      {cases.isPending ? (
        <Loading />
      ) : cases.items.length === 0 ? (
        <p>The court has no cases yet.</p>
      ) : (
        <div className="table-scroll">
          <Table fullWidth stackedStyle="default" caption="The court’s cases and their children">
            <thead>
              <tr>
                <th scope="col">Docket number</th>
                <th scope="col">Child</th>
                <th scope="col">Type</th>
                <th scope="col">Placed with</th>
              </tr>
            </thead>
            <tbody>
              {cases.items.map((c) => (
                <tr key={c.id}>
                  <th scope="row" data-label="Docket number">
                    <Link to={`/cases/${c.id}`}>{c.docketNumber}</Link>
                  </th>
                  <td data-label="Child">
                    <Link to={`/children/${c.child.id}`}>{childName(c.child)}</Link>
                  </td>
                  <td data-label="Type">{CASE_TYPES[c.caseType]}</td>
                  <td data-label="Placed with">
                    {c.child.currentPlacement
                      ? `${agencyName(c.child.currentPlacement.agencyId)} (${PLACEMENT_TYPES[c.child.currentPlacement.placementType].toLowerCase()})`
                      : 'Not placed'}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}
      <LoadMore list={cases} />
    </>
  );
}
