import { and, asc, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { applications, counties, decisions, organisations, type OrganisationKind } from "../schema";
import { PAGE_SIZE, type ListParams, type SortKey } from "@/lib/applications/list-params";

export type ApplicationListRow = {
  id: number;
  registrationNumber: string;
  projectTitle: string;
  organisationName: string;
  organisationKind: OrganisationKind;
  countyName: string | null;
  requestedAmount: number;
  status: "received" | "approved" | "rejected";
  grantedAmount: number | null;
};

/** Escapes LIKE's wildcards so a search for "50%" means the text "50%". */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function filters(roundId: number, params: ListParams): SQL | undefined {
  const conditions: (SQL | undefined)[] = [eq(applications.roundId, roundId)];
  if (params.status) conditions.push(eq(applications.status, params.status));
  if (params.lan) conditions.push(eq(organisations.countyCode, params.lan));
  if (params.typ) conditions.push(eq(organisations.kind, params.typ));
  if (params.sok) {
    const pattern = likePattern(params.sok);
    conditions.push(
      or(
        sql`${applications.registrationNumber} LIKE ${pattern} ESCAPE '\\'`,
        sql`${applications.projectTitle} LIKE ${pattern} ESCAPE '\\'`,
        sql`${organisations.name} LIKE ${pattern} ESCAPE '\\'`,
      ),
    );
  }
  return and(...conditions);
}

const ORDER: Record<SortKey, SQL> = {
  diarienummer: sql`${applications.registrationNumber}`,
  organisation: sql`${organisations.sortName}`,
  projekt: sql`${applications.projectTitle} COLLATE NOCASE`,
  belopp: sql`${applications.requestedAmount}`,
  status: sql`${applications.status}`,
};

/** Whether the filters need the lead organisation's columns (search, county, kind, or sorting by its name). */
function needsOrganisation(params: ListParams): boolean {
  return Boolean(params.sok || params.lan || params.typ || params.sortera === "organisation");
}

/**
 * One page of a round's applications and the number of matches: two queries, whatever the round's size. The page
 * is found on ids alone (a deferred join: the index orders and skips, nothing else is read for skipped rows), then
 * only its 50 rows are joined with organisations, counties and decisions.
 */
export function listRoundApplications(db: Db, roundId: number, params: ListParams): { rows: ApplicationListRow[]; total: number } {
  const where = filters(roundId, params);
  const direction = params.ordning === "desc" ? desc : asc;
  const joinOrganisation = needsOrganisation(params);

  const idQuery = db.select({ id: applications.id }).from(applications);
  const pageIds = (joinOrganisation ? idQuery.innerJoin(organisations, eq(organisations.id, applications.leadOrganisationId)) : idQuery)
    .where(where)
    .orderBy(direction(ORDER[params.sortera]), direction(applications.registrationNumber))
    .limit(PAGE_SIZE)
    .offset((params.sida - 1) * PAGE_SIZE)
    .all()
    .map((r) => r.id);

  const countQuery = db.select({ n: sql<number>`count(*)` }).from(applications);
  const total =
    (joinOrganisation ? countQuery.innerJoin(organisations, eq(organisations.id, applications.leadOrganisationId)) : countQuery)
      .where(where)
      .get()?.n ?? 0;
  if (pageIds.length === 0) return { rows: [], total };

  const found = db
    .select({
      id: applications.id,
      registrationNumber: applications.registrationNumber,
      projectTitle: applications.projectTitle,
      organisationName: organisations.name,
      organisationKind: organisations.kind,
      countyName: counties.name,
      requestedAmount: applications.requestedAmount,
      status: applications.status,
      grantedAmount: decisions.grantedAmount,
    })
    .from(applications)
    .innerJoin(organisations, eq(organisations.id, applications.leadOrganisationId))
    .leftJoin(counties, eq(counties.code, organisations.countyCode))
    .leftJoin(decisions, eq(decisions.applicationId, applications.id))
    .where(inArray(applications.id, pageIds))
    .all();
  const byId = new Map(found.map((row) => [row.id, row]));
  const rows = pageIds.map((id) => byId.get(id)).filter((row): row is ApplicationListRow => row !== undefined);
  return { rows, total };
}
