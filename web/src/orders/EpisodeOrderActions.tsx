import { Button } from '@trussworks/react-uswds';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { toProblem, type Problem } from '../api/problem';
import type { Episode } from '../api/views';
import { Notice } from '../common/Notice';
import { useCreateOrder } from './queries';

type EpisodeOrderKind = 'SHOW_CAUSE' | 'CONTINUING_JURISDICTION';

/**
 * The orders an episode calls for, drafted in one click from its facts (judges and clerks): to
 * show cause while duties are overdue, continuing jurisdiction when the child turns 18 missing.
 */
export function EpisodeOrderActions({ episode }: { episode: Episode }) {
  const navigate = useNavigate();
  const create = useCreateOrder();
  const [problem, setProblem] = useState<Problem | null>(null);
  const overdue = episode.obligations.some((duty) => duty.status === 'OVERDUE');
  const preMajority = episode.status === 'MISSING' && episode.hearingRequests.some((request) => request.reason === 'PRE_MAJORITY');
  if (!overdue && !preMajority) return null;
  const draft = async (kind: EpisodeOrderKind) => {
    setProblem(null);
    try {
      const order = await create.mutateAsync({ kind, courtId: episode.courtId, episodeId: episode.id });
      await navigate(`/orders/${order.id}`);
    } catch (error) {
      setProblem(toProblem(error));
    }
  };
  return (
    <section aria-labelledby="episode-orders-heading">
      <h2 id="episode-orders-heading">Orders for this episode</h2>
      {problem && (
        <div role="alert">
          <Notice type="error" heading={problem.title}>
            <p className="margin-0">{problem.detail}</p>
          </Notice>
        </div>
      )}
      {overdue && (
        <Button type="button" secondary disabled={create.isPending} onClick={() => void draft('SHOW_CAUSE')}>
          Draft order to show cause
        </Button>
      )}
      {preMajority && (
        <Button type="button" outline disabled={create.isPending} onClick={() => void draft('CONTINUING_JURISDICTION')}>
          Draft order continuing jurisdiction
        </Button>
      )}
    </section>
  );
}
