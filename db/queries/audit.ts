import { and, asc, desc, eq, gte, inArray, like, lt, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../client";
import { auditEvents, users } from "../schema";

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

export type AuditTrailFilter = {
  actorId?: number;
  /** "decision" matches decision.create, decision.update, …; "decision.update" only that action. */
  action?: string;
  entityType?: string;
  entityId?: number;
  /** Events at or after this moment, and before `to`. */
  from?: Date;
  to?: Date;
};

function trailWhere(filter: AuditTrailFilter) {
  return and(
    filter.actorId !== undefined ? eq(auditEvents.actorId, filter.actorId) : undefined,
    filter.action ? (filter.action.includes(".") ? eq(auditEvents.action, filter.action) : like(auditEvents.action, `${filter.action.replace(/[%_\\]/g, "")}.%`)) : undefined,
    filter.entityType ? eq(auditEvents.entityType, filter.entityType) : undefined,
    filter.entityId !== undefined ? eq(auditEvents.entityId, filter.entityId) : undefined,
    filter.from ? gte(auditEvents.at, filter.from) : undefined,
    filter.to ? lt(auditEvents.at, filter.to) : undefined,
  );
}

/**
 * The audit trail across the app, newest first, one bounded page. Events are written in time order, so the newest
 * come first by id (the primary key) and a page never sorts the table; the entity and actor filters use their
 * indexes.
 */
export function listAuditTrail(db: DbOrTx, filter: AuditTrailFilter, page: number, pageSize: number) {
  const where = trailWhere(filter);
  const rows = db
    .select()
    .from(auditEvents)
    .where(where)
    .orderBy(desc(auditEvents.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all();
  const total = db.select({ n: sql<number>`count(*)` }).from(auditEvents).where(where).get()?.n ?? 0;
  return { rows, total };
}

/** The same events for the CSV export, newest first, at most `limit` (the export says when it was cut). */
export function listAuditTrailForExport(db: DbOrTx, filter: AuditTrailFilter, limit: number) {
  return db.select().from(auditEvents).where(trailWhere(filter)).orderBy(desc(auditEvents.id)).limit(limit).all();
}

/** What the audit trail records changes of (the entity_type of its events). */
export const AUDITED_ENTITY_TYPES = ["application", "decision", "round", "programme", "organisation", "user", "release", "press_template"] as const;

/** The people who can appear in the trail as its "who", for the filter (Swedish order, bounded). */
export function listAuditActors(db: DbOrTx, limit = 1000): { id: number; name: string }[] {
  return db.select({ id: users.id, name: users.name }).from(users).orderBy(asc(users.sortName)).limit(limit).all();
}
