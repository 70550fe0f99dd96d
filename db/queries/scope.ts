import { eq, or, sql, type SQL } from "drizzle-orm";
import { applications } from "../schema";
import type { ApplicationScope } from "@/lib/auth/permissions";

/*
 * The one scope rule of the queries: every read of applications (their lists, details, decisions, letters and
 * exports) puts this condition in its WHERE, so a row outside the actor's scope is simply not found, exactly like a
 * missing one.
 */

/**
 * "The organisation leads the application or is one of its co-applicants", as a condition on `applications`. The
 * co-applicant check is a correlated subquery on the (application_id, organisation_id) key, written out rather than
 * with the table's columns: Drizzle's relational queries re-alias every column in a where clause to the root table,
 * which would turn "co.application_id" into "applications.application_id".
 */
export function involvesOrganisation(organisationId: number): SQL {
  return or(
    eq(applications.leadOrganisationId, organisationId),
    sql`exists (select 1 from application_co_applicants co where co.application_id = ${applications.id} and co.organisation_id = ${organisationId})`,
  )!;
}

/**
 * The scope as a condition on `applications`: none at all for "all" (`and()` leaves it out, so the query and its
 * plan are those of an unscoped read), one organisation's applications (lead or co-applicant), or nothing.
 */
export function applicationInScope(scope: ApplicationScope): SQL | undefined {
  switch (scope.kind) {
    case "all":
      return undefined;
    case "organisation":
      return involvesOrganisation(scope.organisationId);
    case "none":
      return sql`0`;
  }
}
