import { and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { applications, auditEvents, decisions, organisations, rounds, type Decision } from "../schema";
import type { DecisionOutcome, RoundStatus } from "@/lib/enums";
import type { ApplicationScope } from "@/lib/auth/permissions";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { applicationInScope } from "./scope";

/*
 * Every table access of decisions: the budget sum, the rows a decision is checked against, the decision's writes
 * with their audit events, and the scoped reads. The rules (what may be decided, the budget rule, the messages) are
 * in lib/decisions/; these functions do what they are told, inside the caller's transaction.
 */

/** Sum granted by the approved decisions of a round, optionally leaving out one application's decision. */
export function grantedInRound(db: DbOrTx, roundId: number, exceptApplicationId?: number): number {
  const row = db
    .select({ total: sql<number>`coalesce(sum(${decisions.grantedAmount}), 0)` })
    .from(decisions)
    .where(
      and(
        eq(decisions.roundId, roundId),
        eq(decisions.outcome, "approved"),
        exceptApplicationId === undefined ? undefined : ne(decisions.applicationId, exceptApplicationId),
      ),
    )
    .get();
  return Number(row?.total ?? 0);
}

export type DecisionTarget = {
  id: number;
  roundId: number;
  version: number;
  requestedAmount: number;
  roundStatus: RoundStatus;
  budget: number;
};

/**
 * The application a decision is about, with what the rules check (its round's status and budget, the requested
 * amount), or null when it does not exist or is outside the scope.
 */
export function getDecisionTarget(db: DbOrTx, applicationId: number, scope: ApplicationScope): DecisionTarget | null {
  return (
    db
      .select({
        id: applications.id,
        roundId: applications.roundId,
        version: applications.version,
        requestedAmount: applications.requestedAmount,
        roundStatus: rounds.status,
        budget: rounds.budget,
      })
      .from(applications)
      .innerJoin(rounds, eq(rounds.id, applications.roundId))
      .where(and(eq(applications.id, applicationId), applicationInScope(scope)))
      .get() ?? null
  );
}

/** The decision on an application, if it has one. */
export function getDecision(db: DbOrTx, applicationId: number): Decision | null {
  return db.select().from(decisions).where(eq(decisions.applicationId, applicationId)).get() ?? null;
}

/** A round's budget and status, or null. */
export function getRoundBudget(db: DbOrTx, roundId: number): { budget: number; status: RoundStatus } | null {
  return db.select({ budget: rounds.budget, status: rounds.status }).from(rounds).where(eq(rounds.id, roundId)).get() ?? null;
}

export type DecisionValues = {
  outcome: DecisionOutcome;
  grantedAmount: number;
  motivation: string;
  decidedOn: string;
};

export type DecisionWrite = {
  target: Pick<DecisionTarget, "id" | "roundId">;
  /** The decision being replaced, as read in this transaction; null when creating. */
  existing: Decision | null;
  values: DecisionValues;
  actor: AuditActor;
  /** Notes kept on the audit event beside the decision (the reason for a change, an amount over the request). */
  note?: Record<string, unknown>;
  at?: Date;
};

/**
 * Writes a decision (insert, or update of `existing` at its version), sets the application's status and version,
 * and writes "decision.create" / "decision.update" in the same transaction. Returns null when `existing` was
 * changed by someone else after it was read (nothing is written then).
 */
export function saveDecision(tx: DbOrTx, write: DecisionWrite): { decision: Decision; applicationVersion: number } | null {
  const { target, existing, values, actor } = write;
  const now = write.at ?? new Date();
  const row = { ...values, decidedBy: actor.id, updatedAt: now };
  const decision = existing
    ? tx
        .update(decisions)
        .set({ ...row, version: sql`${decisions.version} + 1` })
        .where(and(eq(decisions.id, existing.id), eq(decisions.version, existing.version)))
        .returning()
        .get()
    : tx
        .insert(decisions)
        .values({ ...row, applicationId: target.id, roundId: target.roundId, createdAt: now })
        .returning()
        .get();
  if (!decision) return null;
  const applicationVersion = setApplicationStatus(tx, target.id, values.outcome, now);
  writeAudit(tx, {
    actor,
    action: existing ? "decision.update" : "decision.create",
    entityType: "decision",
    // A decision is audited under its application's id: there is one per application, and a withdrawn and re-made
    // decision is a new row, so the application's id is what keeps its whole decision history together.
    entityId: decision.applicationId,
    before: existing,
    after: write.note ? { ...decision, ...write.note } : decision,
    at: now,
  });
  return { decision, applicationVersion };
}

/** Deletes a decision, sets its application back to "received" and writes "decision.withdraw" with the reason. */
export function deleteDecision(tx: DbOrTx, existing: Decision, reason: string, actor: AuditActor, at = new Date()): number {
  tx.delete(decisions).where(and(eq(decisions.id, existing.id), eq(decisions.version, existing.version))).run();
  const applicationVersion = setApplicationStatus(tx, existing.applicationId, "received", at);
  writeAudit(tx, {
    actor,
    action: "decision.withdraw",
    entityType: "decision",
    entityId: existing.applicationId,
    before: existing,
    after: { reason, applicationId: existing.applicationId },
    at,
  });
  return applicationVersion;
}

function setApplicationStatus(tx: DbOrTx, applicationId: number, status: "received" | DecisionOutcome, at: Date): number {
  const updated = tx
    .update(applications)
    .set({ status, version: sql`${applications.version} + 1`, updatedAt: at })
    .where(eq(applications.id, applicationId))
    .returning({ version: applications.version })
    .get();
  return updated?.version ?? 0;
}

export type MeetingApplication = {
  id: number;
  registrationNumber: string;
  organisationName: string;
  projectTitle: string;
  requestedAmount: number;
  decision: { outcome: DecisionOutcome; grantedAmount: number; version: number; motivation: string; decidedOn: string } | null;
};

/**
 * The round's applications with their decisions, in registration-number order, in one query on the
 * (round_id, registration_number) index. `limit` caps what a page renders. Only staff with decision:write reach the
 * meeting, but the scope is still the caller's to give.
 */
export function listMeetingApplications(db: DbOrTx, roundId: number, scope: ApplicationScope, limit?: number): MeetingApplication[] {
  const query = db
    .select({
      id: applications.id,
      registrationNumber: applications.registrationNumber,
      organisationName: organisations.name,
      projectTitle: applications.projectTitle,
      requestedAmount: applications.requestedAmount,
      decisionOutcome: decisions.outcome,
      decisionGranted: decisions.grantedAmount,
      decisionVersion: decisions.version,
      decisionMotivation: decisions.motivation,
      decisionDecidedOn: decisions.decidedOn,
    })
    .from(applications)
    .innerJoin(organisations, eq(organisations.id, applications.leadOrganisationId))
    .leftJoin(decisions, eq(decisions.applicationId, applications.id))
    .where(and(eq(applications.roundId, roundId), applicationInScope(scope)))
    .orderBy(asc(applications.registrationNumber));
  const rows = limit === undefined ? query.all() : query.limit(limit).all();
  return rows.map(({ decisionOutcome, decisionGranted, decisionVersion, decisionMotivation, decisionDecidedOn, ...row }) => ({
    ...row,
    decision:
      decisionOutcome !== null && decisionGranted !== null && decisionVersion !== null
        ? {
            outcome: decisionOutcome,
            grantedAmount: decisionGranted,
            version: decisionVersion,
            motivation: decisionMotivation ?? "",
            decidedOn: decisionDecidedOn ?? "",
          }
        : null,
  }));
}

/**
 * The decision the current one replaced: the date of the decision before the last change or withdrawal, from the
 * audit trail (the (entity_type, entity_id, at) index), or null when the decision is the first one.
 */
export function getReplacedDecisionDate(db: DbOrTx, applicationId: number): string | null {
  const event = db
    .select({ before: auditEvents.before })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.entityType, "decision"),
        eq(auditEvents.entityId, applicationId),
        inArray(auditEvents.action, ["decision.update", "decision.withdraw"]),
      ),
    )
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(1)
    .get();
  const decidedOn = event?.before?.decidedOn;
  return typeof decidedOn === "string" ? decidedOn : null;
}
