import type { DbOrTx } from "@/db/client";
import { auditEvents } from "@/db/schema";

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
export function writeAudit(tx: DbOrTx, event: AuditInput): void {
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

/** The audit actor for a signed-in user: their id, and their name as it was when they made the change. */
export function auditActorOf(user: { id: number; name: string }): AuditActor {
  return { id: user.id, label: user.name };
}
