import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { applicationCoApplicants, applications, users } from "@/db/schema";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { DomainError } from "@/lib/errors";
import { resolveOrganisation } from "@/lib/organisations/resolve";
import { coApplicantIdsOf, namesOf } from "./register";
import type { ApplicationFields } from "./schema";

/** The fields two officers can disagree about, as shown side by side when a save is refused. */
export type ApplicationSnapshot = {
  leadOrganisation: string;
  coApplicants: string;
  projectTitle: string;
  description: string;
  focusAreas: string;
  requestedAmount: number;
  contactName: string;
  contactTitle: string;
  contactPhone: string;
  contactEmail: string;
};

/**
 * Saves an edit made from `version`. When someone saved in between, nothing is written and the refusal carries the
 * saved version (and who saved it), so the form can show both side by side: no update is silently lost.
 */
export function updateApplication(
  tx: DbOrTx,
  input: ApplicationFields & { applicationId: number; version: number },
  actor: AuditActor,
) {
  const before = tx.select().from(applications).where(eq(applications.id, input.applicationId)).get();
  if (!before) throw new DomainError("Ansökan finns inte.");
  const beforeCo = coApplicantIdsOf(tx, before.id);
  if (before.version !== input.version) throw conflict(tx, before.id);
  const beforeNames = snapshotOf(tx, before.id);

  const lead = resolveOrganisation(tx, input.leadOrganisation, actor, "leadOrganisation");
  const co = input.coApplicants.map((ref, i) => resolveOrganisation(tx, ref, actor, `coApplicants.${i}`));
  const coApplicantIds = [...new Set(co.map((o) => o.id))].filter((id) => id !== lead.id);

  const after = tx
    .update(applications)
    .set({
      leadOrganisationId: lead.id,
      projectTitle: input.projectTitle,
      description: input.description,
      focusAreas: input.focusAreas,
      requestedAmount: input.requestedAmount,
      contactName: input.contactName,
      contactTitle: input.contactTitle,
      contactPhone: input.contactPhone,
      contactEmail: input.contactEmail,
      version: sql`${applications.version} + 1`,
      updatedAt: new Date(),
    })
    // The version in the WHERE makes the check and the write one step, whatever another connection does.
    .where(and(eq(applications.id, input.applicationId), eq(applications.version, input.version)))
    .returning()
    .get();
  if (!after) throw conflict(tx, before.id);

  tx.delete(applicationCoApplicants).where(eq(applicationCoApplicants.applicationId, after.id)).run();
  if (coApplicantIds.length > 0) {
    tx.insert(applicationCoApplicants)
      .values(coApplicantIds.map((organisationId, i) => ({ applicationId: after.id, organisationId, position: i + 1 })))
      .run();
  }
  writeAudit(tx, {
    actor,
    action: "application.update",
    entityType: "application",
    entityId: after.id,
    before: {
      ...before,
      coApplicantIds: beforeCo,
      leadOrganisation: beforeNames?.leadOrganisation,
      coApplicants: beforeNames?.coApplicants.split("; ").filter(Boolean) ?? [],
    },
    after: { ...after, coApplicantIds, leadOrganisation: lead.name, coApplicants: namesOf(co, coApplicantIds) },
  });
  return after;
}

function conflict(tx: DbOrTx, applicationId: number): DomainError {
  return new DomainError(
    "Någon annan har sparat ändringar i ansökan medan du redigerade. Dina ändringar är inte sparade.",
    undefined,
    "conflict",
    { saved: snapshotOf(tx, applicationId) },
  );
}

/** The application as it is saved now, in the words the edit form uses, and who saved it last. */
export function snapshotOf(tx: DbOrTx, applicationId: number): (ApplicationSnapshot & { version: number; savedBy: string | null }) | null {
  const row = tx.query.applications
    .findFirst({
      where: eq(applications.id, applicationId),
      with: { leadOrganisation: true, coApplicants: { with: { organisation: true }, orderBy: (c, { asc }) => [asc(c.position)] } },
    })
    .sync();
  if (!row) return null;
  const lastEditor = tx
    .select({ name: users.name })
    .from(users)
    .where(eq(users.id, sql`(SELECT actor_id FROM audit_events WHERE entity_type = 'application' AND entity_id = ${applicationId} ORDER BY at DESC, id DESC LIMIT 1)`))
    .get();
  return {
    version: row.version,
    savedBy: lastEditor?.name ?? null,
    leadOrganisation: row.leadOrganisation.name,
    coApplicants: row.coApplicants.map((c) => c.organisation.name).join("; "),
    projectTitle: row.projectTitle,
    description: row.description,
    focusAreas: row.focusAreas.join("; "),
    requestedAmount: row.requestedAmount,
    contactName: row.contactName,
    contactTitle: row.contactTitle,
    contactPhone: row.contactPhone,
    contactEmail: row.contactEmail,
  };
}
