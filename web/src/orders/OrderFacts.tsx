import type { Order } from '../api/views';
import { formatInstant } from '../common/time';
import { useAgencyNames } from '../directory/queries';
import { useCases } from '../episodes/queries';
import { ORDER_KINDS, ORDER_STATUSES } from './labels';

/** What an order is, binds, and where it stands, times in the court's zone. */
export function OrderFacts({ order, zone }: { order: Order; zone: string }) {
  const agencyName = useAgencyNames();
  const cases = useCases();
  const docket = cases.data?.items.find((c) => c.id === order.caseId)?.docketNumber;
  return (
    <dl className="order-facts">
      <dt>Kind</dt>
      <dd>{ORDER_KINDS[order.kind]}</dd>
      <dt>Status</dt>
      <dd>{ORDER_STATUSES[order.status]}</dd>
      {order.caseId && (
        <>
          <dt>Case</dt>
          <dd>{docket ?? order.caseId}</dd>
        </>
      )}
      {order.kind === 'STANDING' && (
        <>
          <dt>Binds</dt>
          <dd>{order.agencyIds === null ? 'Every agency' : order.agencyIds.map(agencyName).join(', ')}</dd>
        </>
      )}
      <dt>Template</dt>
      <dd>
        {order.template.key}, version {order.template.version}
      </dd>
      <dt>Takes effect</dt>
      <dd>{order.effectiveAt ? formatInstant(order.effectiveAt, zone) : 'When signed'}</dd>
      {order.signedAt && (
        <>
          <dt>Signed</dt>
          <dd>
            {formatInstant(order.signedAt, zone)} by {order.signedByName}
          </dd>
        </>
      )}
      {order.supersededAt && (
        <>
          <dt>Superseded</dt>
          <dd>{formatInstant(order.supersededAt, zone)}</dd>
        </>
      )}
      {order.vacatedAt && (
        <>
          <dt>Vacated</dt>
          <dd>
            {formatInstant(order.vacatedAt, zone)}: {order.vacateReason}
          </dd>
        </>
      )}
      {order.verificationCode && (
        <>
          <dt>Verification code</dt>
          <dd>
            <code>{order.verificationCode}</code>
          </dd>
        </>
      )}
    </dl>
  );
}
