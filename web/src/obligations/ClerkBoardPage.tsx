import { useUser } from '../auth/session';
import { LoadMore } from '../common/LoadMore';
import { LoadError, Loading } from '../common/Notice';
import { zoneLabel } from '../common/time';
import { usePageTitle } from '../common/usePageTitle';
import { useCourt } from '../directory/queries';
import { DutyGroups } from './DutyGroups';
import { useDueSoon, useOverdue } from './queries';

/** The clerk's home: what is overdue now and what falls due in the next 24 hours across the court, by agency. */
export default function ClerkBoardPage() {
  usePageTitle('Court board');
  const user = useUser();
  const courtId = user.courtId ?? '';
  const court = useCourt(courtId);
  const zone = court.data?.timezone ?? 'UTC';
  const overdue = useOverdue(courtId);
  const dueSoon = useDueSoon(courtId);
  return (
    <>
      <h1>Court board{court.data ? `: ${court.data.name}` : ''}</h1>
      <p>
        What agencies owe the court, by agency. Times are in the court’s zone: <strong>{zoneLabel(zone)}</strong>.
      </p>
      <section aria-labelledby="overdue-heading">
        <h2 id="overdue-heading">Overdue now</h2>
        {overdue.error && <LoadError error={overdue.error} />}
        {overdue.isPending ? (
          <Loading />
        ) : overdue.items.length === 0 ? (
          <p>Nothing is overdue.</p>
        ) : (
          <DutyGroups duties={overdue.items} zone={zone} what="overdue" />
        )}
        <LoadMore list={overdue} />
      </section>
      <section aria-labelledby="due-soon-heading">
        <h2 id="due-soon-heading">Due in the next 24 hours</h2>
        {dueSoon.error && <LoadError error={dueSoon.error} />}
        {dueSoon.isPending ? (
          <Loading />
        ) : dueSoon.items.length === 0 ? (
          <p>Nothing falls due in the next 24 hours.</p>
        ) : (
          <DutyGroups duties={dueSoon.items} zone={zone} what="due soon" />
        )}
        <LoadMore list={dueSoon} />
      </section>
    </>
  );
}
