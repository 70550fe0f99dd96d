import { and, eq, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { applications, decisions, rounds, type Decision, type DecisionOutcome } from "@/db/schema";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { DomainError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation/errors";
import { formatKronor } from "@/lib/format/amount";
import { decisionSchema } from "./schema";

/*
 * The decision core. Every caller (the decision form, the imports, the CLI) goes through recordDecision inside
 * inWriteTransaction (./transaction.ts), so the budget sum it reads cannot change before its write commits.
 */

export type RecordDecisionInput = {
  applicationId: number;
  outcome: DecisionOutcome;
  grantedAmount: number;
  motivation: string;
  decidedOn: string; // YYYY-MM-DD
  /**
   * The version of the decision the caller saw: undefined when the caller believes there is none yet (creating),
   * the decision's version when changing it. Anything else means someone else decided meanwhile.
   */
  expectedVersion?: number;
  /** Why a decision is changed (the decision form asks for it); kept in the audit event, not on the decision. */
  reason?: string;
};

export type RecordDecisionOptions = {
  /** Allow (re)deciding in a round whose status is "decided": the import of a past round. */
  allowDecidedRound?: boolean;
};

export type RecordDecisionResult = {
  decision: Decision;
  created: boolean;
  /** The application's new version (it is bumped with every decision change). */
  applicationVersion: number;
};

export const STALE_DECISION_MESSAGE =
  "Någon annan har beslutat om ansökan under tiden. Ladda om sidan, se det nya beslutet och försök igen.";

/**
 * Creates or replaces the decision on an application, keeps the application's status in step, checks the round's
 * budget and writes the audit event. Throws DomainError (with fieldErrors where it belongs to a field, code "stale"
 * for a version conflict) and writes nothing when refused; the caller's transaction rolls back.
 */
export function recordDecision(
  tx: DbOrTx,
  input: RecordDecisionInput,
  actor: AuditActor,
  options: RecordDecisionOptions = {},
): RecordDecisionResult {
  assertInTransaction(tx, "recordDecision");
  const parsed = decisionSchema.safeParse({
    outcome: input.outcome,
    grantedAmount: input.grantedAmount,
    motivation: input.motivation,
    decidedOn: input.decidedOn,
  });
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    const first = Object.values(fieldErrors).flat()[0];
    throw new DomainError(first ?? "Kontrollera beslutet.", fieldErrors, "invalid");
  }
  const fields = parsed.data;

  const application = loadApplication(tx, input.applicationId);
  assertRoundAcceptsDecisions(application.roundStatus, options);

  const existing = tx.select().from(decisions).where(eq(decisions.applicationId, application.id)).get();
  assertVersion(existing, input.expectedVersion);

  if (fields.outcome === "approved") {
    const others = grantedInRound(tx, application.roundId, application.id);
    const previous = existing?.outcome === "approved" ? existing.grantedAmount : 0;
    // A reduction never makes the round's position worse, so it is allowed even in a round already over budget
    // (one whose budget was lowered after the decisions).
    if (others + fields.grantedAmount > application.budget && fields.grantedAmount > previous) {
      const remaining = Math.max(0, application.budget - others);
      const message = `Beloppet överstiger det som finns kvar av omgångens budget: ${formatKronor(remaining)} återstår.`;
      throw new DomainError(message, { grantedAmount: [message] }, "budget");
    }
  }

  const now = new Date();
  const values = {
    outcome: fields.outcome,
    grantedAmount: fields.grantedAmount,
    motivation: fields.motivation,
    decidedOn: fields.decidedOn,
    decidedBy: actor.id,
    updatedAt: now,
  };
  const decision = existing
    ? tx
        .update(decisions)
        .set({ ...values, version: sql`${decisions.version} + 1` })
        .where(and(eq(decisions.id, existing.id), eq(decisions.version, existing.version)))
        .returning()
        .get()
    : tx
        .insert(decisions)
        .values({ ...values, applicationId: application.id, roundId: application.roundId, createdAt: now })
        .returning()
        .get();
  if (!decision) throw new DomainError(STALE_DECISION_MESSAGE, undefined, "stale");

  const updated = tx
    .update(applications)
    .set({ status: fields.outcome, version: sql`${applications.version} + 1`, updatedAt: now })
    .where(eq(applications.id, application.id))
    .returning({ version: applications.version })
    .get();

  const reason = input.reason?.trim();
  writeAudit(tx, {
    actor,
    action: existing ? "decision.update" : "decision.create",
    entityType: "decision",
    // A decision is audited under its application's id: there is one per application, and a withdrawn and re-made
    // decision is a new row, so the application's id is what keeps its whole decision history together.
    entityId: decision.applicationId,
    before: existing ?? null,
    after: reason ? { ...decision, reason } : decision,
    at: now,
  });

  return { decision, created: !existing, applicationVersion: updated?.version ?? application.version + 1 };
}

/**
 * Takes a decision back (a mistake, an appeal): deletes it, sets the application back to "received" and writes
 * "decision.withdraw" with the removed decision and the reason.
 */
export function withdrawDecision(
  tx: DbOrTx,
  applicationId: number,
  reason: string,
  actor: AuditActor,
  expectedVersion: number,
  options: RecordDecisionOptions = {},
): { applicationVersion: number } {
  assertInTransaction(tx, "withdrawDecision");
  const trimmed = reason.trim();
  if (!trimmed) {
    throw new DomainError("Ange varför beslutet tas tillbaka.", { reason: ["Ange varför beslutet tas tillbaka."] }, "invalid");
  }
  const application = loadApplication(tx, applicationId);
  assertRoundAcceptsDecisions(application.roundStatus, options);
  const existing = tx.select().from(decisions).where(eq(decisions.applicationId, application.id)).get();
  if (!existing) throw new DomainError("Ansökan har inget beslut att ta tillbaka.", undefined, "stale");
  assertVersion(existing, expectedVersion);

  const now = new Date();
  tx.delete(decisions).where(eq(decisions.id, existing.id)).run();
  const updated = tx
    .update(applications)
    .set({ status: "received", version: sql`${applications.version} + 1`, updatedAt: now })
    .where(eq(applications.id, application.id))
    .returning({ version: applications.version })
    .get();
  writeAudit(tx, {
    actor,
    action: "decision.withdraw",
    entityType: "decision",
    entityId: existing.applicationId,
    before: existing,
    after: { reason: trimmed, applicationId: application.id },
    at: now,
  });
  return { applicationVersion: updated?.version ?? application.version + 1 };
}

/** Sum granted by the approved decisions of a round, optionally leaving out one application's decision. */
export function grantedInRound(tx: DbOrTx, roundId: number, exceptApplicationId?: number): number {
  const row = tx
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

function loadApplication(tx: DbOrTx, applicationId: number) {
  const application = tx
    .select({
      id: applications.id,
      roundId: applications.roundId,
      version: applications.version,
      roundStatus: rounds.status,
      budget: rounds.budget,
    })
    .from(applications)
    .innerJoin(rounds, eq(rounds.id, applications.roundId))
    .where(eq(applications.id, applicationId))
    .get();
  if (!application) throw new DomainError("Ansökan finns inte.", undefined, "not_found");
  return application;
}

function assertRoundAcceptsDecisions(status: (typeof rounds.$inferSelect)["status"], options: RecordDecisionOptions): void {
  if (status === "planned") {
    throw new DomainError("Omgången har inte öppnat ännu: beslut kan inte fattas.", undefined, "round_planned");
  }
  if (status === "decided" && !options.allowDecidedRound) {
    throw new DomainError("Omgången är redan beslutad och avslutad: besluten kan inte ändras här.", undefined, "round_decided");
  }
}

function assertVersion(existing: Decision | undefined, expectedVersion: number | undefined): void {
  const current = existing?.version;
  if (current !== expectedVersion) throw new DomainError(STALE_DECISION_MESSAGE, undefined, "stale");
}

// Without a transaction the budget read and the write are two statements another connection can slip between.
function assertInTransaction(tx: DbOrTx, name: string): void {
  if ("$client" in tx && !tx.$client.inTransaction) {
    throw new Error(`${name} must run inside a write transaction (inWriteTransaction)`);
  }
}
