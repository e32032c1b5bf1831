import type { Queryable } from '../db/database.js';
import type { Principal } from '../identity/principal.js';
import { uuidv7 } from '../ids/uuidv7.js';
import { auditLog } from './schema.js';

/** Who acts in a request: the principal and the request id, carried into every audit entry. */
export interface Actor {
  principal: Principal;
  requestId?: string | undefined;
  /** Client address (for throttling); never written to the audit log. */
  address?: string | undefined;
}

export interface AuditEntry {
  action: string;
  subjectType?: string;
  subjectId?: string;
  regionId?: string | undefined;
  /** Never personal data in the clear: ids, counts, reasons, masked values. */
  details?: Record<string, unknown>;
}

/**
 * Appends to the audit log inside the caller's transaction, so the entry exists exactly when
 * the change it describes does.
 */
export async function recordAudit(db: Queryable, actor: Actor, entry: AuditEntry): Promise<void> {
  const { principal } = actor;
  await db.insert(auditLog).values({
    id: uuidv7(),
    actorType: principal.kind,
    actorId: principal.kind === 'anonymous' ? null : principal.id,
    action: entry.action,
    subjectType: entry.subjectType ?? null,
    subjectId: entry.subjectId ?? null,
    regionId: entry.regionId ?? null,
    requestId: actor.requestId ?? null,
    details: entry.details ?? {},
  });
}
