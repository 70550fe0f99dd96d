import { and, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { applicationCoApplicants, applications, auditEvents, users, type Application, type NewApplication } from "../schema";
import type { ApplicationScope } from "@/lib/auth/permissions";
import { applicationInScope } from "./scope";

/*
 * Reads and writes of applications. Reads of one or many applications take the reader's scope
 * (`applicationScope(actor)` from lib/auth/permissions) and return nothing outside it: another organisation's
 * application is simply not found, exactly like one that does not exist.
 */

/** One application with everything its page shows, or null when it does not exist or lies outside `scope`. */
export function getApplicationDetail(db: DbOrTx, applicationId: number, scope: ApplicationScope) {
  const application = db.query.applications.findFirst({
    where: and(eq(applications.id, applicationId), applicationInScope(scope)),
    with: {
      round: { with: { programme: true } },
      leadOrganisation: { with: { county: true } },
      coApplicants: { with: { organisation: true }, orderBy: (c, { asc }) => [asc(c.position)] },
      decision: { with: { decider: { columns: { id: true, name: true } } } },
    },
  });
  return application.sync() ?? null;
}
export type ApplicationDetail = NonNullable<ReturnType<typeof getApplicationDetail>>;

/** The application row itself, for a write that checks it first (no scope: writers may write any application). */
export function getApplicationRow(tx: DbOrTx, applicationId: number): Application | null {
  return tx.select().from(applications).where(eq(applications.id, applicationId)).get() ?? null;
}

export type ApplicationColumns = Omit<NewApplication, "id" | "status" | "version" | "createdAt" | "updatedAt" | "createdBy" | "roundId" | "registrationNumber">;

export function insertApplication(
  tx: DbOrTx,
  values: ApplicationColumns & Pick<NewApplication, "roundId" | "registrationNumber" | "createdBy" | "createdAt" | "updatedAt">,
): Application {
  return tx.insert(applications).values(values).returning().get();
}

/**
 * Writes an edit if the row is still at `expectedVersion` and moves the version on; null when it is not (someone
 * saved in between). The version in the WHERE makes the check and the write one step, whatever another connection
 * does.
 */
export function updateApplicationRow(tx: DbOrTx, applicationId: number, expectedVersion: number, values: ApplicationColumns): Application | null {
  return (
    tx
      .update(applications)
      .set({ ...values, version: sql`${applications.version} + 1`, updatedAt: new Date() })
      .where(and(eq(applications.id, applicationId), eq(applications.version, expectedVersion)))
      .returning()
      .get() ?? null
  );
}

/** The co-applicant ids of an application, in their order. */
export function listCoApplicantIds(tx: DbOrTx, applicationId: number): number[] {
  return tx
    .select({ id: applicationCoApplicants.organisationId })
    .from(applicationCoApplicants)
    .where(eq(applicationCoApplicants.applicationId, applicationId))
    .orderBy(applicationCoApplicants.position)
    .all()
    .map((r) => r.id);
}

/** Makes `organisationIds` the application's co-applicants, in that order. */
export function replaceCoApplicants(tx: DbOrTx, applicationId: number, organisationIds: number[]): void {
  tx.delete(applicationCoApplicants).where(eq(applicationCoApplicants.applicationId, applicationId)).run();
  if (organisationIds.length === 0) return;
  tx.insert(applicationCoApplicants)
    .values(organisationIds.map((organisationId, i) => ({ applicationId, organisationId, position: i + 1 })))
    .run();
}

/** The fields two officers can disagree about, in the words of the edit form (names, "; "-separated lists). */
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

/** The saved version as a conflict shows it: the fields, the version to save against, who saved last and when. */
export type SavedApplication = ApplicationSnapshot & { version: number; savedBy: string | null; savedAt: string };

/** The application as it is saved now, and who saved it last (from the audit trail), or null. */
export function getApplicationSnapshot(tx: DbOrTx, applicationId: number): SavedApplication | null {
  const row = tx.query.applications
    .findFirst({
      where: eq(applications.id, applicationId),
      with: { leadOrganisation: true, coApplicants: { with: { organisation: true }, orderBy: (c, { asc }) => [asc(c.position)] } },
    })
    .sync();
  if (!row) return null;
  const last = tx
    .select({ name: users.name, label: auditEvents.actorLabel })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(eq(auditEvents.entityType, "application"), eq(auditEvents.entityId, applicationId)))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(1)
    .get();
  return {
    version: row.version,
    savedBy: last ? (last.name ?? last.label) : null,
    savedAt: row.updatedAt.toISOString(),
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

/** How many applications a round has, from the (round_id, status) index. */
export function countApplicationsInRound(db: DbOrTx, roundId: number): number {
  return db.select({ n: sql<number>`count(*)` }).from(applications).where(eq(applications.roundId, roundId)).get()?.n ?? 0;
}
