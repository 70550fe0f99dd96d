import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../client";
import { auditEvents } from "../schema";

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
