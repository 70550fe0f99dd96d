import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { nextRegistrationNumber } from "@/db/queries/registration";
import { applicationCoApplicants, applications, programmes, rounds, type Application } from "@/db/schema";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { DomainError } from "@/lib/errors";
import { resolveOrganisation } from "@/lib/organisations/resolve";
import type { ApplicationFields } from "./schema";

export type RegisteredApplication = Application & { coApplicantIds: number[] };

/**
 * Registers one application in the caller's transaction: resolves (or creates) its organisations, gives it the next
 * registration number and writes the audit event. Refuses a round that is not open for registrations unless the
 * caller loads a past round (an import of decided applications).
 */
export function registerApplication(
  tx: DbOrTx,
  roundId: number,
  fields: ApplicationFields,
  actor: AuditActor,
  options: { allowClosedRound?: boolean; createdAt?: Date } = {},
): RegisteredApplication {
  const round = tx
    .select({ id: rounds.id, year: rounds.year, status: rounds.status, programmeId: programmes.id, code: programmes.code })
    .from(rounds)
    .innerJoin(programmes, eq(programmes.id, rounds.programmeId))
    .where(eq(rounds.id, roundId))
    .get();
  if (!round) throw new DomainError("Omgången finns inte.", { roundId: ["Omgången finns inte."] });
  if (!options.allowClosedRound && round.status !== "open" && round.status !== "planned") {
    throw new DomainError("Omgången är stängd: nya ansökningar kan inte registreras.", {
      roundId: ["Omgången är stängd för nya ansökningar."],
    });
  }

  const lead = resolveOrganisation(tx, fields.leadOrganisation, actor, "leadOrganisation");
  const coApplicants = fields.coApplicants.map((ref, i) => resolveOrganisation(tx, ref, actor, `coApplicants.${i}`));
  const coApplicantIds = [...new Set(coApplicants.map((o) => o.id))].filter((id) => id !== lead.id);

  const application = tx
    .insert(applications)
    .values({
      roundId: round.id,
      registrationNumber: nextRegistrationNumber(tx, { id: round.programmeId, code: round.code }, round.year),
      leadOrganisationId: lead.id,
      projectTitle: fields.projectTitle,
      description: fields.description,
      focusAreas: fields.focusAreas,
      requestedAmount: fields.requestedAmount,
      contactName: fields.contactName,
      contactTitle: fields.contactTitle,
      contactPhone: fields.contactPhone,
      contactEmail: fields.contactEmail,
      createdBy: actor.id,
      ...(options.createdAt ? { createdAt: options.createdAt, updatedAt: options.createdAt } : {}),
    })
    .returning()
    .get();
  if (coApplicantIds.length > 0) {
    tx.insert(applicationCoApplicants)
      .values(coApplicantIds.map((organisationId, i) => ({ applicationId: application.id, organisationId, position: i + 1 })))
      .run();
  }
  writeAudit(tx, {
    actor,
    action: "application.create",
    entityType: "application",
    entityId: application.id,
    after: { ...application, coApplicantIds, leadOrganisation: lead.name, coApplicants: namesOf(coApplicants, coApplicantIds) },
  });
  return { ...application, coApplicantIds };
}

/** The co-applicant ids of an application, in their order. */
export function coApplicantIdsOf(tx: DbOrTx, applicationId: number): number[] {
  return tx
    .select({ id: applicationCoApplicants.organisationId })
    .from(applicationCoApplicants)
    .where(and(eq(applicationCoApplicants.applicationId, applicationId)))
    .orderBy(applicationCoApplicants.position)
    .all()
    .map((r) => r.id);
}

/** Names in the order of the ids, for the audit trail (people read names, not ids). */
export function namesOf(organisations: { id: number; name: string }[], ids: number[]): string[] {
  return ids.map((id) => organisations.find((o) => o.id === id)?.name ?? String(id));
}
