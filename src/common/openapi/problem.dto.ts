import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { FieldError } from '../errors/domain-error.js';
import type { Problem } from '../errors/problem.js';

export class FieldErrorDto implements FieldError {
  @ApiProperty({ example: 'child.dateOfBirth', description: 'Path of the field in the request (body, query, path or multipart field)' })
  field: string;

  @ApiProperty({ example: 'must be a real date' })
  message: string;
}

/** RFC 9457 problem details: the body of every 4xx and 5xx answer (`application/problem+json`). */
export class ProblemDto implements Problem {
  @ApiProperty({ example: 'urn:cmfc:problem:validation-failed', description: 'Stable URN of the problem kind' })
  type: string;

  @ApiProperty({ example: 'Bad Request' })
  title: string;

  @ApiProperty({ example: 400, minimum: 400, maximum: 599 })
  status: number;

  @ApiProperty({ example: 'child.dateOfBirth: must be a real date' })
  detail: string;

  @ApiProperty({ example: 'ValidationFailed', description: 'Stable PascalCase code, e.g. EpisodeAlreadyOpen, MfaRequired' })
  code: string;

  @ApiPropertyOptional({ example: '/api/v1/cases', description: 'The path that was called' })
  instance?: string;

  @ApiPropertyOptional({ description: 'The X-Request-Id of the request, for support' })
  requestId?: string;

  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'On 400s (and 413/415 uploads): each invalid field' })
  errors?: FieldErrorDto[];
}
