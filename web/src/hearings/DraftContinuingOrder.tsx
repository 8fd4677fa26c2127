import { Button } from '@trussworks/react-uswds';
import { useState } from 'react';
import { Link } from 'react-router';
import type { HearingRequest, Order } from '../api/views';
import { FormProblem } from '../common/FormProblem';
import { Notice } from '../common/Notice';
import { useProblem } from '../common/useProblem';
import { useDraftContinuingJurisdiction } from './queries';

/** On a PRE_MAJORITY request: draft the order continuing jurisdiction from its episode, for the judge to sign. */
export function DraftContinuingOrder({ request, title }: { request: HearingRequest; title: string }) {
  const draft = useDraftContinuingJurisdiction();
  const [order, setOrder] = useState<Order | null>(null);
  const { problem, attempt } = useProblem();
  if (order) {
    return (
      <Notice type="success">
        <p className="margin-0">
          Draft order continuing jurisdiction made; the judge signs it. <Link to={`/orders/${order.id}`}>Open the draft order</Link>
        </p>
      </Notice>
    );
  }
  return (
    <>
      <FormProblem problem={problem} />
      <Button
        type="button"
        outline
        disabled={draft.isPending}
        onClick={() => void attempt(() => draft.mutateAsync({ courtId: request.courtId, episodeId: request.episodeId }), setOrder)}
      >
        Draft order continuing jurisdiction<span className="usa-sr-only">: {title}</span>
      </Button>
    </>
  );
}
