import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db, DbOrTx } from "../client";
import { auditEvents } from "../schema";

/** Who made a change: a signed-in user, or a named system actor (the CLI, the demo seed). */
export type AuditActor = { id: number | null; label: string };

export type AuditInput = {
  actor: AuditActor;
  action: string; // "<entity>.<verb>": "application.create", "decision.update", "round.close"
  entityType: string;
  entityId: number;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  at?: Date;
};

/**
 * Records one change. Call it with the transaction that makes the change, so the change and its trail are written
 * together or not at all.
 */
export function insertAuditEvent(tx: DbOrTx, event: AuditInput): void {
  tx.insert(auditEvents)
    .values({
      at: event.at ?? new Date(),
      actorId: event.actor.id,
      actorLabel: event.actor.label,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      before: event.before ? jsonSafe(event.before) : null,
      after: event.after ? jsonSafe(event.after) : null,
    })
    .run();
}

// Dates become ISO strings so before/after read the same when shown as history.
function jsonSafe(value: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}

/** The events recorded for one entity, oldest first (the (entity_type, entity_id, at) index). */
export function listAuditEvents(db: DbOrTx, entityType: string, entityId: number) {
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, entityType), eq(auditEvents.entityId, entityId)))
    .orderBy(asc(auditEvents.at), asc(auditEvents.id))
    .all();
}

/**
 * The history of an application: its own events and its decision's. A decision is audited under its application's
 * id (there is one decision per application, and a withdrawn and re-made decision is a new row), so both come from
 * the (entity_type, entity_id, at) index.
 */
export function listApplicationHistory(db: Db, applicationId: number) {
  return db
    .select()
    .from(auditEvents)
    .where(and(inArray(auditEvents.entityType, ["application", "decision"]), eq(auditEvents.entityId, applicationId)))
    .orderBy(asc(auditEvents.at), asc(auditEvents.id))
    .all();
}
