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

/**
 * The BullMQ dashboard (bull-board) at /admin/queues, for ADMIN only and behind the same
 * credentials as the API: in a browser the session cookie of `POST /api/v1/auth/session`
 * (the dashboard's own scripts cannot send the CSRF header, so their changes must come from
 * this origin), or a Bearer header.
 */
export async function mountQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const authenticator = app.get(Authenticator);
  const audit = app.get(AuditService);
  const config = app.get<AppConfig>(APP_CONFIG);
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
        request.principal = await authenticator.authenticate(request, { sameOriginSuffices: true });
        if (request.principal.role !== 'ADMIN') throw new Forbidden('Only ADMIN may see the queues.');
        if (needsMfaEnrolment(request.principal, config)) throw new Forbidden('Enrol TOTP first.', 'MfaEnrolmentRequired');
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
