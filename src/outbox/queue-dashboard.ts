import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import { getQueueToken } from '@nestjs/bullmq';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AuditService } from '../audit/audit.service.js';
import { needsMfaEnrolment } from '../auth/auth.guard.js';
import { Authenticator } from '../auth/authenticator.service.js';
import type { Principal } from '../auth/principal.js';
import { APP_CONFIG } from '../common/config/config.module.js';
import type { AppConfig } from '../common/config/app-config.js';
import { sendProblem } from '../common/errors/problem.filter.js';
import { Forbidden } from '../common/errors/domain-error.js';
import { toProblem } from '../common/errors/problem.js';
import { ALL_QUEUES } from './queues.js';

export const DASHBOARD_PATH = '/admin/queues';

/** The only changes the dashboard may make: retrying failed jobs, one or all of a queue's. */
const RETRY_ROUTES = new Set([
  `${DASHBOARD_PATH}/api/queues/:queueName/:jobId/retry`,
  `${DASHBOARD_PATH}/api/queues/:queueName/retry/:queueStatus`,
]);

/** `retrying`: the hook let a retry through, so its answer is audited. */
type DashboardRequest = FastifyRequest & { principal?: Principal; retrying?: boolean };

/**
 * The BullMQ dashboard (bull-board) at /admin/queues, for ADMIN only and behind the same
 * credentials as the API: in a browser the session cookie of `POST /api/v1/auth/session`
 * (the dashboard's own scripts cannot send the CSRF header, so their changes must come from
 * this origin), or a Bearer header. Read-only but for retrying failed jobs (adding, cleaning,
 * emptying, pausing, promoting or editing jobs is a 403); every retry is audited.
 */
export async function mountQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const authenticator = app.get(Authenticator);
  const audit = app.get(AuditService);
  const config = app.get<AppConfig>(APP_CONFIG);
  const board = new BullBoardFastifyAdapter();
  board.setBasePath(DASHBOARD_PATH);
  const queues = new Map(ALL_QUEUES.map((name) => [name as string, app.get<Queue>(getQueueToken(name), { strict: false })]));
  createBullBoard({
    queues: [...queues.values()].map(
      (queue) =>
        // Not bull-board's readOnlyMode: that refuses retries too. The hook below allows nothing else.
        new BullMQAdapter(queue, { readOnlyMode: false, allowRetries: true }),
    ),
    serverAdapter: board,
    options: { uiConfig: { boardTitle: 'cmfc-court queues' } },
  });
  await app.register(async (instance: FastifyInstance) => {
    instance.addHook('onRequest', async (request: DashboardRequest, reply: FastifyReply) => {
      try {
        request.principal = await authenticator.authenticate(request, { sameOriginSuffices: true });
        if (request.principal.role !== 'ADMIN') throw new Forbidden('Only ADMIN may see the queues.');
        if (needsMfaEnrolment(request.principal, config)) throw new Forbidden('Enrol TOTP first.', 'MfaEnrolmentRequired');
        if (isChange(request)) {
          if (!(await isFailedRetry(request, queues))) {
            throw new Forbidden('The queue dashboard is read-only: it may only retry failed jobs.', 'QueueDashboardReadOnly');
          }
          request.retrying = true;
        }
      } catch (error) {
        const problem = toProblem(error);
        await audit.recordDenied(request, problem.status === 401 ? 'unauthenticated' : 'forbidden').catch(() => undefined);
        sendProblem(request, reply, problem);
        return reply;
      }
    });
    // A retry is audited with its outcome before it is answered.
    instance.addHook('onSend', async (request: DashboardRequest, reply: FastifyReply, payload: unknown) => {
      if (request.principal && request.retrying) {
        const params = request.params as { queueName?: string; jobId?: string; queueStatus?: string };
        await audit.recordNow(
          { ...request.principal, requestId: String(request.id) },
          {
            action: 'queue_retry',
            outcome: reply.statusCode < 400 ? 'success' : 'failed',
            entityType: 'queue',
            details: {
              queue: params.queueName ?? null,
              jobId: params.jobId ?? null,
              status: params.queueStatus ?? null,
              answer: reply.statusCode,
            },
          },
        );
      }
      return payload;
    });
    await instance.register(board.registerPlugin(), { prefix: DASHBOARD_PATH });
  });
}

function isChange(request: FastifyRequest): boolean {
  return request.method !== 'GET' && request.method !== 'HEAD';
}

/** PUT of one of the retry routes, of failed jobs only (retrying a completed job would do its work again). */
async function isFailedRetry(request: FastifyRequest, queues: Map<string, Queue>): Promise<boolean> {
  if (request.method !== 'PUT' || !RETRY_ROUTES.has(request.routeOptions?.url ?? '')) return false;
  const { queueName, jobId, queueStatus } = request.params as { queueName: string; jobId?: string; queueStatus?: string };
  if (jobId === undefined) return queueStatus === 'failed';
  const queue = queues.get(queueName);
  // An unknown queue or job is bull-board's own 404.
  if (!queue) return true;
  const state = await queue.getJobState(jobId);
  return state === 'failed' || state === 'unknown';
}
