import type { FastifyRequest } from 'fastify';
import type { Principal } from '../principal.js';

/** The injection token of what audits refused requests (the audit log provides it: AuditModule). */
export const DENIAL_AUDIT = Symbol('DENIAL_AUDIT');

/** 401, 403, and a 404 answered to a change (POST, PUT, PATCH, DELETE). */
export type DenialReason = 'unauthenticated' | 'forbidden' | 'not_found';

export interface DenialAudit {
  recordDenied(request: FastifyRequest & { principal?: Principal }, reason: DenialReason): Promise<void>;
}
