import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { applications, auditEvents, decisions, programmes, rounds, type Application } from "../schema";
import type { ApplicationScope } from "@/lib/auth/permissions";
import { applicationInScope } from "./scope";

/*
 * The coordinator's portal: the applications of one organisation across every round, and the one write a
 * coordinator may make (the contact person). The organisation always comes from the signed-in coordinator's own
 * record, never from the request.
 */

/**
 * Applications on one page of the portal: an organisation in thousands of applications (a region co-applying in
 * every round) gets the same bounded page as one with three, and pages back through the rest.
 */
export const PORTAL_PAGE_SIZE = 50;

/*
 * The ids of the organisation's applications, as lead (applications_lead_organisation_idx) or as co-applicant
 * (co_applicants_organisation_idx): a UNION of two index lookups, rather than an OR with EXISTS that scans every
 * application.
 */
const organisationApplicationIds = (organisationId: number) =>
  sql`(select id from applications where lead_organisation_id = ${organisationId}
        union select application_id from application_co_applicants where organisation_id = ${organisationId})`;

/** One page of the organisation's applications, newest round first, with their rounds and decisions: one query. */
export function listPortalApplications(db: DbOrTx, organisationId: number, page = 1, pageSize = PORTAL_PAGE_SIZE) {
  return portalApplicationsQuery(db, organisationId, page, pageSize).all();
}

/** How many applications the organisation takes part in, as lead or co-applicant (from the same two indexes). */
export function countPortalApplications(db: DbOrTx, organisationId: number): number {
  const row = db.get<{ n: number }>(sql`select count(*) as n from ${organisationApplicationIds(organisationId)}`);
  return Number(row?.n ?? 0);
}

/** The query itself, so a test can read its plan. */
export function portalApplicationsQuery(db: DbOrTx, organisationId: number, page = 1, pageSize = PORTAL_PAGE_SIZE) {
  return db
    .select({
      id: applications.id,
      registrationNumber: applications.registrationNumber,
      projectTitle: applications.projectTitle,
      requestedAmount: applications.requestedAmount,
      status: applications.status,
      receivedAt: applications.createdAt,
      roundId: rounds.id,
      roundOrdinal: rounds.ordinal,
      roundYear: rounds.year,
      programmeName: programmes.name,
      programmeNameEn: programmes.nameEn,
      outcome: decisions.outcome,
      grantedAmount: decisions.grantedAmount,
      decidedOn: decisions.decidedOn,
      isLead: sql<number>`${applications.leadOrganisationId} = ${organisationId}`.mapWith(Boolean),
    })
    .from(applications)
    .innerJoin(rounds, eq(rounds.id, applications.roundId))
    .innerJoin(programmes, eq(programmes.id, rounds.programmeId))
    .leftJoin(decisions, eq(decisions.applicationId, applications.id))
    .where(sql`${applications.id} in ${organisationApplicationIds(organisationId)}`)
    .orderBy(desc(rounds.year), desc(rounds.ordinal), asc(programmes.name), asc(applications.registrationNumber))
    .limit(pageSize)
    .offset((Math.max(1, page) - 1) * pageSize);
}
export type PortalApplication = ReturnType<typeof listPortalApplications>[number];

/**
 * What the organisation was granted per round, newest first: as lead, and in joint applications it takes part in
 * as co-applicant (the whole grant of the joint application, which the applicants share), kept apart so no krona
 * is counted as the organisation's own when it is not.
 */
export function listPortalRoundTotals(db: DbOrTx, organisationId: number) {
  return portalRoundTotalsQuery(db, organisationId).all();
}

export function portalRoundTotalsQuery(db: DbOrTx, organisationId: number) {
  const approved = sql`${decisions.outcome} = 'approved'`;
  const lead = sql`${applications.leadOrganisationId} = ${organisationId}`;
  return db
    .select({
      roundId: rounds.id,
      roundOrdinal: rounds.ordinal,
      roundYear: rounds.year,
      programmeName: programmes.name,
      programmeNameEn: programmes.nameEn,
      applications: sql<number>`count(*)`,
      approved: sql<number>`coalesce(sum(case when ${approved} then 1 else 0 end), 0)`,
      grantedAsLead: sql<number>`coalesce(sum(case when ${approved} and ${lead} then ${decisions.grantedAmount} else 0 end), 0)`,
      grantedAsCoApplicant: sql<number>`coalesce(sum(case when ${approved} and not ${lead} then ${decisions.grantedAmount} else 0 end), 0)`,
    })
    .from(applications)
    .innerJoin(rounds, eq(rounds.id, applications.roundId))
    .innerJoin(programmes, eq(programmes.id, rounds.programmeId))
    .leftJoin(decisions, eq(decisions.applicationId, applications.id))
    .where(sql`${applications.id} in ${organisationApplicationIds(organisationId)}`)
    .groupBy(rounds.id)
    .orderBy(desc(rounds.year), desc(rounds.ordinal), asc(programmes.name));
}
export type PortalRoundTotal = ReturnType<typeof listPortalRoundTotals>[number];

/**
 * The steps an application has been through, from the audit trail (its own events and its decision's): what and
 * when, oldest first. Only the action and the time: the before and after of an officer's edit are not the
 * coordinator's to read. The caller has already read the application in the actor's scope.
 */
export function listApplicationSteps(db: DbOrTx, applicationId: number) {
  return db
    .select({ id: auditEvents.id, at: auditEvents.at, action: auditEvents.action })
    .from(auditEvents)
    .where(and(inArray(auditEvents.entityType, ["application", "decision"]), eq(auditEvents.entityId, applicationId)))
    .orderBy(asc(auditEvents.at), asc(auditEvents.id))
    .all();
}

export type ContactColumns = Pick<Application, "contactName" | "contactTitle" | "contactPhone" | "contactEmail">;

/** The application row if it lies in `scope`, else null (another organisation's row is missing, as a missing one is). */
export function getApplicationRowInScope(tx: DbOrTx, applicationId: number, scope: ApplicationScope): Application | null {
  return tx.select().from(applications).where(and(eq(applications.id, applicationId), applicationInScope(scope))).get() ?? null;
}

/**
 * Writes the contact person if the application is in `scope` and still at `expectedVersion`, moving the version on;
 * null otherwise. Scope and version are in the WHERE, so the check and the write are one step.
 */
export function updateApplicationContactRow(
  tx: DbOrTx,
  applicationId: number,
  expectedVersion: number,
  scope: ApplicationScope,
  values: ContactColumns,
): Application | null {
  return (
    tx
      .update(applications)
      .set({ ...values, version: sql`${applications.version} + 1`, updatedAt: new Date() })
      .where(and(eq(applications.id, applicationId), eq(applications.version, expectedVersion), applicationInScope(scope)))
      .returning()
      .get() ?? null
  );
}
