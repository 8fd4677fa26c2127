import { Table } from '@trussworks/react-uswds';
import { Link } from 'react-router';
import { Deadline } from '../common/Deadline';
import { LoadMore } from '../common/LoadMore';
import { LoadError, Loading } from '../common/Notice';
import { usePageTitle } from '../common/usePageTitle';
import { usePagedList } from '../common/usePagedList';
import { formatInstant } from '../common/time';
import { useCourts } from '../directory/queries';
import { childName, dutyName } from './labels';
import { episodeKeys, fetchEpisodes, useCases, usePendingObligations } from './queries';

/** A caseworker's open episodes, each with its next deadline counting down. */
export default function AgencyHomePage() {
  usePageTitle('My episodes');
  const episodes = usePagedList(episodeKeys.list({ status: 'MISSING' }), (cursor) => fetchEpisodes({ status: 'MISSING', cursor }));
  const pending = usePendingObligations();
  const cases = useCases();
  const courts = useCourts();
  const zoneOf = (courtId: string) => courts.data?.items.find((court) => court.id === courtId)?.timezone ?? 'UTC';
  const childOf = (childId: string) => cases.data?.items.find((c) => c.child.id === childId)?.child;

  return (
    <>
      <h1>Children missing now</h1>
      <p>
        <Link to="/episodes/new" className="usa-button usa-button--secondary">
          Report a child missing
        </Link>
      </p>
      {episodes.error && <LoadError error={episodes.error} />}
      {episodes.isPending ? (
        <Loading />
      ) : episodes.items.length === 0 ? (
        <p>No child of yours is missing.</p>
      ) : (
        <div className="table-scroll">
          <Table fullWidth stackedStyle="default" caption="Open episodes, with the next deadline of each">
            <thead>
              <tr>
                <th scope="col">Child</th>
                <th scope="col">Missing since</th>
                <th scope="col">Next deadline</th>
              </tr>
            </thead>
            <tbody>
              {episodes.items.map((episode) => {
                const next = pending.data?.find((o) => o.episodeId === episode.id);
                const zone = zoneOf(episode.courtId);
                return (
                  <tr key={episode.id}>
                    <th scope="row" data-label="Child">
                      <Link to={`/episodes/${episode.id}`}>{childName(childOf(episode.childId))}</Link>
                    </th>
                    <td data-label="Missing since">{formatInstant(episode.missingSince, zone)}</td>
                    <td data-label="Next deadline">
                      {next ? (
                        <>
                          {dutyName(next.type, next.sequence)}: <Deadline dueAt={next.dueAt} zone={zone} />
                        </>
                      ) : (
                        'Nothing due'
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        </div>
      )}
      <LoadMore list={episodes} />
      {pending.error && <LoadError error={pending.error} />}
    </>
  );
}
