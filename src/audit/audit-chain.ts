import { createHash } from 'node:crypto';

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

/**
 * JSON with object keys sorted at every level, so the same event always hashes
 * the same way whatever order its details were built in (or jsonb stored them).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
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
