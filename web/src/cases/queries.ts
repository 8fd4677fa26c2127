import { useQueries } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../api/problem';
import type { Child } from '../api/views';
import { episodeKeys } from '../episodes/queries';

/**
 * The children of a list (a board, a queue), each read once and shared with the child's page
 * (`useChild` caches under the same key); a lookup by id for the rows.
 */
export function useChildrenById(ids: readonly string[]): (id: string) => Child | undefined {
  const unique = [...new Set(ids)];
  const results = useQueries({
    queries: unique.map((id) => ({
      queryKey: episodeKeys.child(id),
      queryFn: () => unwrap(api.GET('/api/v1/children/{id}', { params: { path: { id } } })),
      staleTime: 60_000,
    })),
  });
  const byId = new Map<string, Child>();
  results.forEach((result, i) => result.data && byId.set(unique[i], result.data));
  return (id) => byId.get(id);
}
