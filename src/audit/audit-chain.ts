import { createHash } from 'node:crypto';
import { canonicalJson } from '../common/canonical-json.js';

export { canonicalJson } from '../common/canonical-json.js';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an audit event that its hash covers. */
export interface ChainedFields {
  seq: string;
  id: string;
  at: Date;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  outcome: string;
  entityType: string | null;
  entityId: string | null;
  courtId: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
}

/** hash = SHA-256(previous hash + canonical event): changing or removing any row breaks every later link. */
export function chainHash(prevHash: string, event: ChainedFields): string {
  const canonical = canonicalJson([
    event.seq,
    event.id,
    event.at.toISOString(),
    event.actorId,
    event.actorRole,
    event.action,
    event.outcome,
    event.entityType,
    event.entityId,
    event.courtId,
    event.requestId,
    event.details,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}
