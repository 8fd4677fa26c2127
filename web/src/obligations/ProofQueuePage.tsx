import { useEffect, useRef, useState } from 'react';
import { useUser } from '../auth/session';
import { useChildrenById } from '../cases/queries';
import { LoadMore } from '../common/LoadMore';
import { LoadError, Loading, Notice } from '../common/Notice';
import { zoneLabel } from '../common/time';
import { usePageTitle } from '../common/usePageTitle';
import { useAgencyNames, useCourtZone } from '../directory/queries';
import { ProofReview } from './ProofReview';
import { useSubmitted } from './queries';

/** Every proof the court's agencies sent that awaits review, each with its document beside its fields. */
export default function ProofQueuePage() {
  usePageTitle('Proof queue');
  const user = useUser();
  const courtId = user.courtId ?? '';
  const zone = useCourtZone(courtId);
  const queue = useSubmitted(courtId);
  const childOf = useChildrenById(queue.items.map((o) => o.childId));
  const agencyName = useAgencyNames();
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  // The reviewed proof leaves the list: the keyboard goes on from the message that says so.
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);
  return (
    <>
      <h1>Proof queue</h1>
      <p>
        Proof the agencies sent, waiting for the court to accept or reject it. Times are in the court’s zone:{' '}
        <strong>{zoneLabel(zone)}</strong>.
      </p>
      <div ref={doneRef} tabIndex={-1}>
        {done && <Notice type="success">{done}</Notice>}
      </div>
      {queue.error && <LoadError error={queue.error} />}
      {queue.isPending ? (
        <Loading />
      ) : queue.items.length === 0 ? (
        <p>No proof awaits review.</p>
      ) : (
        queue.items.map((obligation) => (
          <ProofReview
            key={obligation.id}
            obligation={obligation}
            child={childOf(obligation.childId)}
            agency={agencyName(obligation.agencyId)}
            zone={zone}
            onReviewed={setDone}
          />
        ))
      )}
      <LoadMore list={queue} />
    </>
  );
}
