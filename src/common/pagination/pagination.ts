import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ValidationFailed } from '../errors/domain-error.js';

export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit: number = 50;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Keyset position: the row's sort key as PostgreSQL text (microseconds kept) and its id. */
export interface CursorPosition {
  key: string;
  id: string;
}

/** Sort keys are timestamps, dates or sequence numbers as PostgreSQL prints them: nothing else is a cursor of ours. */
const CURSOR_KEY = /^[0-9A-Za-z :.+-]{1,40}$/;

export function decodeCursor(cursor: string | undefined): CursorPosition | null {
  if (!cursor) return null;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<CursorPosition>;
    if (
      typeof parsed.key === 'string' &&
      CURSOR_KEY.test(parsed.key) &&
      typeof parsed.id === 'string' &&
      /^[0-9a-f-]{36}$/.test(parsed.id)
    ) {
      return { key: parsed.key, id: parsed.id };
    }
  } catch {
    // fall through
  }
  throw ValidationFailed.field('cursor', 'is not a cursor this API returned');
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

/**
 * Turns `limit + 1` rows (each with `cursor_key` and `id`) into a page.
 * Queries order by (sort key, id) and fetch one row more than asked to know whether a next page exists.
 */
export function toPage<R extends { cursor_key: string; id: string }, T>(rows: R[], limit: number, map: (row: R) => T): Page<T> {
  const more = rows.length > limit;
  const slice = more ? rows.slice(0, limit) : rows;
  const last = slice[slice.length - 1];
  return { items: slice.map(map), nextCursor: more && last ? encodeCursor({ key: last.cursor_key, id: last.id }) : null };
}
