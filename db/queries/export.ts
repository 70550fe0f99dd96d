import { asc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { applicationCoApplicants, applications, counties, decisions, organisations, programmes, rounds } from "../schema";

/* The reads of a round's export: its name parts, and every column of the applications the list on screen shows. */

export function getRoundForExport(db: DbOrTx, roundId: number) {
  return (
    db
      .select({ id: rounds.id, ordinal: rounds.ordinal, year: rounds.year, code: programmes.code })
      .from(rounds)
      .innerJoin(programmes, eq(programmes.id, rounds.programmeId))
      .where(eq(rounds.id, roundId))
      .get() ?? null
  );
}

/** Every application id of a round in registration-number order (the export without filters, one index scan). */
export function listRoundApplicationIds(db: DbOrTx, roundId: number): number[] {
  return db
    .select({ id: applications.id })
    .from(applications)
    .where(eq(applications.roundId, roundId))
    .orderBy(asc(applications.registrationNumber))
    .all()
    .map((r) => r.id);
}

export type ExportApplicationRow = {
  id: number;
  registrationNumber: string;
  organisation: string;
  kind: (typeof organisations.$inferSelect)["kind"];
  municipalityCode: string | null;
  countyCode: string | null;
  county: string | null;
  coApplicants: string | null;
  projectTitle: string;
  description: string;
  focusAreas: string[];
  requestedAmount: number;
  status: (typeof applications.$inferSelect)["status"];
  outcome: (typeof decisions.$inferSelect)["outcome"] | null;
  grantedAmount: number | null;
  decidedOn: string | null;
  motivation: string | null;
  contactName: string;
  contactTitle: string;
  contactPhone: string;
  contactEmail: string;
};

/** SQLite takes a bounded number of parameters: ids go in chunks of this many. */
const CHUNK = 500;

/** The export's columns for these applications, in the order of `ids` (the order of the list on screen). */
export function listApplicationsForExport(db: DbOrTx, ids: readonly number[]): ExportApplicationRow[] {
  const byId = new Map<number, ExportApplicationRow>();
  for (let start = 0; start < ids.length; start += CHUNK) {
    const chunk = ids.slice(start, start + CHUNK);
    const coApplicants = db
      .select({
        applicationId: applicationCoApplicants.applicationId,
        names: sql<string>`group_concat(${organisations.name}, '; ' ORDER BY ${applicationCoApplicants.position})`.as("co_names"),
      })
      .from(applicationCoApplicants)
      .innerJoin(organisations, eq(organisations.id, applicationCoApplicants.organisationId))
      .where(inArray(applicationCoApplicants.applicationId, chunk))
      .groupBy(applicationCoApplicants.applicationId)
      .as("co");
    const rows = db
      .select({
        id: applications.id,
        registrationNumber: applications.registrationNumber,
        organisation: organisations.name,
        kind: organisations.kind,
        municipalityCode: organisations.municipalityCode,
        countyCode: organisations.countyCode,
        county: counties.name,
        coApplicants: coApplicants.names,
        projectTitle: applications.projectTitle,
        description: applications.description,
        focusAreas: applications.focusAreas,
        requestedAmount: applications.requestedAmount,
        status: applications.status,
        outcome: decisions.outcome,
        grantedAmount: decisions.grantedAmount,
        decidedOn: decisions.decidedOn,
        motivation: decisions.motivation,
        contactName: applications.contactName,
        contactTitle: applications.contactTitle,
        contactPhone: applications.contactPhone,
        contactEmail: applications.contactEmail,
      })
      .from(applications)
      .innerJoin(organisations, eq(organisations.id, applications.leadOrganisationId))
      .leftJoin(counties, eq(counties.code, organisations.countyCode))
      .leftJoin(coApplicants, eq(coApplicants.applicationId, applications.id))
      .leftJoin(decisions, eq(decisions.applicationId, applications.id))
      .where(inArray(applications.id, chunk))
      .all();
    for (const row of rows) byId.set(row.id, row);
  }
  return ids.map((id) => byId.get(id)).filter((row): row is ExportApplicationRow => row !== undefined);
}
