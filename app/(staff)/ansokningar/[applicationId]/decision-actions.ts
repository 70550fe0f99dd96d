"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import type { Db } from "@/db/client";
import { getApplicationDetail } from "@/db/queries/applications";
import type { DecisionSavedData } from "@/components/decisions/decision-form";
import { authAction } from "@/lib/actions";
import { auditActorOf } from "@/lib/audit";
import { applicationScope, canReadApplication } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { recordDecision, withdrawDecision } from "@/lib/decisions/record";
import { changeDecisionSchema, recordDecisionSchema, withdrawDecisionSchema } from "@/lib/decisions/schema";
import { inWriteTransaction } from "@/db/transaction";
import { DomainError } from "@/lib/errors";

/*
 * Decisions on one application. The form sends only the application's id: its round (and so the budget and whether
 * the round still takes decisions) is read from the database inside recordDecision, never taken from the client.
 */

/** Makes a decision on an application that has none (a decision made meanwhile by someone else is refused). */
export const recordDecisionAction = authAction({ permission: "decision:write", schema: recordDecisionSchema }, (input, user) => {
  const db = getDb();
  assertMayDecide(db, user, input.applicationId);
  // Creating only: a change goes through changeDecisionAction, which requires a reason.
  const { decision } = inWriteTransaction(db, (tx) => recordDecision(tx, { ...input, expectedVersion: undefined }, auditActorOf(user)));
  revalidateDecision(decision.applicationId, decision.roundId);
  return { ok: true, data: { outcome: decision.outcome, grantedAmount: decision.grantedAmount } satisfies DecisionSavedData };
});

/** Changes the decision the officer saw (its version), with the reason kept in the audit trail. */
export const changeDecisionAction = authAction({ permission: "decision:write", schema: changeDecisionSchema }, (input, user) => {
  const db = getDb();
  assertMayDecide(db, user, input.applicationId);
  const { decision } = inWriteTransaction(db, (tx) => recordDecision(tx, input, auditActorOf(user)));
  revalidateDecision(decision.applicationId, decision.roundId);
  return { ok: true, data: { outcome: decision.outcome, grantedAmount: decision.grantedAmount } satisfies DecisionSavedData };
});

/** Takes back the decision the officer saw; the application is "received" again. */
export const withdrawDecisionAction = authAction({ permission: "decision:write", schema: withdrawDecisionSchema }, (input, user) => {
  const db = getDb();
  const application = assertMayDecide(db, user, input.applicationId);
  inWriteTransaction(db, (tx) => withdrawDecision(tx, input.applicationId, input.reason, auditActorOf(user), input.expectedVersion));
  revalidateDecision(application.id, application.roundId);
  return { ok: true, data: undefined };
});

// The same answer for an application that does not exist and one outside the user's scope: ids reveal nothing.
function assertMayDecide(db: Db, user: SessionUser, applicationId: number) {
  const application = getApplicationDetail(db, applicationId, applicationScope(user));
  if (
    !application ||
    !canReadApplication(user, {
      leadOrganisationId: application.leadOrganisationId,
      coApplicantIds: application.coApplicants.map((c) => c.organisationId),
    })
  ) {
    throw new DomainError("Ansökan finns inte.", undefined, "not_found");
  }
  return application;
}

function revalidateDecision(applicationId: number, roundId: number): void {
  revalidatePath(`/ansokningar/${applicationId}`);
  revalidatePath(`/omgangar/${roundId}`);
  // The overview shows what each round has granted and has left.
  revalidatePath("/");
}
