import { asc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { applications, auditEvents, decisions, programmes, rounds, type RoundStatus } from "../schema";

/*
 * Rows written and read the plain way, for tests of decisions, imports and exports: db/ is the only place that
 * touches tables, test data included.
 */

export function insertTestProgramme(db: Db, fields: { name?: string; code?: string } = {}): number {
  return db
    .insert(programmes)
    .values({
      name: fields.name ?? "Program för Hållbar jämställdhet",
      code: fields.code ?? "HJ",
      funder: "regeringen",
      allocation: 225_000_000,
    })
    .returning({ id: programmes.id })
    .get().id;
}

export function insertTestRound(
  db: Db,
  fields: { programmeId: number; ordinal?: number; budget: number; status?: RoundStatus; year?: number },
): number {
  return db
    .insert(rounds)
    .values({
      programmeId: fields.programmeId,
      ordinal: fields.ordinal ?? 1,
      year: fields.year ?? 2026,
      budget: fields.budget,
      status: fields.status ?? "open",
    })
    .returning({ id: rounds.id })
    .get().id;
}

export function readTestApplication(db: Db, id: number) {
  return db.select().from(applications).where(eq(applications.id, id)).get();
}

/** Every decision, by application. */
export function readTestDecisions(db: Db) {
  return db.select().from(decisions).orderBy(asc(decisions.applicationId)).all();
}

export function readTestDecision(db: Db, applicationId: number) {
  return db.select().from(decisions).where(eq(decisions.applicationId, applicationId)).get();
}

/** Audit events in the order written, optionally of one action ("decision.update") or entity type ("decision"). */
export function readTestAuditEvents(db: Db, filter: { action?: string; entityType?: string } = {}) {
  return db
    .select()
    .from(auditEvents)
    .orderBy(asc(auditEvents.id))
    .all()
    .filter((e) => (filter.action === undefined || e.action === filter.action) && (filter.entityType === undefined || e.entityType === filter.entityType));
}
