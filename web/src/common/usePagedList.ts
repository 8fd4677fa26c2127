import { useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import type { Page } from '../api/views';

/**
 * A cursor-paginated list (`{items, nextCursor}`): the pages loaded so far, flattened, and
 * `loadMore` for the next one; `first` is the first page as answered (for what a report says
 * beside its items, such as its `asOf`). Every list in the app goes through this.
 */
export function usePagedList<P extends Page<unknown>>(
  key: QueryKey,
  fetchPage: (cursor: string | undefined) => Promise<P>,
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
    items: query.data?.pages.flatMap((page): Array<P['items'][number]> => page.items) ?? [],
    first: query.data?.pages[0],
    isPending: query.isPending && enabled,
    error: query.error,
    hasMore: query.hasNextPage,
    loadingMore: query.isFetchingNextPage,
    loadMore: () => void query.fetchNextPage(),
  };
}
