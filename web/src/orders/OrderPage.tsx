import { useParams } from 'react-router';
import { useUser } from '../auth/session';
import { LoadError, Loading, Notice } from '../common/Notice';
import { usePageTitle } from '../common/usePageTitle';
import { useCourtZone } from '../directory/queries';
import { DraftEditor } from './DraftEditor';
import { ORDER_KINDS } from './labels';
import { OrderFacts } from './OrderFacts';
import { OrderPreview } from './OrderPreview';
import { orderCertificatePath, orderPdfPath, useOrder, usePreview } from './queries';
import { VacateForm } from './VacateForm';
import './orders.css';

/** One order: a draft beside its live preview (sign), or a signed order with its PDF (vacate). */
export default function OrderPage() {
  const { id = '' } = useParams();
  const user = useUser();
  const query = useOrder(id);
  const order = query.data?.order;
  const zone = useCourtZone(order?.courtId);
  const title = order ? (order.orderNumber ? `Order ${order.orderNumber}` : `Draft ${ORDER_KINDS[order.kind].toLowerCase()}`) : 'Order';
  usePageTitle(title);
  if (query.error) return <LoadError error={query.error} />;
  if (!order) return <Loading />;
  return (
    <>
      <h1>{title}</h1>
      <OrderFacts order={order} zone={zone} />
      <p>
        <a className="usa-link" href={orderPdfPath(order.id)} target="_blank" rel="noopener">
          {order.status === 'DRAFT' ? 'The draft as PDF (marked DRAFT)' : 'The signed PDF'}
        </a>
      </p>
      {/* A standing order is served on no one: only an order in a case has a certificate. */}
      {order.status === 'SIGNED' && order.caseId && (
        <p>
          <a className="usa-link" href={orderCertificatePath(order.id)} target="_blank" rel="noopener">
            Certificate of service (PDF)
          </a>
        </p>
      )}
      {order.status === 'DRAFT' ? (
        <DraftEditor key={order.id} order={order} etag={query.data?.etag ?? null} zone={zone} />
      ) : (
        <SignedOrder id={order.id} etag={query.data?.etag ?? null} />
      )}
      {order.status === 'SIGNED' && <Notice type="success">This order is signed and in the record.</Notice>}
      {user.role === 'JUDGE' && (order.status === 'SIGNED' || order.status === 'SUPERSEDED') && <VacateForm order={order} />}
    </>
  );
}

function SignedOrder({ id, etag }: { id: string; etag: string | null }) {
  const preview = usePreview(id, etag);
  if (preview.error) return <LoadError error={preview.error} />;
  if (!preview.data) return <Loading what="Rendering the order" />;
  return (
    <section aria-labelledby="text-heading">
      <h2 id="text-heading">The order</h2>
      <OrderPreview html={preview.data.html} title="The signed order" />
    </section>
  );
}
