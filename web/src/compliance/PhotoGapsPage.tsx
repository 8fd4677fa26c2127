import { Table } from '@trussworks/react-uswds';
import { Link } from 'react-router';
import { useUser } from '../auth/session';
import { LoadMore } from '../common/LoadMore';
import { LoadError, Loading } from '../common/Notice';
import { formatInstant, zoneLabel } from '../common/time';
import { usePageTitle } from '../common/usePageTitle';
import { useAgencyNames, useCourtZone } from '../directory/queries';
import { usePhotoGaps } from './queries';

/** Children placed now with no photo recent enough for the order that applies to them. */
export default function PhotoGapsPage() {
  usePageTitle('Photo gaps');
  const { courtId } = useUser();
  const zone = useCourtZone(courtId);
  const agencyName = useAgencyNames();
  const gaps = usePhotoGaps();
  const items = gaps.items;
  return (
    <>
      <h1>Photo gaps</h1>
      <p>
        Children placed now without a photo taken within the days their order asks for. Should one run, there would be no current photo for
        law enforcement and NCMEC.
      </p>
      {gaps.error && <LoadError error={gaps.error} />}
      {gaps.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <p>Every child placed now has a current photo on file.</p>
      ) : (
        <>
          <p className="text-base">
            As of {formatInstant(gaps.first?.asOf, zone)}; {items.length} {items.length === 1 ? 'child' : 'children'}
            {gaps.hasMore ? ' shown so far, and more' : ''}.
          </p>
          <Table fullWidth stackedStyle="default" caption={`Children without a current photo; times in ${zoneLabel(zone)}`}>
            <thead>
              <tr>
                <th scope="col">Case</th>
                <th scope="col">Agency</th>
                <th scope="col">Latest photo</th>
                <th scope="col">Order asks for</th>
              </tr>
            </thead>
            <tbody>
              {items.map((gap) => (
                <tr key={gap.childId}>
                  <th scope="row" data-label="Case">
                    <Link to={`/children/${gap.childId}`}>{gap.docketNumber}</Link>
                  </th>
                  <td data-label="Agency">{agencyName(gap.agencyId)}</td>
                  <td data-label="Latest photo">{gap.latestPhotoTakenAt ? formatInstant(gap.latestPhotoTakenAt, zone) : 'None on file'}</td>
                  <td data-label="Order asks for">Within {gap.photoMaxAgeDays} days</td>
                </tr>
              ))}
            </tbody>
          </Table>
          <LoadMore list={gaps} />
        </>
      )}
    </>
  );
}
