import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import { getQueueToken } from '@nestjs/bullmq';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AuditService } from '../audit/audit.service.js';
import type { Principal } from '../auth/principal.js';
import { TokenService } from '../auth/token.service.js';
import { sendProblem } from '../common/errors/problem.filter.js';
import { Forbidden, Unauthenticated } from '../common/errors/domain-error.js';
import { toProblem } from '../common/errors/problem.js';
import { ALL_QUEUES } from './queues.js';

export const DASHBOARD_PATH = '/admin/queues';
export const DASHBOARD_COOKIE = 'cmfc_dashboard';

/** The access token from `Authorization: Bearer` or, for a browser, the dashboard cookie. */
function tokenOf(request: FastifyRequest): string | null {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  if (bearer) return bearer[1];
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === DASHBOARD_COOKIE) return decodeURIComponent(value.join('='));
  }
  return null;
}

/**
 * The BullMQ dashboard (bull-board) at /admin/queues, for ADMIN only and
 * behind the same tokens as the API: a Bearer header, or the HttpOnly cookie
 * that `POST /api/v1/auth/dashboard-session` sets for a browser.
 */
export async function mountQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const tokens = app.get(TokenService);
  const audit = app.get(AuditService);
  const board = new BullBoardFastifyAdapter();
  board.setBasePath(DASHBOARD_PATH);
  createBullBoard({
    queues: ALL_QUEUES.map((name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name), { strict: false }), { readOnlyMode: false })),
    serverAdapter: board,
    options: { uiConfig: { boardTitle: 'cmfc-court queues' } },
  });
  await app.register(async (instance: FastifyInstance) => {
    instance.addHook('onRequest', async (request: FastifyRequest & { principal?: Principal }, reply: FastifyReply) => {
      try {
        const token = tokenOf(request);
        if (!token) throw new Unauthenticated();
        request.principal = await tokens.verify(token);
        if (request.principal.role !== 'ADMIN') throw new Forbidden('Only ADMIN may see the queues.');
      } catch (error) {
        const problem = toProblem(error);
        await audit.recordDenied(request, problem.status === 401 ? 'unauthenticated' : 'forbidden').catch(() => undefined);
        sendProblem(request, reply, problem);
        return reply;
      }
    });
    await instance.register(board.registerPlugin(), { prefix: DASHBOARD_PATH });
  });
}
