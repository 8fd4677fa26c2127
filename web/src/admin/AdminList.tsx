import type { ReactNode } from 'react';
import { LoadMore } from '../common/LoadMore';
import { LoadError, Loading } from '../common/Notice';

interface AdminListProps {
  /** The query behind the list: its failure or wait is shown instead. */
  loaded: { error: unknown; isPending: boolean };
  /** The rows shown so far and the next page. */
  list: { items: readonly unknown[]; hasMore: boolean; loadingMore: boolean; loadMore(): void };
  /** Said when there is no row (else the table shows empty). */
  empty?: string;
  children: ReactNode;
}

/** An admin list: loading, failed, empty, or its table with "Show more". */
export function AdminList({ loaded, list, empty, children }: AdminListProps) {
  if (loaded.error) return <LoadError error={loaded.error} />;
  if (loaded.isPending) return <Loading />;
  if (empty && list.items.length === 0) return <p>{empty}</p>;
  return (
    <>
      {children}
      <LoadMore list={list} />
    </>
  );
}
