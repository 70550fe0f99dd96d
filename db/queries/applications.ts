import { and, desc, eq, exists, or, sql } from "drizzle-orm";
import type { Db } from "../client";
import { applicationCoApplicants, applications, decisions, rounds } from "../schema";

/**
 * The applications an organisation leads or takes part in, newest round first, with their decisions. The caller
 * passes the organisation from the signed-in coordinator's own record, never from the request.
 */
export function listApplicationsForOrganisation(db: Db, organisationId: number) {
  return db
    .select({
      id: applications.id,
      registrationNumber: applications.registrationNumber,
      projectTitle: applications.projectTitle,
      requestedAmount: applications.requestedAmount,
      status: applications.status,
      roundOrdinal: rounds.ordinal,
      roundYear: rounds.year,
      grantedAmount: decisions.grantedAmount,
      isLead: sql<number>`${applications.leadOrganisationId} = ${organisationId}`.mapWith(Boolean),
    })
    .from(applications)
    .innerJoin(rounds, eq(rounds.id, applications.roundId))
    .leftJoin(decisions, eq(decisions.applicationId, applications.id))
    .where(
      or(
        eq(applications.leadOrganisationId, organisationId),
        exists(
          db
            .select({ one: applicationCoApplicants.applicationId })
            .from(applicationCoApplicants)
            .where(
              and(
                eq(applicationCoApplicants.applicationId, applications.id),
                eq(applicationCoApplicants.organisationId, organisationId),
              ),
            ),
        ),
      ),
    )
    .orderBy(desc(rounds.year), desc(rounds.ordinal), applications.registrationNumber)
    .all();
}

/** One application with everything its page shows, or null. Scope is checked by the caller with the result. */
export function getApplicationDetail(db: Db, applicationId: number) {
  const application = db.query.applications.findFirst({
    where: eq(applications.id, applicationId),
    with: {
      round: { with: { programme: true } },
      leadOrganisation: { with: { county: true } },
      coApplicants: { with: { organisation: true }, orderBy: (c, { asc }) => [asc(c.position)] },
      decision: { with: { decider: { columns: { id: true, name: true } } } },
    },
  });
  return application.sync() ?? null;
}
