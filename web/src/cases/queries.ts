import { useMutation, useQueries, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../api/problem';
import type { components } from '../api/schema';
import type { Case, Child } from '../api/views';
import { usePagedList } from '../common/usePagedList';
import { episodeKeys } from '../episodes/queries';

type CaseInput = components['schemas']['CreateCaseDto'];
type PlacementInput = components['schemas']['CreatePlacementDto'];
type ParticipantInput = components['schemas']['AddParticipantDto'];

export const caseKeys = {
  one: (id: string) => ['cases', id] as const,
};

/** The records a list refers to (children of a board, cases of a queue), each read once; a lookup by id for the rows. */
export function useById<T>(
  ids: readonly string[],
  key: (id: string) => QueryKey,
  fetchOne: (id: string) => Promise<T>,
): (id: string) => T | undefined {
  const unique = [...new Set(ids)];
  const results = useQueries({
    queries: unique.map((id) => ({ queryKey: key(id), queryFn: () => fetchOne(id), staleTime: 60_000 })),
  });
  const byId = new Map<string, T>();
  results.forEach((result, i) => result.data && byId.set(unique[i], result.data));
  return (id) => byId.get(id);
}

/** Children by id, shared with the child's page (`useChild` caches under the same key). */
export function useChildrenById(ids: readonly string[]): (id: string) => Child | undefined {
  return useById(ids, episodeKeys.child, (id) => unwrap(api.GET('/api/v1/children/{id}', { params: { path: { id } } })));
}

export function useCasesById(ids: readonly string[]): (id: string) => Case | undefined {
  return useById(ids, caseKeys.one, (id) => unwrap(api.GET('/api/v1/cases/{id}', { params: { path: { id } } })));
}

export const caseListKeys = {
  list: (courtId: string) => ['cases', 'list', courtId] as const,
  placements: (caseId: string) => ['cases', caseId, 'placements'] as const,
  participants: (caseId: string) => ['cases', caseId, 'participants'] as const,
};

/** The court's cases, newest first as the service gives them. */
export function useCourtCases(courtId: string | undefined) {
  return usePagedList(caseListKeys.list(courtId ?? ''), (cursor) =>
    unwrap(api.GET('/api/v1/cases', { params: { query: { courtId, cursor } } })),
  );
}

export function useCase(id: string) {
  return useQuery({
    queryKey: caseKeys.one(id),
    queryFn: () => unwrap(api.GET('/api/v1/cases/{id}', { params: { path: { id } } })),
  });
}

export function usePlacements(caseId: string) {
  return useQuery({
    queryKey: caseListKeys.placements(caseId),
    // A child's placements are a handful: one page of 500 holds them all.
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/cases/{id}/placements', { params: { path: { id: caseId }, query: { limit: 500 } } }))).items,
  });
}

export function useParticipants(caseId: string) {
  return useQuery({
    queryKey: caseListKeys.participants(caseId),
    queryFn: () => unwrap(api.GET('/api/v1/cases/{id}/participants', { params: { path: { id: caseId } } })),
  });
}

/** A case's changes refresh the cases, their children and their lists. */
function useCaseChange<T, R>(change: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
      void queryClient.invalidateQueries({ queryKey: ['children'] });
    },
  });
}

export function useOpenCase() {
  return useCaseChange((body: CaseInput) => unwrap(api.POST('/api/v1/cases', { body })));
}

export function usePlaceChild(caseId: string) {
  return useCaseChange((body: PlacementInput) =>
    unwrap(api.POST('/api/v1/cases/{id}/placements', { params: { path: { id: caseId } }, body })),
  );
}

export function useAddParticipant(caseId: string) {
  return useCaseChange((body: ParticipantInput) =>
    unwrap(api.POST('/api/v1/cases/{id}/participants', { params: { path: { id: caseId } }, body })),
  );
}

export function useRemoveParticipant(caseId: string) {
  return useCaseChange(async (participantId: string) => {
    const { error, response } = await api.DELETE('/api/v1/cases/{id}/participants/{pid}', {
      params: { path: { id: caseId, pid: participantId } },
    });
    if (!response.ok) await unwrap(Promise.resolve({ error, response }));
  });
}
