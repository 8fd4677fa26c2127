import { applyDecorators } from '@nestjs/common';
import { ApiProduces, ApiResponse } from '@nestjs/swagger';

export type FileContentType =
  'application/pdf' | 'image/jpeg' | 'image/png' | 'text/html' | 'text/csv' | 'text/calendar' | 'application/octet-stream';

/** A 200 whose body is a file (bytes, or text for HTML/CSV/iCalendar) in one of these content types. */
export function ApiFileResponse(description: string, ...types: FileContentType[]): MethodDecorator {
  const binary = { type: 'string', format: 'binary' } as const;
  const text = { type: 'string' } as const;
  return applyDecorators(
    ApiProduces(...types),
    ApiResponse({
      status: 200,
      description,
      content: Object.fromEntries(types.map((type) => [type, { schema: type.startsWith('text/') ? text : binary }])),
    }),
  );
}
