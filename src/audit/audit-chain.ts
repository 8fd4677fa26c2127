import { createHash, createHmac } from 'node:crypto';
import { canonicalJson } from '../common/canonical-json.js';

export { canonicalJson } from '../common/canonical-json.js';

export const GENESIS_HASH = '0'.repeat(64);

/**
 * How a row's hash was made. 1: plain SHA-256 (rows written before the key
 * existed; anyone who can write the table can recompute them). 2: HMAC-SHA-256
 * keyed by AUDIT_HMAC_KEY, which never enters the database.
 */
export const CHAIN_SHA256 = 1;
export const CHAIN_HMAC = 2;
export type ChainVersion = typeof CHAIN_SHA256 | typeof CHAIN_HMAC;

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

function canonicalEvent(event: ChainedFields): string {
  return canonicalJson([
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
}

/** Version 1: SHA-256(previous hash + canonical event). Kept to verify the rows written before the HMAC. */
export function chainHash(prevHash: string, event: ChainedFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalEvent(event)).digest('hex');
}

/** Version 2: HMAC-SHA-256 under the key: without it, no one can make a row (or a rewritten history) that verifies. */
export function chainHmac(key: string, prevHash: string, event: ChainedFields): string {
  return createHmac('sha256', key).update(prevHash).update('\n').update(canonicalEvent(event)).digest('hex');
}

/** A stored row as the verifier sees it. */
export interface ChainedRow extends ChainedFields {
  chainVersion: number;
  prevHash: string;
  hash: string;
}

/** The row before the one checked: its stored hash and version (null before the first row). */
export interface ChainLink {
  seq: bigint;
  hash: string;
  chainVersion: number;
}

/**
 * Whether `row` follows `previous` in an intact chain: the next sequence
 * number, the previous row's hash as its link, its own hash recomputed, and
 * no SHA-256 row after an HMAC row (history cannot be rewritten by
 * downgrading it to the keyless version). Checking every row against its
 * predecessor this way is checking the whole chain, so it can be done a
 * range at a time.
 */
export function linkHolds(key: string, previous: ChainLink | null, row: ChainedRow): boolean {
  const expectedSeq = previous ? previous.seq + 1n : 1n;
  const prevHash = previous ? previous.hash : GENESIS_HASH;
  if (BigInt(row.seq) !== expectedSeq || row.prevHash !== prevHash) return false;
  if (row.chainVersion === CHAIN_HMAC) return row.hash === chainHmac(key, prevHash, row);
  if (row.chainVersion === CHAIN_SHA256) return previous?.chainVersion !== CHAIN_HMAC && row.hash === chainHash(prevHash, row);
  return false;
}
