import { useQueries, type QueryKey } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../api/problem';
import type { Case, Child } from '../api/views';
import { episodeKeys } from '../episodes/queries';

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
