import { and, desc, eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../client";
import { applicationCoApplicants, applications, auditEvents, users, type Application, type Decision, type NewApplication } from "../schema";
import type { AuditActor } from "./audit";
import type { DecisionOutcome, RoundStatus } from "@/lib/enums";
import type { ApplicationScope } from "@/lib/auth/permissions";
import { formatRegistrationNumber } from "./registration";
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

/** One application of an import, its organisations resolved and its decision checked by the rules (lib/import). */
export type ImportedApplication = {
  columns: Required<Omit<ApplicationColumns, "leadOrganisationId">>;
  leadOrganisation: { id: number; name: string };
  /** The co-applicants as the row names them (in its order, repeats and the lead included): kept as registration keeps them. */
  coApplicants: { id: number; name: string }[];
  decision?: {
    outcome: DecisionOutcome;
    grantedAmount: number;
    motivation: string;
    decidedOn: string;
    /** Kept on the decision's audit event beside it (an amount over the request), as recordDecision does. */
    note?: Record<string, unknown>;
  };
};

/**
 * The bulk writer of a large import (issue 14), for the caller's write transaction: the same rows, in the same
 * order, as registering each application (registerApplication) and recording its decision (recordDecision) one by
 * one would write: the application with the next registration number, its co-applicants, "application.create", the
 * decision, the application's status and version, "decision.create". Only the way is different: each statement is
 * prepared once for the whole import and run with each row's values, instead of building and preparing Drizzle
 * queries five to ten times per row, which was most of a large import's time under the write lock. Every write is a
 * plain INSERT or UPDATE, so the tables' triggers (the search index, totals) fire as for any other write.
 * lib/import/apply.ts checks the rules first; lib/import/apply.test.ts holds the two ways to the same rows.
 */
export function applicationImportWriter(
  db: Db,
  round: { id: number; programmeId: number; code: string; year: number },
  actor: AuditActor,
): {
  write: (application: ImportedApplication) => Application & { coApplicantIds: number[] };
  /** The round's budget and status as they are now (getRoundBudget's answer, from a statement prepared once). */
  round: () => { budget: number; status: RoundStatus } | null;
} {
  const sqlite = db.$client;
  if (!sqlite.inTransaction) throw new Error("applicationImportWriter must run inside a write transaction (inWriteTransaction)");
  sqlite
    .prepare("INSERT INTO registration_sequences (programme_id, year, last_number) VALUES (?, ?, 0) ON CONFLICT DO NOTHING")
    .run(round.programmeId, round.year);
  const nextNumber = sqlite
    .prepare("UPDATE registration_sequences SET last_number = last_number + 1 WHERE programme_id = ? AND year = ? RETURNING last_number")
    .pluck();
  const insertApplicationRow = sqlite.prepare<unknown[], { id: number; status: Application["status"]; version: number; createdAt: number; updatedAt: number }>(
    `INSERT INTO applications (round_id, registration_number, lead_organisation_id, project_title, description, focus_areas,
       requested_amount, contact_name, contact_title, contact_phone, contact_email, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     RETURNING id, status, version, created_at AS createdAt, updated_at AS updatedAt`,
  );
  const insertCoApplicant = sqlite.prepare("INSERT INTO application_co_applicants (application_id, organisation_id, position) VALUES (?, ?, ?)");
  const insertDecisionRow = sqlite.prepare<unknown[], { id: number; version: number }>(
    `INSERT INTO decisions (outcome, granted_amount, motivation, decided_on, decided_by, updated_at, application_id, round_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     RETURNING id, version`,
  );
  const setStatus = sqlite
    .prepare("UPDATE applications SET status = ?, version = version + 1, updated_at = ? WHERE id = ? RETURNING version")
    .pluck();
  const insertAudit = sqlite.prepare(
    "INSERT INTO audit_events (at, actor_id, actor_label, action, entity_type, entity_id, before, after) VALUES (?, ?, ?, ?, ?, ?, NULL, ?)",
  );
  const roundBudget = sqlite.prepare<[number], { budget: number; status: RoundStatus }>("SELECT budget, status FROM rounds WHERE id = ?");
  // As Drizzle stores them: timestamps in whole seconds, audit times in milliseconds, JSON as text.
  const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

  const write = ({ columns, leadOrganisation, coApplicants, decision }: ImportedApplication) => {
    const registrationNumber = formatRegistrationNumber(round.code, round.year, nextNumber.get(round.programmeId, round.year) as number);
    const inserted = insertApplicationRow.get(
      round.id,
      registrationNumber,
      leadOrganisation.id,
      columns.projectTitle,
      columns.description,
      JSON.stringify(columns.focusAreas),
      columns.requestedAmount,
      columns.contactName,
      columns.contactTitle,
      columns.contactPhone,
      columns.contactEmail,
      actor.id,
    );
    if (!inserted) throw new Error("application insert returned nothing");
    // The row as Drizzle returns it (the keys in the schema's order), for the audit event and the caller.
    const application: Application = {
      id: inserted.id,
      roundId: round.id,
      registrationNumber,
      leadOrganisationId: leadOrganisation.id,
      projectTitle: columns.projectTitle,
      description: columns.description,
      focusAreas: columns.focusAreas,
      requestedAmount: columns.requestedAmount,
      contactName: columns.contactName,
      contactTitle: columns.contactTitle,
      contactPhone: columns.contactPhone,
      contactEmail: columns.contactEmail,
      status: inserted.status,
      version: inserted.version,
      createdBy: actor.id,
      createdAt: new Date(inserted.createdAt * 1000),
      updatedAt: new Date(inserted.updatedAt * 1000),
    };
    const coApplicantIds = [...new Set(coApplicants.map((o) => o.id))].filter((id) => id !== leadOrganisation.id);
    coApplicantIds.forEach((organisationId, i) => insertCoApplicant.run(application.id, organisationId, i + 1));
    const coApplicantNames = coApplicantIds.map((id) => coApplicants.find((o) => o.id === id)?.name ?? String(id));
    const after = { ...application, coApplicantIds, leadOrganisation: leadOrganisation.name, coApplicants: coApplicantNames };
    insertAudit.run(Date.now(), actor.id, actor.label, "application.create", "application", application.id, JSON.stringify(after));

    if (!decision) return { ...application, coApplicantIds };
    const now = new Date();
    const decided = insertDecisionRow.get(
      decision.outcome,
      decision.grantedAmount,
      decision.motivation,
      decision.decidedOn,
      actor.id,
      seconds(now),
      application.id,
      round.id,
      seconds(now),
    );
    if (!decided) throw new Error("decision insert returned nothing");
    const version = setStatus.get(decision.outcome, seconds(now), application.id) as number;
    const at = new Date(seconds(now) * 1000);
    const row: Decision = {
      id: decided.id,
      applicationId: application.id,
      roundId: round.id,
      outcome: decision.outcome,
      grantedAmount: decision.grantedAmount,
      motivation: decision.motivation,
      decidedOn: decision.decidedOn,
      decidedBy: actor.id,
      version: decided.version,
      createdAt: at,
      updatedAt: at,
    };
    // Under the application's id, as every decision event (db/queries/decisions.ts saveDecision).
    insertAudit.run(now.getTime(), actor.id, actor.label, "decision.create", "decision", application.id, JSON.stringify(decision.note ? { ...row, ...decision.note } : row));
    return { ...application, status: decision.outcome, version, updatedAt: at, coApplicantIds };
  };
  return { write, round: () => roundBudget.get(round.id) ?? null };
}
