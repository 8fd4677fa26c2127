import type { Actor } from '../common/principal.js';
import { NotFound } from '../common/errors/domain-error.js';
import type { AuditService } from './audit.service.js';

/** What a read is of, as the audit row names it; `notFound` names the thing in the 404. */
export interface AuditedReadTarget {
  entityType: string;
  entityId: string;
  notFound: string;
  details?: Record<string, unknown>;
}

/**
 * The one way a record is read for a caller: `load` answers it (scoped to
 * the caller inside its query) or null. A miss is audited as `not_found` and
 * answers 404; a hit is audited as a read with the record's court (and any
 * details `seen` adds), and the record is answered once its row is stored.
 */
export async function auditedRead<T>(
  audit: AuditService,
  actor: Actor,
  target: AuditedReadTarget,
  load: () => Promise<T | null>,
  seen: (record: T) => { courtId: string | null; details?: Record<string, unknown> },
): Promise<T> {
  const { entityType, entityId, details } = target;
  const record = await load();
  if (record === null) {
    await audit.recordNow(actor, { action: 'read', outcome: 'not_found', entityType, entityId, ...(details ? { details } : {}) });
    throw new NotFound(target.notFound);
  }
  const found = seen(record);
  const merged = details || found.details ? { ...details, ...found.details } : undefined;
  await audit.recordNow(actor, { action: 'read', entityType, entityId, courtId: found.courtId, ...(merged ? { details: merged } : {}) });
  return record;
}
