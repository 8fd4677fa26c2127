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
