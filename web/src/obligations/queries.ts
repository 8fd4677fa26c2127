import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../api/problem';
import { fetchObligations } from '../episodes/queries';
import { usePagedList } from '../common/usePagedList';

/** The keys start with 'obligations' so that every proof, review and waiver refreshes them. */
export const boardKeys = {
  overdue: (courtId: string) => ['obligations', 'board', 'overdue', courtId] as const,
  dueSoon: (courtId: string) => ['obligations', 'board', 'due-soon', courtId] as const,
  submitted: (courtId: string) => ['obligations', 'board', 'submitted', courtId] as const,
};

/** The board asks again each minute: duties fall overdue, and into the next 24 hours, by the clock. */
const BOARD_REFRESH_MS = 60_000;
const DAY_MS = 86_400_000;

/** The court's overdue duties, most overdue first. */
export function useOverdue(courtId: string) {
  return usePagedList(
    boardKeys.overdue(courtId),
    (cursor) => fetchObligations({ courtId, status: 'OVERDUE', cursor }),
    true,
    BOARD_REFRESH_MS,
  );
}

/** The court's open duties falling due in the next 24 hours (from each time it asks), soonest first. */
export function useDueSoon(courtId: string) {
  return usePagedList(
    boardKeys.dueSoon(courtId),
    (cursor) => fetchObligations({ courtId, status: 'OPEN', dueBefore: new Date(Date.now() + DAY_MS).toISOString(), cursor }),
    true,
    BOARD_REFRESH_MS,
  );
}

export type Decision = 'ACCEPTED' | 'REJECTED';

/** The court's duties whose proof awaits review, soonest deadline first. */
export function useSubmitted(courtId: string) {
  return usePagedList(boardKeys.submitted(courtId), (cursor) => fetchObligations({ courtId, status: 'SUBMITTED', cursor }));
}

export function useReviewProof() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision, reason }: { id: string; decision: Decision; reason?: string }) =>
      unwrap(api.POST('/api/v1/evidence/{id}/review', { params: { path: { id } }, body: { decision, reason } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['obligations'] }),
  });
}
