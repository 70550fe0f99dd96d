import type { Db } from "@/db/client";
import {
  getApplicationRow,
  getApplicationSnapshot,
  listCoApplicantIds,
  replaceCoApplicants,
  updateApplicationRow,
  type ApplicationSnapshot,
  type SavedApplication,
} from "@/db/queries/applications";
import { inWriteTransaction } from "@/db/transaction";
import type { Application } from "@/db/schema";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { DomainError } from "@/lib/errors";
import { resolveOrganisation } from "@/lib/organisations/resolve";
import { refreshReleaseFacts } from "@/lib/press/stale";
import { columnsOf, namesOf } from "./register";
import type { ApplicationFields } from "./schema";

export type { ApplicationSnapshot, SavedApplication };

export const APPLICATION_CONFLICT_MESSAGE = "Någon annan har sparat ändringar i ansökan medan du redigerade. Dina ändringar är inte sparade.";

/**
 * Saves an edit made from `version`, in a transaction of its own (BEGIN IMMEDIATE). When someone saved in between,
 * nothing is written and the refusal ("conflict") carries the saved version, who saved it and when, so the form can
 * show both side by side and the next save is made against the saved version: no update is silently lost.
 */
export function updateApplication(db: Db, input: ApplicationFields & { applicationId: number; version: number }, actor: AuditActor): Application {
  return inWriteTransaction(db, (tx) => {
    const before = getApplicationRow(tx, input.applicationId);
    if (!before) throw new DomainError("Ansökan finns inte.", undefined, "not_found");
    const beforeSaved = getApplicationSnapshot(tx, before.id);
    if (before.version !== input.version || !beforeSaved) throw conflict(beforeSaved);
    const beforeCo = listCoApplicantIds(tx, before.id);

    const lead = resolveOrganisation(tx, input.leadOrganisation, actor, "leadOrganisation");
    const co = input.coApplicants.map((ref, i) => resolveOrganisation(tx, ref, actor, `coApplicants.${i}`));
    const coApplicantIds = [...new Set(co.map((o) => o.id))].filter((id) => id !== lead.id);

    const after = updateApplicationRow(tx, before.id, input.version, { leadOrganisationId: lead.id, ...columnsOf(input) });
    if (!after) throw conflict(getApplicationSnapshot(tx, before.id));
    replaceCoApplicants(tx, after.id, coApplicantIds);
    writeAudit(tx, {
      actor,
      action: "application.update",
      entityType: "application",
      entityId: after.id,
      before: {
        ...before,
        coApplicantIds: beforeCo,
        leadOrganisation: beforeSaved.leadOrganisation,
        coApplicants: beforeSaved.coApplicants.split("; ").filter(Boolean),
      },
      after: { ...after, coApplicantIds, leadOrganisation: lead.name, coApplicants: namesOf(co, coApplicantIds) },
    });
    refreshReleaseFacts(tx, [after.roundId], actor);
    return after;
  });
}

function conflict(saved: SavedApplication | null): DomainError {
  return new DomainError(APPLICATION_CONFLICT_MESSAGE, undefined, "conflict", { saved });
}
