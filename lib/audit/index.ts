import type { DbOrTx } from "@/db/client";
import { insertAuditEvent, type AuditActor, type AuditInput } from "@/db/queries/audit";

export type { AuditActor, AuditInput };

/**
 * Records one change (db/queries/audit.ts writes the row). Call it with the transaction that makes the change, so
 * the change and its trail are written together or not at all.
 */
export function writeAudit(tx: DbOrTx, event: AuditInput): void {
  insertAuditEvent(tx, event);
}

/** The audit actor for a signed-in user: their id, and their name as it was when they made the change. */
export function auditActorOf(user: { id: number; name: string }): AuditActor {
  return { id: user.id, label: user.name };
}
