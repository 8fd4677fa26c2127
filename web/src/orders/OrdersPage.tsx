import { Select, SummaryBox, SummaryBoxContent, SummaryBoxHeading, Table } from '@trussworks/react-uswds';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Order, OrderStatus } from '../api/views';
import { useUser } from '../auth/session';
import { Field } from '../common/Field';
import { LoadMore } from '../common/LoadMore';
import { LoadError, Loading } from '../common/Notice';
import { formatInstant, zoneLabel } from '../common/time';
import { usePageTitle } from '../common/usePageTitle';
import { usePagedList } from '../common/usePagedList';
import { useAgencyNames, useCourtZone } from '../directory/queries';
import { ORDER_KINDS, ORDER_STATUSES } from './labels';
import { fetchOrders, orderKeys, useStandingOrders } from './queries';

/** The standing order in force now: the newest signed one whose effective time has come. */
export function standingInForce(orders: Order[], now = new Date()): Order | undefined {
  return orders
    .filter((order) => order.effectiveAt !== null && new Date(order.effectiveAt) <= now)
    .sort((a, b) => (b.effectiveAt ?? '').localeCompare(a.effectiveAt ?? ''))[0];
}

/** The court's orders by status, and the standing order in force. */
export default function OrdersPage() {
  usePageTitle('Orders');
  const { courtId } = useUser();
  const court = courtId ?? undefined;
  const zone = useCourtZone(courtId);
  const agencyName = useAgencyNames();
  const [status, setStatus] = useState<OrderStatus | ''>('');
  const standing = useStandingOrders(court);
  const inForce = standingInForce(standing.data?.items ?? []);
  const orders = usePagedList(orderKeys.list({ courtId: court, status: status || undefined, paged: 'yes' }), (cursor) =>
    fetchOrders({ courtId: court, status: status || undefined, cursor }),
  );
  return (
    <>
      <h1>Orders</h1>
      <p>
        <Link to="/orders/new" className="usa-button">
          Draft a new order
        </Link>
      </p>
      <SummaryBox>
        <SummaryBoxHeading headingLevel="h2">The standing order in force</SummaryBoxHeading>
        <SummaryBoxContent>
          {standing.isPending ? (
            <Loading />
          ) : inForce ? (
            <p className="margin-0">
              <Link to={`/orders/${inForce.id}`}>Order {inForce.orderNumber}</Link>, in force since{' '}
              {formatInstant(inForce.effectiveAt, zone)}, binds{' '}
              {inForce.agencyIds === null ? 'every agency' : inForce.agencyIds.map(agencyName).join(', ')}.
            </p>
          ) : (
            <p className="margin-0">No standing order is in force: episodes follow their case’s individual order, else the defaults.</p>
          )}
        </SummaryBoxContent>
      </SummaryBox>
      <h2>The court’s orders</h2>
      <Field id="orders-status" label="Status">
        <Select id="orders-status" name="status" value={status} onChange={(event) => setStatus(event.target.value as OrderStatus | '')}>
          <option value="">Any status</option>
          {Object.entries(ORDER_STATUSES).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </Field>
      {orders.error && <LoadError error={orders.error} />}
      {orders.isPending ? (
        <Loading />
      ) : orders.items.length === 0 ? (
        <p>No order{status ? ` is ${ORDER_STATUSES[status].toLowerCase()}` : ' yet'}.</p>
      ) : (
        <Table fullWidth stackedStyle="default" caption={`Orders, newest first; times in ${zoneLabel(zone)}`}>
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Kind</th>
              <th scope="col">Status</th>
              <th scope="col">Signed</th>
            </tr>
          </thead>
          <tbody>
            {orders.items.map((order) => (
              <tr key={order.id}>
                <th scope="row" data-label="Order">
                  <Link to={`/orders/${order.id}`}>{order.orderNumber ?? `Draft of ${formatInstant(order.createdAt, zone)}`}</Link>
                </th>
                <td data-label="Kind">{ORDER_KINDS[order.kind]}</td>
                <td data-label="Status">{ORDER_STATUSES[order.status]}</td>
                <td data-label="Signed">{order.signedAt ? formatInstant(order.signedAt, zone) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <LoadMore list={orders} />
    </>
  );
}
