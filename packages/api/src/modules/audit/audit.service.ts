import type { EntityManager } from '@mikro-orm/postgresql';
import { actorOf, type Viewer } from '../auth/viewer.js';

export interface AuditEvent {
  action: string;
  customerId?: string | null;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
}

/**
 * The append-only audit log (a trigger refuses UPDATE and DELETE). Written inside the same
 * transaction as the change it records, so a change and its audit row commit or fail together.
 */
export async function writeAudit(
  em: EntityManager,
  viewer: Viewer,
  event: AuditEvent,
): Promise<void> {
  await insertAudit(em, actorOf(viewer), event);
}

/**
 * A refused attempt (failed sign-in, FORBIDDEN): the actor is whoever tried, an anonymous caller
 * included (`ANONYMOUS`, its address in the details), never "system". Written outside any
 * transaction. Rate limits bound how many a caller can cause: sign-in lockouts, per-address and
 * per-credential request limits, and at most one row per request.
 */
export async function writeRefusalAudit(
  em: EntityManager,
  viewer: Viewer,
  event: AuditEvent,
): Promise<void> {
  await insertAudit(
    em,
    viewer.kind === 'anonymous' ? { actorType: 'ANONYMOUS', actorId: null } : actorOf(viewer),
    event,
  );
}

async function insertAudit(
  em: EntityManager,
  { actorType, actorId }: { actorType: string; actorId: string | null },
  event: AuditEvent,
): Promise<void> {
  // em.execute (not em.getConnection().execute) runs on the em's transaction when there is one.
  await em.execute(
    `insert into audit_log (actor_type, actor_id, action, customer_id, target_type, target_id, details) values (?, ?, ?, ?, ?, ?, ?)`,
    [
      actorType,
      actorId,
      event.action,
      event.customerId ?? null,
      event.targetType ?? null,
      event.targetId ?? null,
      JSON.stringify(event.details ?? {}),
    ],
  );
}
