import { useState } from 'react';
import { PAGE_SIZE } from './queries';

/**
 * Lists the service answers whole (a court's closures, an agency's keys, the template versions)
 * shown a page at a time, with the same "Show more" as the cursor-paginated lists.
 */
export function useShownInPages<T>(all: readonly T[], size = PAGE_SIZE) {
  const [pages, setPages] = useState(1);
  return {
    items: all.slice(0, pages * size),
    hasMore: all.length > pages * size,
    loadingMore: false,
    loadMore: () => setPages((n) => n + 1),
  };
}
