import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ProblemDto } from './problem.dto.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** What each problem answer means when an operation does not say more. */
const MEANING = {
  400: 'Invalid input; `errors` names each field',
  401: 'Not authenticated',
  403: 'Your role may not do this',
  404: 'No such record, or it is outside your court or agency',
  409: 'Conflicts with the current state of the record',
  412: 'If-Match does not match the current version',
  413: 'Too large',
  415: 'Unsupported file or content type',
  429: 'Too many requests; see Retry-After',
  503: 'A backing service does not answer',
} as const;

export type ProblemStatus = keyof typeof MEANING;

/**
 * The problem+json answers an operation can give, each status once:
 * `@ApiProblems(400, 404, [409, 'The child already has an open episode'])`.
 * 401 and 403 come from `@Access` already.
 */
export function ApiProblems(...answers: Array<ProblemStatus | [ProblemStatus, string]>): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemDto),
    ...answers.map((answer) => {
      const [status, description] = Array.isArray(answer) ? answer : [answer, MEANING[answer]];
      return ApiResponse({ status, description, content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDto) } } } });
    }),
  );
}
