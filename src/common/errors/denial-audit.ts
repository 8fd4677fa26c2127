import type { FastifyRequest } from 'fastify';
import type { Principal } from '../principal.js';

/** The injection token of what audits refused requests (the audit log provides it: AuditModule). */
export const DENIAL_AUDIT = Symbol('DENIAL_AUDIT');

export interface DenialAudit {
  recordDenied(request: FastifyRequest & { principal?: Principal }, reason: 'unauthenticated' | 'forbidden'): Promise<void>;
}
