import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Actor, Principal } from '../principal.js';

/** The authenticated caller with the request id, for services and the audit log. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const request = context.switchToHttp().getRequest<FastifyRequest & { principal?: Principal }>();
  if (!request.principal) {
    throw new Error('CurrentActor used on a route without authentication');
  }
  return { ...request.principal, requestId: String(request.id) };
});
