import { Button, Table } from '@trussworks/react-uswds';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { DocketEvent } from '../api/views';
import { useUser } from '../auth/session';
import { useCasesById } from '../cases/queries';
import { FormProblem } from '../common/FormProblem';
import { LoadMore } from '../common/LoadMore';
import { LoadError, Loading, Notice } from '../common/Notice';
import { formatInstant, zoneLabel } from '../common/time';
import { usePageTitle } from '../common/usePageTitle';
import { useProblem } from '../common/useProblem';
import { useCourtZone } from '../directory/queries';
import { HEARING_REASONS } from './labels';
import { useFailedDocketEvents, useHearingRequestsById, useOrdersById, useRetryDocketEvent } from './queries';

const EVENT_NAMES: Record<DocketEvent['type'], string> = {
  'hearing_request.created': 'Hearing requested',
  'hearing_request.cancelled': 'Hearing request cancelled',
  'order.signed': 'Order signed',
};

/** What the court's case-management system never received, and sending it again. */
export default function DocketDeliveriesPage() {
  usePageTitle('Docket deliveries');
  const user = useUser();
  const courtId = user.courtId ?? undefined;
  const zone = useCourtZone(courtId);
  const failed = useFailedDocketEvents(courtId);
  const retry = useRetryDocketEvent();
  const requestOf = useHearingRequestsById(failed.items.flatMap((e) => (e.hearingRequestId ? [e.hearingRequestId] : [])));
  const orderOf = useOrdersById(failed.items.flatMap((e) => (e.orderId ? [e.orderId] : [])));
  const caseIdOf = (event: DocketEvent) =>
    (event.hearingRequestId && requestOf(event.hearingRequestId)?.caseId) || (event.orderId && orderOf(event.orderId)?.caseId) || null;
  const caseOf = useCasesById(failed.items.flatMap((e) => caseIdOf(e) ?? []));
  const [done, setDone] = useState<string | null>(null);
  const { problem, attempt } = useProblem();
  const doneRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const describe = (event: DocketEvent) => {
    const request = event.hearingRequestId ? requestOf(event.hearingRequestId) : undefined;
    const order = event.orderId ? orderOf(event.orderId) : undefined;
    const docket = caseIdOf(event) ? caseOf(caseIdOf(event)!)?.docketNumber : undefined;
    const what = request ? `${EVENT_NAMES[event.type]} (${HEARING_REASONS[request.reason]})` : EVENT_NAMES[event.type];
    return { what, docket, order };
  };

  return (
    <>
      <h1>Docket deliveries</h1>
      <p>
        Hearing requests and signed orders the court’s case-management system did not accept after every attempt. Send one again once the
        system is back. Times are in the court’s zone: <strong>{zoneLabel(zone)}</strong>.
      </p>
      <div ref={doneRef} tabIndex={-1}>
        {done && <Notice type="success">{done}</Notice>}
      </div>
      <FormProblem problem={problem} />
      {failed.error && <LoadError error={failed.error} />}
      {failed.isPending ? (
        <Loading />
      ) : failed.items.length === 0 ? (
        <p>Every delivery went through.</p>
      ) : (
        <div className="table-scroll">
          <Table fullWidth stackedStyle="default" caption="Failed deliveries, newest first">
            <thead>
              <tr>
                <th scope="col">What</th>
                <th scope="col">Case</th>
                <th scope="col">Attempts</th>
                <th scope="col">Last answer</th>
                <th scope="col">Failed at</th>
                <th scope="col">
                  <span className="usa-sr-only">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {failed.items.map((event) => {
                const { what, docket, order } = describe(event);
                const name = `${what}${docket ? `, ${docket}` : ''}`;
                return (
                  <tr key={event.id} data-event={event.id}>
                    <th scope="row" data-label="What">
                      {order ? <Link to={`/orders/${order.id}`}>{what}</Link> : what}
                    </th>
                    <td data-label="Case">{docket ?? '—'}</td>
                    <td data-label="Attempts">{event.attempts}</td>
                    <td data-label="Last answer">{event.lastError ?? (event.lastStatus ? `HTTP ${event.lastStatus}` : '—')}</td>
                    <td data-label="Failed at">{formatInstant(event.failedAt, zone)}</td>
                    <td data-label="Action">
                      {(user.role === 'CLERK' || user.role === 'ADMIN') && (
                        <Button
                          type="button"
                          disabled={retry.isPending}
                          onClick={() => {
                            setDone(null);
                            void attempt(
                              () => retry.mutateAsync(event.id),
                              () => setDone(`Sent again: ${name}.`),
                            );
                          }}
                        >
                          Send again<span className="usa-sr-only">: {name}</span>
                        </Button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        </div>
      )}
      <LoadMore list={failed} />
    </>
  );
}
