import { Catch, HttpStatus, Inject, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../principal.js';
import { DENIAL_AUDIT, type DenialAudit, type DenialReason } from './denial-audit.js';
import { RateLimited, Unavailable } from './domain-error.js';
import { methodNotAllowed, toProblem, type Problem } from './problem.js';

/**
 * The one place errors become HTTP answers: application/problem+json with the
 * request id. Refused requests (401, 403, a 404 of a change) are written to the audit log.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(@Inject(DENIAL_AUDIT) private readonly audit: DenialAudit) {}

  async catch(error: unknown, host: ArgumentsHost): Promise<void> {
    if (host.getType() !== 'http') throw error;
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest & { principal?: Principal }>();
    const reply = http.getResponse<FastifyReply>();
    let problem = toProblem(error);
    if (problem.code === 'NoSuchRoute') {
      const allowed = request.server.allowedMethods?.(request.url.split('?')[0]) ?? [];
      // A route of the method that still found nothing (a client-route wildcard handing a service path on) stays a 404.
      if (allowed.length > 0 && !allowed.includes(request.method)) {
        problem = methodNotAllowed(request.method, allowed);
        void reply.header('allow', allowed.join(', '));
      }
    }
    if (problem.status >= 500) {
      this.logger.error({ err: error, requestId: request.id }, 'request failed');
    }
    const reason = denialReason(request, problem.status);
    if (reason) {
      await this.audit
        .recordDenied(request, reason)
        .catch((auditError: unknown) => this.logger.error({ err: auditError }, 'could not audit a refused request'));
    }
    if (error instanceof RateLimited || error instanceof Unavailable) void reply.header('retry-after', String(error.retryAfterSeconds));
    sendProblem(request, reply, problem);
  }
}

/** Which answers are audited as refusals: 401, 403, and a 404 of a change to a record (a route that exists). */
function denialReason(request: FastifyRequest & { principal?: Principal }, status: number): DenialReason | null {
  if (status === HttpStatus.UNAUTHORIZED) return 'unauthenticated';
  if (status === HttpStatus.FORBIDDEN) return 'forbidden';
  const change = request.method !== 'GET' && request.method !== 'HEAD' && request.method !== 'OPTIONS';
  if (status === HttpStatus.NOT_FOUND && change && request.principal && request.routeOptions?.url) return 'not_found';
  return null;
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, problem: Problem): void {
  if (reply.sent) return;
  const path = request.url.split('?')[0];
  const body: Problem = { ...problem, instance: path.length > 512 ? `${path.slice(0, 512)}…` : path, requestId: String(request.id) };
  void reply.status(problem.status).header('content-type', 'application/problem+json; charset=utf-8').send(body);
}
