import type { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import type { Page } from '../pagination/pagination.js';

const pages = new Map<Type<unknown>, Type<Page<unknown>>>();

/**
 * The `{items, nextCursor}` answer of a list, as its own schema named after the item
 * (`EpisodeSummaryDto` → `EpisodeSummaryPage`): `@ApiOkResponse({ type: PageOf(EpisodeSummaryDto) })`.
 */
export function PageOf<T>(item: Type<T>): Type<Page<T>> {
  const known = pages.get(item);
  if (known) return known as Type<Page<T>>;
  class ItemPage implements Page<T> {
    @ApiProperty({ type: [item] })
    items: T[];

    @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page' })
    nextCursor: string | null;
  }
  Object.defineProperty(ItemPage, 'name', { value: `${item.name.replace(/Dto$/, '')}Page` });
  pages.set(item, ItemPage);
  return ItemPage;
}

const lists = new Map<Type<unknown>, Type<{ items: unknown[] }>>();

/** An `{items}` answer that is never paged (a few rows by nature), named after the item: `ParticipantDto` → `ParticipantList`. */
export function ListOf<T>(item: Type<T>): Type<{ items: T[] }> {
  const known = lists.get(item);
  if (known) return known as Type<{ items: T[] }>;
  class ItemList {
    @ApiProperty({ type: [item] })
    items: T[];
  }
  Object.defineProperty(ItemList, 'name', { value: `${item.name.replace(/Dto$/, '')}List` });
  lists.set(item, ItemList);
  return ItemList;
}
