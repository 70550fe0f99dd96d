"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import type { DecisionSavedData } from "@/components/decisions/decision-form";
import { authAction } from "@/lib/actions";
import { auditActorOf } from "@/lib/audit";
import { applicationScope } from "@/lib/auth/permissions";
import { changeDecision, makeDecision, takeBackDecision } from "@/lib/decisions/record";
import { changeDecisionSchema, recordDecisionSchema, withdrawDecisionSchema } from "@/lib/decisions/schema";

/*
 * Decisions on one application. The form sends only the application's id: its round (and so the budget and whether
 * the round still takes decisions) is read from the database inside recordDecision, never taken from the client,
 * and only within the user's scope: an application outside it is "not found", like one that does not exist.
 */

/** Makes a decision on an application that has none (a decision made meanwhile by someone else is refused). */
export const recordDecisionAction = authAction({ permission: "decision:write", schema: recordDecisionSchema }, (input, user) => {
  // Creating only: a change goes through changeDecisionAction, which requires a reason.
  const { decision } = makeDecision(getDb(), input, auditActorOf(user), applicationScope(user));
  revalidateDecision(decision.applicationId, decision.roundId);
  return { ok: true, data: { outcome: decision.outcome, grantedAmount: decision.grantedAmount } satisfies DecisionSavedData };
});

/** Changes the decision the officer saw (its version), with the reason kept in the audit trail. */
export const changeDecisionAction = authAction({ permission: "decision:write", schema: changeDecisionSchema }, (input, user) => {
  const { decision } = changeDecision(getDb(), input, auditActorOf(user), applicationScope(user));
  revalidateDecision(decision.applicationId, decision.roundId);
  return { ok: true, data: { outcome: decision.outcome, grantedAmount: decision.grantedAmount } satisfies DecisionSavedData };
});

/** Takes back the decision the officer saw; the application is "received" again. */
export const withdrawDecisionAction = authAction({ permission: "decision:write", schema: withdrawDecisionSchema }, (input, user) => {
  const { roundId } = takeBackDecision(getDb(), input, auditActorOf(user), applicationScope(user));
  revalidateDecision(input.applicationId, roundId);
  return { ok: true, data: undefined };
});

function revalidateDecision(applicationId: number, roundId: number): void {
  revalidatePath(`/ansokningar/${applicationId}`);
  revalidatePath(`/omgangar/${roundId}`);
  // The overview shows what each round has granted and has left.
  revalidatePath("/");
}
