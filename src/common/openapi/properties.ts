import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';

type Options = { nullable?: boolean; required?: boolean; description?: string; example?: unknown };

/** Property decorators for answer DTOs: the formats this API uses, said once. */
export const UuidProperty = (options: Options = {}) => ApiProperty({ type: String, format: 'uuid', ...options } as ApiPropertyOptions);

/** An instant, ISO-8601 with `Z` (a `Date` in the code, a string on the wire). */
export const InstantProperty = (options: Options = {}) =>
  ApiProperty({ type: String, format: 'date-time', example: '2026-03-01T22:15:00.000Z', ...options } as ApiPropertyOptions);

/** A calendar date, `YYYY-MM-DD`. */
export const DateProperty = (options: Options = {}) =>
  ApiProperty({ type: String, format: 'date', example: '2026-03-02', ...options } as ApiPropertyOptions);

/** One of a closed set of values, as a named schema (`enumName`) shared by every property that uses it. */
export const EnumProperty = (values: readonly string[], enumName: string, options: Options = {}) =>
  ApiProperty({ enum: [...values], enumName, ...options } as ApiPropertyOptions);

export const TextProperty = (options: Options = {}) => ApiProperty({ type: String, ...options } as ApiPropertyOptions);
