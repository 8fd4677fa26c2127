import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../api/problem';
import type { HearingRequestStatus } from '../api/views';
import { useById } from '../cases/queries';
import { usePagedList } from '../common/usePagedList';

export const hearingKeys = {
  all: ['hearing-requests'] as const,
  list: (courtId: string, status: HearingRequestStatus) => ['hearing-requests', 'list', courtId, status] as const,
  month: (courtId: string, month: string) => ['courts', courtId, 'court-days', month] as const,
};

/** Where a scheduled hearing's documents are read (the session cookie goes with a plain link). */
export const hearingDocumentPath = (id: string, document: 'notice' | 'certificate-of-service') =>
  `/api/v1/hearing-requests/${id}/${document}.pdf`;

/** The court's hearing requests of one status, by target date. */
export function useHearingRequests(courtId: string, status: HearingRequestStatus) {
  return usePagedList(hearingKeys.list(courtId, status), (cursor) =>
    unwrap(api.GET('/api/v1/hearing-requests', { params: { query: { courtId, status, cursor } } })),
  );
}

/** A month of the court's calendar: which days it sits, and why not on the others. */
export function useCourtMonth(courtId: string, month: string) {
  return useQuery({
    queryKey: hearingKeys.month(courtId, month),
    queryFn: () => unwrap(api.GET('/api/v1/courts/{id}/court-days', { params: { path: { id: courtId }, query: { month } } })),
    enabled: Boolean(courtId),
    staleTime: 60_000,
  });
}

export function useScheduleHearing(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { scheduledFor: string; courtroom: string }) =>
      unwrap(api.POST('/api/v1/hearing-requests/{id}/schedule', { params: { path: { id } }, body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: hearingKeys.all }),
  });
}

export function useCancelHearing(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) =>
      unwrap(api.POST('/api/v1/hearing-requests/{id}/cancel', { params: { path: { id } }, body: { reason } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: hearingKeys.all }),
  });
}

/** A draft order continuing jurisdiction past the 18th birthday, from the episode (the judge signs it). */
export function useDraftContinuingJurisdiction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ courtId, episodeId }: { courtId: string; episodeId: string }) =>
      unwrap(api.POST('/api/v1/orders', { body: { kind: 'CONTINUING_JURISDICTION', courtId, episodeId } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['orders'] }),
  });
}

export const docketKeys = {
  failed: (courtId: string) => ['docket-events', 'FAILED', courtId] as const,
};

/** Docket events the case-management system never took, newest first, a page at a time. */
export function useFailedDocketEvents(courtId: string | undefined) {
  return usePagedList(docketKeys.failed(courtId ?? ''), (cursor) =>
    unwrap(api.GET('/api/v1/docket/events', { params: { query: { courtId, status: 'FAILED', cursor } } })),
  );
}

export function useRetryDocketEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/docket/events/{id}/retry', { params: { path: { id } } })),
    // Refused or not, the list is stale: someone else may have sent it again.
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['docket-events'] });
      void queryClient.invalidateQueries({ queryKey: hearingKeys.all });
    },
  });
}

export function useHearingRequestsById(ids: readonly string[]) {
  return useById(
    ids,
    (id) => ['hearing-requests', id],
    (id) => unwrap(api.GET('/api/v1/hearing-requests/{id}', { params: { path: { id } } })),
  );
}

export function useOrdersById(ids: readonly string[]) {
  return useById(
    ids,
    (id) => ['orders', id, 'summary'],
    (id) => unwrap(api.GET('/api/v1/orders/{id}', { params: { path: { id } } })),
  );
}
