import { Button } from '@trussworks/react-uswds';
import { useEffect, useRef, useState } from 'react';
import type { HearingRequest, HearingRequestStatus } from '../api/views';
import { useUser } from '../auth/session';
import { useCasesById } from '../cases/queries';
import { LoadMore } from '../common/LoadMore';
import { LoadError, Loading, Notice } from '../common/Notice';
import { formatInstant, isoToWallTime, todayIn, zoneLabel } from '../common/time';
import { usePageTitle } from '../common/usePageTitle';
import { useCourtZone } from '../directory/queries';
import { HearingRequestItem } from './HearingRequestItem';
import { HEARING_REASONS } from './labels';
import { MonthCalendar, type CalendarEvent } from './MonthCalendar';
import { useHearingRequests } from './queries';

const SECTIONS: { status: HearingRequestStatus; heading: string; empty: string }[] = [
  { status: 'QUEUED', heading: 'Waiting to be scheduled', empty: 'No hearing request waits to be scheduled.' },
  { status: 'SCHEDULED', heading: 'Scheduled', empty: 'No hearing is scheduled.' },
  { status: 'CANCELLED', heading: 'Cancelled', empty: 'No hearing request was cancelled.' },
];

/** The hearing queue: requests with their target dates on the court's calendar; schedule, cancel, the notice of hearing. */
export default function HearingQueuePage() {
  usePageTitle('Hearings');
  const user = useUser();
  const courtId = user.courtId ?? '';
  const zone = useCourtZone(courtId);
  const [month, setMonth] = useState(() => todayIn(zone).slice(0, 7));
  const [showCancelled, setShowCancelled] = useState(false);
  const lists = {
    QUEUED: useHearingRequests(courtId, 'QUEUED'),
    SCHEDULED: useHearingRequests(courtId, 'SCHEDULED'),
    CANCELLED: useHearingRequests(courtId, 'CANCELLED'),
  };
  const all = [...lists.QUEUED.items, ...lists.SCHEDULED.items, ...(showCancelled ? lists.CANCELLED.items : [])];
  const caseOf = useCasesById(all.map((request) => request.caseId));
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const label = (request: HearingRequest) => `${caseOf(request.caseId)?.docketNumber ?? 'A case'} (${HEARING_REASONS[request.reason]})`;
  const events: CalendarEvent[] = [
    ...lists.QUEUED.items.map((request) => ({ date: request.targetDate, label: `Target: ${label(request)}` })),
    ...lists.SCHEDULED.items
      .filter((request) => request.scheduledFor)
      .map((request) => ({
        date: isoToWallTime(request.scheduledFor!, zone).slice(0, 10),
        label: `${formatInstant(request.scheduledFor, zone).split(', ').slice(2).join(', ')}: ${label(request)}, ${request.courtroom}`,
      })),
  ];

  return (
    <>
      <h1>Hearings</h1>
      <p>
        Hearing requests and the court’s calendar. Times are in the court’s zone: <strong>{zoneLabel(zone)}</strong>.
      </p>
      <div ref={doneRef} tabIndex={-1}>
        {done && <Notice type="success">{done}</Notice>}
      </div>
      <MonthCalendar courtId={courtId} month={month} onMonth={setMonth} events={events} />
      {SECTIONS.filter(({ status }) => status !== 'CANCELLED' || showCancelled).map(({ status, heading, empty }) => {
        const list = lists[status];
        return (
          <section key={status} aria-labelledby={`hearings-${status}`}>
            <h2 id={`hearings-${status}`}>{heading}</h2>
            {list.error && <LoadError error={list.error} />}
            {list.isPending ? (
              <Loading />
            ) : list.items.length === 0 ? (
              <p>{empty}</p>
            ) : (
              <ul className="usa-collection" aria-labelledby={`hearings-${status}`}>
                {list.items.map((request) => (
                  <HearingRequestItem
                    key={request.id}
                    request={request}
                    courtCase={caseOf(request.caseId)}
                    zone={zone}
                    role={user.role}
                    onChanged={setDone}
                  />
                ))}
              </ul>
            )}
            <LoadMore list={list} />
          </section>
        );
      })}
      {!showCancelled && (
        <Button type="button" unstyled className="margin-top-2" onClick={() => setShowCancelled(true)}>
          Show cancelled requests
        </Button>
      )}
    </>
  );
}
