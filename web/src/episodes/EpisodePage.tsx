import { Button, SummaryBox, SummaryBoxContent, SummaryBoxHeading } from '@trussworks/react-uswds';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useUser } from '../auth/session';
import { LoadError, Loading, Notice } from '../common/Notice';
import { formatDate, formatInstant, zoneLabel } from '../common/time';
import { usePageTitle } from '../common/usePageTitle';
import { useCourtZone } from '../directory/queries';
import { HEARING_REASONS } from '../hearings/labels';
import { EpisodeOrderActions } from '../orders/EpisodeOrderActions';
import { DutyItem } from './DutyItem';
import { EpisodeDocuments } from './EpisodeDocuments';
import { EpisodeNotifications } from './EpisodeNotifications';
import { childName } from './labels';
import { RecoveryForm } from './RecoveryForm';
import { useChild, useEpisode } from './queries';

/** An episode's checklist: every duty with its deadline in the court's zone, the law, and its upload. */
export default function EpisodePage() {
  const { id = '' } = useParams();
  const user = useUser();
  const episode = useEpisode(id);
  const child = useChild(episode.data?.childId);
  const zone = useCourtZone(episode.data?.courtId);
  const [recovering, setRecovering] = useState(false);
  usePageTitle(child.data ? `${childName(child.data)}: missing episode` : 'Missing episode');
  if (episode.error) return <LoadError error={episode.error} />;
  if (!episode.data) return <Loading />;
  const e = episode.data;
  const duties = [...e.obligations].sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  return (
    <>
      <h1>
        {childName(child.data)} {e.status === 'MISSING' ? 'is missing' : 'was found'}
      </h1>
      <SummaryBox>
        <SummaryBoxHeading headingLevel="h2">The episode</SummaryBoxHeading>
        <SummaryBoxContent>
          <ul className="usa-list">
            <li>Missing since {formatInstant(e.missingSince, zone)}</li>
            <li>Discovered {formatInstant(e.discoveredAt, zone)}</li>
            {e.lastSeenLocation && <li>Last seen at {e.lastSeenLocation}</li>}
            {e.recoveredAt && (
              <li>
                Found {formatInstant(e.recoveredAt, zone)} at {e.recoveryLocation}
              </li>
            )}
            <li>Times are in the court’s zone: {zoneLabel(zone)}</li>
            <li>
              <Link to={`/children/${e.childId}`}>The child’s page</Link>
            </li>
          </ul>
        </SummaryBoxContent>
      </SummaryBox>
      <h2>Duties</h2>
      <ul className="usa-collection duties" aria-label="Duties">
        {duties.map((obligation) => (
          <DutyItem key={obligation.id} obligation={obligation} zone={zone} role={user.role} />
        ))}
      </ul>
      {e.status === 'MISSING' && (user.role === 'AGENCY' || user.role === 'CLERK') && (
        <section aria-labelledby="recovery-heading">
          <h2 id="recovery-heading">Report recovery</h2>
          {recovering ? (
            <RecoveryForm episodeId={e.id} zone={zone} onDone={() => setRecovering(false)} />
          ) : (
            <Button type="button" onClick={() => setRecovering(true)}>
              The child was found
            </Button>
          )}
        </section>
      )}
      {e.status === 'RECOVERED' && <Notice type="success">The child was found. The duties after recovery are listed above.</Notice>}
      {e.hearingRequests.length > 0 && (
        <section aria-labelledby="hearings-heading">
          <h2 id="hearings-heading">Hearing requests</h2>
          <ul className="usa-list">
            {e.hearingRequests.map((request) => (
              <li key={request.id}>
                {HEARING_REASONS[request.reason]}: {request.status.toLowerCase()}, to be heard by {formatDate(request.targetDate)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {(user.role === 'JUDGE' || user.role === 'CLERK') && <EpisodeOrderActions episode={e} />}
      <EpisodeDocuments episode={e} />
      {(user.role === 'JUDGE' || user.role === 'CLERK') && <EpisodeNotifications episode={e} zone={zone} />}
    </>
  );
}
