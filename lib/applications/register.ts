import type { Db, DbOrTx } from "@/db/client";
import { insertApplication, replaceCoApplicants } from "@/db/queries/applications";
import { getRoundForRegistration, nextRegistrationNumber } from "@/db/queries/registration";
import { inWriteTransaction } from "@/db/transaction";
import type { Application } from "@/db/schema";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { DomainError } from "@/lib/errors";
import { resolveOrganisation } from "@/lib/organisations/resolve";
import type { ApplicationFields } from "./schema";

export type RegisteredApplication = Application & { coApplicantIds: number[] };

/**
 * Registers one application from the form, in a transaction of its own that takes the write lock at its start
 * (BEGIN IMMEDIATE): the registration number is counted, the organisations found or created and the audit event
 * written together, or not at all.
 */
export function saveNewApplication(db: Db, input: ApplicationFields & { roundId: number }, actor: AuditActor): RegisteredApplication {
  return inWriteTransaction(db, (tx) => registerApplication(tx, input.roundId, input, actor));
}

/**
 * Registers one application in the caller's write transaction (the import registers many in one): resolves (or
 * creates) its organisations, gives it the next registration number and writes the audit event. Refuses a round
 * that is not open for registrations unless the caller loads a past round (an import of decided applications).
 */
export function registerApplication(
  tx: DbOrTx,
  roundId: number,
  fields: ApplicationFields,
  actor: AuditActor,
  options: { allowClosedRound?: boolean; createdAt?: Date } = {},
): RegisteredApplication {
  const round = getRoundForRegistration(tx, roundId);
  if (!round) throw new DomainError("Omgången finns inte.", { roundId: ["Omgången finns inte."] }, "not_found");
  if (!options.allowClosedRound && round.status !== "open" && round.status !== "planned") {
    throw new DomainError(
      "Omgången är stängd: nya ansökningar kan inte registreras.",
      { roundId: ["Omgången är stängd för nya ansökningar."] },
      "round_closed",
    );
  }

  const lead = resolveOrganisation(tx, fields.leadOrganisation, actor, "leadOrganisation");
  const coApplicants = fields.coApplicants.map((ref, i) => resolveOrganisation(tx, ref, actor, `coApplicants.${i}`));
  const coApplicantIds = [...new Set(coApplicants.map((o) => o.id))].filter((id) => id !== lead.id);

  const application = insertApplication(tx, {
    roundId: round.id,
    registrationNumber: nextRegistrationNumber(tx, { id: round.programmeId, code: round.code }, round.year),
    leadOrganisationId: lead.id,
    ...columnsOf(fields),
    createdBy: actor.id,
    ...(options.createdAt ? { createdAt: options.createdAt, updatedAt: options.createdAt } : {}),
  });
  replaceCoApplicants(tx, application.id, coApplicantIds);
  writeAudit(tx, {
    actor,
    action: "application.create",
    entityType: "application",
    entityId: application.id,
    after: { ...application, coApplicantIds, leadOrganisation: lead.name, coApplicants: namesOf(coApplicants, coApplicantIds) },
  });
  return { ...application, coApplicantIds };
}

/** The application's own columns from its validated fields (the organisations are resolved separately). */
export function columnsOf(fields: ApplicationFields) {
  return {
    projectTitle: fields.projectTitle,
    description: fields.description,
    focusAreas: fields.focusAreas,
    requestedAmount: fields.requestedAmount,
    contactName: fields.contactName,
    contactTitle: fields.contactTitle,
    contactPhone: fields.contactPhone,
    contactEmail: fields.contactEmail,
  };
}

/** Names in the order of the ids, for the audit trail (people read names, not ids). */
export function namesOf(organisations: { id: number; name: string }[], ids: number[]): string[] {
  return ids.map((id) => organisations.find((o) => o.id === id)?.name ?? String(id));
}
