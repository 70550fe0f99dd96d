import type { Db, DbOrTx } from "@/db/client";
import {
  deleteDecision,
  getDecision,
  getDecisionTarget,
  grantedInRound as grantedInRoundQuery,
  saveDecision,
  type DecisionTarget,
} from "@/db/queries/decisions";
import type { Decision } from "@/db/schema";
import { inWriteTransaction } from "@/db/transaction";
import type { AuditActor } from "@/lib/audit";
import type { ApplicationScope } from "@/lib/auth/permissions";
import type { DecisionOutcome } from "@/lib/enums";
import { DomainError } from "@/lib/errors";
import { formatKronor } from "@/lib/format/amount";
import { refreshReleaseFacts } from "@/lib/press/stale";
import { fieldErrorsOf } from "@/lib/validation/errors";
import { CONFIRM_OVER_REQUEST, decisionSchema, exceedsRequest, importedDecisionSchema } from "./schema";

/*
 * The decision core. Every caller (the decision form, the meeting, the imports, the CLI) goes through recordDecision
 * inside inWriteTransaction (BEGIN IMMEDIATE), so the budget sum it reads cannot change before its write commits.
 * The single-decision write functions below own that transaction; the meeting and the imports open one for many.
 * Each of those transactions ends with refreshReleaseFacts (lib/press/stale.ts): a press release written from the
 * round's decisions is marked stale in the same transaction as the change that made it so.
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
  /** The officer confirmed granting more than was requested. */
  confirmOverRequest?: boolean;
};

export type RecordDecisionOptions = {
  /** Allow (re)deciding in a round whose status is "decided": the import of a past round. */
  allowDecidedRound?: boolean;
  /**
   * A past decision loaded by import: it may come without a motivation (it was motivated elsewhere) and may grant
   * more than was requested without a confirmation (the file is the record). Both are still audited.
   */
  imported?: boolean;
  /** Whose applications may be decided on: another organisation's application is "not found". Defaults to all. */
  scope?: ApplicationScope;
};

export type RecordDecisionResult = {
  decision: Decision;
  created: boolean;
  /** The application's new version (it is bumped with every decision change). */
  applicationVersion: number;
};

export const STALE_DECISION_MESSAGE =
  "Någon annan har beslutat om ansökan under tiden. Ladda om sidan, se det nya beslutet och försök igen.";
export const NOT_FOUND_MESSAGE = "Ansökan finns inte.";

/** Sum granted by the approved decisions of a round, optionally leaving out one application's decision. */
export function grantedInRound(db: DbOrTx, roundId: number, exceptApplicationId?: number): number {
  return grantedInRoundQuery(db, roundId, exceptApplicationId);
}

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
  const schema = options.imported ? importedDecisionSchema : decisionSchema;
  const parsed = schema.safeParse({
    outcome: input.outcome,
    grantedAmount: input.grantedAmount,
    motivation: input.motivation,
    decidedOn: input.decidedOn,
    confirmOverRequest: input.confirmOverRequest,
  });
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    const first = Object.values(fieldErrors).flat()[0];
    throw new DomainError(first ?? "Kontrollera beslutet.", fieldErrors, "invalid");
  }
  const fields = parsed.data;

  const target = loadTarget(tx, input.applicationId, options);
  assertRoundAcceptsDecisions(target.roundStatus, options);

  const existing = getDecision(tx, target.id);
  assertVersion(existing, input.expectedVersion);

  const over = exceedsRequest(fields, target.requestedAmount);
  if (over && !fields.confirmOverRequest && !options.imported) {
    throw new DomainError(CONFIRM_OVER_REQUEST, { confirmOverRequest: [CONFIRM_OVER_REQUEST] }, "over_request");
  }

  if (fields.outcome === "approved") {
    const others = grantedInRoundQuery(tx, target.roundId, target.id);
    const previous = existing?.outcome === "approved" ? existing.grantedAmount : 0;
    // A reduction never makes the round's position worse, so it is allowed even in a round already over budget
    // (one whose budget was lowered after the decisions).
    if (others + fields.grantedAmount > target.budget && fields.grantedAmount > previous) {
      const remaining = Math.max(0, target.budget - others);
      const message = `Beloppet överstiger det som finns kvar av omgångens budget: ${formatKronor(remaining)} återstår.`;
      throw new DomainError(message, { grantedAmount: [message] }, "budget");
    }
  }

  const reason = input.reason?.trim();
  const note: Record<string, unknown> = {};
  if (reason) note.reason = reason;
  // The history says that more than was requested was granted, and by how much.
  if (over) note.exceedsRequestBy = fields.grantedAmount - target.requestedAmount;

  const saved = saveDecision(tx, {
    target,
    existing,
    values: { outcome: fields.outcome, grantedAmount: fields.grantedAmount, motivation: fields.motivation, decidedOn: fields.decidedOn },
    actor,
    note: Object.keys(note).length > 0 ? note : undefined,
  });
  if (!saved) throw new DomainError(STALE_DECISION_MESSAGE, undefined, "stale");
  return { decision: saved.decision, created: !existing, applicationVersion: saved.applicationVersion };
}

/**
 * Takes a decision back (a mistake, an appeal) inside the caller's transaction: deletes it, sets the application
 * back to "received" and writes "decision.withdraw" with the removed decision and the reason.
 */
export function withdrawDecision(
  tx: DbOrTx,
  applicationId: number,
  reason: string,
  actor: AuditActor,
  expectedVersion: number,
  options: RecordDecisionOptions = {},
): { applicationVersion: number; roundId: number } {
  assertInTransaction(tx, "withdrawDecision");
  const trimmed = reason.trim();
  if (!trimmed) {
    throw new DomainError("Ange varför beslutet tas tillbaka.", { reason: ["Ange varför beslutet tas tillbaka."] }, "invalid");
  }
  const target = loadTarget(tx, applicationId, options);
  assertRoundAcceptsDecisions(target.roundStatus, options);
  const existing = getDecision(tx, target.id);
  if (!existing) throw new DomainError("Ansökan har inget beslut att ta tillbaka.", undefined, "stale");
  assertVersion(existing, expectedVersion);
  return { applicationVersion: deleteDecision(tx, existing, trimmed, actor), roundId: target.roundId };
}

/** Makes the first decision on an application, in a write transaction of its own. */
export function makeDecision(db: Db, input: Omit<RecordDecisionInput, "expectedVersion" | "reason">, actor: AuditActor, scope: ApplicationScope) {
  return inWriteTransaction(db, (tx) => {
    const recorded = recordDecision(tx, { ...input, expectedVersion: undefined }, actor, { scope });
    refreshReleaseFacts(tx, [recorded.decision.roundId], actor);
    return recorded;
  });
}

/** Changes the decision the officer saw (its version), with the reason kept in the audit trail. */
export function changeDecision(db: Db, input: RecordDecisionInput & { expectedVersion: number; reason: string }, actor: AuditActor, scope: ApplicationScope) {
  return inWriteTransaction(db, (tx) => {
    const recorded = recordDecision(tx, input, actor, { scope });
    refreshReleaseFacts(tx, [recorded.decision.roundId], actor);
    return recorded;
  });
}

/** Takes back the decision the officer saw, in a write transaction of its own. */
export function takeBackDecision(
  db: Db,
  input: { applicationId: number; reason: string; expectedVersion: number },
  actor: AuditActor,
  scope: ApplicationScope,
) {
  return inWriteTransaction(db, (tx) => {
    const withdrawn = withdrawDecision(tx, input.applicationId, input.reason, actor, input.expectedVersion, { scope });
    refreshReleaseFacts(tx, [withdrawn.roundId], actor);
    return withdrawn;
  });
}

function loadTarget(tx: DbOrTx, applicationId: number, options: RecordDecisionOptions): DecisionTarget {
  const target = getDecisionTarget(tx, applicationId, options.scope ?? { kind: "all" });
  if (!target) throw new DomainError(NOT_FOUND_MESSAGE, undefined, "not_found");
  return target;
}

function assertRoundAcceptsDecisions(status: DecisionTarget["roundStatus"], options: RecordDecisionOptions): void {
  if (status === "planned") {
    throw new DomainError("Omgången har inte öppnat ännu: beslut kan inte fattas.", undefined, "round_planned");
  }
  if (status === "decided" && !options.allowDecidedRound) {
    throw new DomainError("Omgången är redan beslutad och avslutad: besluten kan inte ändras här.", undefined, "round_decided");
  }
}

function assertVersion(existing: Decision | null, expectedVersion: number | undefined): void {
  const current = existing?.version;
  if (current !== expectedVersion) throw new DomainError(STALE_DECISION_MESSAGE, undefined, "stale");
}

// Without a transaction the budget read and the write are two statements another connection can slip between.
function assertInTransaction(tx: DbOrTx, name: string): void {
  if ("$client" in tx && !tx.$client.inTransaction) {
    throw new Error(`${name} must run inside a write transaction (inWriteTransaction)`);
  }
}
