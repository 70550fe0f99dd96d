import { eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { applications, decisions, organisations, rounds } from "../schema";

/*
 * The reads an import makes besides the ones its rules share with registration and decisions: the round it loads
 * into, what that round already holds (for duplicates), and the applications a decisions file names.
 */

export function getImportRound(db: DbOrTx, roundId: number) {
  return db.select({ id: rounds.id, status: rounds.status, budget: rounds.budget }).from(rounds).where(eq(rounds.id, roundId)).get() ?? null;
}

/** The round's applications by the identity of their lead organisation (name_key) and their title. */
export function listApplicationIdentitiesInRound(db: DbOrTx, roundId: number) {
  return db
    .select({ organisationKey: organisations.nameKey, projectTitle: applications.projectTitle, registrationNumber: applications.registrationNumber })
    .from(applications)
    .innerJoin(organisations, eq(organisations.id, applications.leadOrganisationId))
    .where(eq(applications.roundId, roundId))
    .all();
}

/** The applications with these registration numbers, whichever round they are in, with their decision's version. */
export function listApplicationsByRegistrationNumber(db: DbOrTx, numbers: readonly string[]) {
  if (numbers.length === 0) return [];
  return db
    .select({
      id: applications.id,
      roundId: applications.roundId,
      registrationNumber: applications.registrationNumber,
      decisionVersion: decisions.version,
    })
    .from(applications)
    .leftJoin(decisions, eq(decisions.applicationId, applications.id))
    .where(inArray(applications.registrationNumber, [...numbers]))
    .all();
}

/** The version of the decision on an application, or undefined when it has none (read inside the write). */
export function getDecisionVersion(db: DbOrTx, applicationId: number): number | undefined {
  return db.select({ version: decisions.version }).from(decisions).where(eq(decisions.applicationId, applicationId)).get()?.version;
}
