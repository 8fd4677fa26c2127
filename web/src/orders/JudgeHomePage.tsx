import { Table } from '@trussworks/react-uswds';
import { Link } from 'react-router';
import { useUser } from '../auth/session';
import { useChildrenById } from '../cases/queries';
import { LoadMore } from '../common/LoadMore';
import { LoadError, Loading } from '../common/Notice';
import { formatDate, formatInstant, zoneLabel } from '../common/time';
import { usePageTitle } from '../common/usePageTitle';
import { usePagedList } from '../common/usePagedList';
import { useAgencyNames, useCourtZone } from '../directory/queries';
import { DutyGroups } from '../obligations/DutyGroups';
import { childName } from '../episodes/labels';
import { episodeKeys, fetchEpisodes, fetchObligations, useCases } from '../episodes/queries';
import { HEARING_REASONS } from '../hearings/labels';
import { fetchHearingRequests } from './court-queries';

/** What needs the judge: the court's children missing now, the duties overdue, the hearings asked for. */
export default function JudgeHomePage() {
  usePageTitle('Judge’s home');
  const { courtId } = useUser();
  const court = courtId ?? undefined;
  const zone = useCourtZone(courtId);
  const agencyName = useAgencyNames();
  const cases = useCases();
  const docketOf = (caseId: string | null) => cases.data?.items.find((c) => c.id === caseId)?.docketNumber ?? '—';
  const episodes = usePagedList(episodeKeys.list({ status: 'MISSING', courtId: court }), (cursor) =>
    fetchEpisodes({ status: 'MISSING', courtId: court, cursor }),
  );
  const overdue = usePagedList(episodeKeys.obligations({ status: 'OVERDUE', courtId: court, paged: 'yes' }), (cursor) =>
    fetchObligations({ status: 'OVERDUE', courtId: court, cursor }),
  );
  const childOf = useChildrenById(episodes.items.map((episode) => episode.childId));
  const hearings = usePagedList(['hearing-requests', 'list', { status: 'QUEUED', courtId: court }], (cursor) =>
    fetchHearingRequests({ status: 'QUEUED', courtId: court, cursor }),
  );

  return (
    <>
      <h1>Your court today</h1>
      <p className="text-base">Times are in the court’s zone: {zoneLabel(zone)}.</p>

      <section aria-labelledby="missing-heading">
        <h2 id="missing-heading">Children missing now</h2>
        {episodes.error && <LoadError error={episodes.error} />}
        {episodes.isPending ? (
          <Loading />
        ) : episodes.items.length === 0 ? (
          <p>No child of this court is missing.</p>
        ) : (
          <Table fullWidth stackedStyle="default" caption="Open episodes in the court">
            <thead>
              <tr>
                <th scope="col">Child</th>
                <th scope="col">Agency</th>
                <th scope="col">Missing since</th>
              </tr>
            </thead>
            <tbody>
              {episodes.items.map((episode) => (
                <tr key={episode.id}>
                  <th scope="row" data-label="Child">
                    <Link to={`/episodes/${episode.id}`}>{childName(childOf(episode.childId))}</Link>
                  </th>
                  <td data-label="Agency">{agencyName(episode.agencyId)}</td>
                  <td data-label="Missing since">{formatInstant(episode.missingSince, zone)}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <LoadMore list={episodes} />
      </section>

      <section aria-labelledby="overdue-heading">
        <h2 id="overdue-heading">Duties overdue</h2>
        {overdue.error && <LoadError error={overdue.error} />}
        {overdue.isPending ? (
          <Loading />
        ) : overdue.items.length === 0 ? (
          <p>No duty is overdue.</p>
        ) : (
          <DutyGroups duties={overdue.items} zone={zone} what="overdue" />
        )}
        <LoadMore list={overdue} />
      </section>

      <section aria-labelledby="hearings-heading">
        <h2 id="hearings-heading">Hearing requests</h2>
        {hearings.error && <LoadError error={hearings.error} />}
        {hearings.isPending ? (
          <Loading />
        ) : hearings.items.length === 0 ? (
          <p>No hearing is waiting to be scheduled.</p>
        ) : (
          <Table fullWidth stackedStyle="default" caption="Hearings requested and not yet scheduled">
            <thead>
              <tr>
                <th scope="col">Why</th>
                <th scope="col">Case</th>
                <th scope="col">Requested</th>
                <th scope="col">To be heard by</th>
              </tr>
            </thead>
            <tbody>
              {hearings.items.map((request) => (
                <tr key={request.id}>
                  <th scope="row" data-label="Why">
                    <Link to={`/episodes/${request.episodeId}`}>{HEARING_REASONS[request.reason]}</Link>
                  </th>
                  <td data-label="Case">{docketOf(request.caseId)}</td>
                  <td data-label="Requested">{formatInstant(request.requestedAt, zone)}</td>
                  <td data-label="To be heard by">{formatDate(request.targetDate)}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <LoadMore list={hearings} />
      </section>
    </>
  );
}
