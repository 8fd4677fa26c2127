import { useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import type { Page } from '../api/views';

/**
 * A cursor-paginated list (`{items, nextCursor}`): the pages loaded so far, flattened, and
 * `loadMore` for the next one. Every list in the app goes through this.
 */
export function usePagedList<T>(
  key: QueryKey,
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  enabled = true,
  /** Lists that change with nobody acting (a board of deadlines) ask again this often, in ms. */
  refetchInterval?: number,
) {
  const query = useInfiniteQuery({
    queryKey: key,
    refetchInterval,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
  return {
    items: query.data?.pages.flatMap((page) => page.items) ?? [],
    isPending: query.isPending && enabled,
    error: query.error,
    hasMore: query.hasNextPage,
    loadingMore: query.isFetchingNextPage,
    loadMore: () => void query.fetchNextPage(),
  };
}
