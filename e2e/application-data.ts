import { getApplicationSnapshot } from "@/db/queries/applications";
import { registerApplication } from "@/lib/applications/register";
import { applicationFieldsSchema, updateApplicationSchema } from "@/lib/applications/schema";
import { updateApplication } from "@/lib/applications/update";
import { inWriteTransaction } from "@/db/transaction";
import { ACTOR, withDb } from "./data";

/* Data the application specs make for themselves, beside e2e/data.ts, written the real way (lib, audit included). */

/** `count` applications in one transaction, all from Umeå kommun. */
export function createApplications(roundId: number, count: number): void {
  const fields = applicationFieldsSchema.parse({ leadOrganisation: { name: "Umeå kommun" }, projectTitle: "Massprojekt", requestedAmount: 100_000 });
  withDb((db) => inWriteTransaction(db, (tx) => Array.from({ length: count }, () => registerApplication(tx, roundId, fields, ACTOR))));
}

/** Saves a change as another user would, behind the back of a form that is open in the browser. */
export function updateApplicationDirectly(applicationId: number, changes: { projectTitle?: string; requestedAmount?: number }): void {
  withDb((db) => {
    const saved = getApplicationSnapshot(db, applicationId);
    if (!saved) throw new Error(`no application ${applicationId}`);
    const input = updateApplicationSchema.parse({ ...saved, coApplicants: saved.coApplicants, leadOrganisation: { name: saved.leadOrganisation }, ...changes, applicationId });
    updateApplication(db, input, ACTOR);
  });
}
