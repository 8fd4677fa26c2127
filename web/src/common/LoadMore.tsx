import { Button } from '@trussworks/react-uswds';

/** The "next page" of a cursor-paginated list. */
export function LoadMore({ list }: { list: { hasMore: boolean; loadingMore: boolean; loadMore(): void } }) {
  if (!list.hasMore) return null;
  return (
    <Button type="button" outline onClick={list.loadMore} disabled={list.loadingMore}>
      {list.loadingMore ? 'Loading…' : 'Show more'}
    </Button>
  );
}
