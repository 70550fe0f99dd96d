import { and, asc, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { DbOrTx } from "../client";
import { applicationCoApplicants, applications, counties, decisions, organisations, type ApplicationStatus, type OrganisationKind } from "../schema";
import type { ApplicationScope } from "@/lib/auth/permissions";
import { PAGE_SIZE, type ListParams, type SortKey } from "@/lib/applications/list-params";
import { normaliseText } from "@/lib/validation/fields";
import { applicationInScope } from "./scope";

export type ApplicationListRow = {
  id: number;
  registrationNumber: string;
  projectTitle: string;
  organisationName: string;
  organisationKind: OrganisationKind;
  countyName: string | null;
  requestedAmount: number;
  status: ApplicationStatus;
  grantedAmount: number | null;
};

/*
 * The FTS5 table of migration 0001 (trigram tokenizer, kept in step by triggers). It is declared here and not in
 * schema.ts because drizzle-kit cannot create a virtual table: the migration does, and this only names its columns.
 */
const applicationSearch = sqliteTable("application_search", {
  rowid: integer("rowid").notNull(),
  registrationNumber: text("registration_number").notNull(),
  projectTitle: text("project_title").notNull(),
  organisationNames: text("organisation_names").notNull(),
});

/** The trigram tokenizer indexes three characters at a time: shorter words cannot use the index. */
const TRIGRAM = 3;

/**
 * A search as words: every word must occur (in the organisation names, the title or the registration number, any
 * of them), in any case. Words of three characters or more go to the FTS index; shorter ones ("Ed", "å") are
 * checked with LIKE on the rows the long words found, or, when the search has only short words, by a scan of the
 * search table (correct, slower; nobody searches 90 000 applications for "ö" twice).
 */
export function searchWords(text: string): { indexed: string[]; short: string[] } {
  const words = normaliseText(text).split(" ").filter(Boolean).slice(0, 20);
  return {
    indexed: words.filter((w) => [...w].length >= TRIGRAM),
    short: words.filter((w) => [...w].length < TRIGRAM),
  };
}

/** An FTS5 query in which each word is a quoted string: a substring, never FTS syntax (AND, NEAR, *, ^). */
function matchQuery(words: string[]): string {
  return words.map((w) => `"${w.replace(/"/g, '""')}"`).join(" AND ");
}

/**
 * LIKE patterns for a short word in every case of its non-ASCII letters: SQLite's LIKE folds A-Z itself but not
 * å, ä, ö, é or ü, so "åm" becomes "%åm%" and "%Åm%". At most two letters, so at most four patterns.
 */
export function likeCaseVariants(word: string): string[] {
  let variants = [""];
  for (const ch of word) {
    const escaped = (c: string) => c.replace(/[\\%_]/g, (m) => `\\${m}`);
    const cases = /[^\x00-\x7f]/.test(ch) ? [...new Set([ch.toLocaleLowerCase("sv"), ch.toLocaleUpperCase("sv")])] : [ch];
    variants = variants.flatMap((prefix) => cases.map((c) => prefix + escaped(c)));
  }
  return variants.map((v) => `%${v}%`);
}

function shortWordCondition(word: string): SQL {
  const columns = [applicationSearch.registrationNumber, applicationSearch.projectTitle, applicationSearch.organisationNames];
  return or(...likeCaseVariants(word).flatMap((pattern) => columns.map((column) => sql`${column} LIKE ${pattern} ESCAPE '\\'`)))!;
}

function filters(roundId: number, params: ListParams, scope: ApplicationScope): SQL | undefined {
  const conditions: (SQL | undefined)[] = [eq(applications.roundId, roundId), applicationInScope(scope)];
  if (params.status) conditions.push(eq(applications.status, params.status));
  if (params.lan) conditions.push(eq(organisations.countyCode, params.lan));
  if (params.typ) conditions.push(eq(organisations.kind, params.typ));
  const { indexed, short } = searchWords(params.sok);
  if (indexed.length > 0) {
    // The search table drives the query (see listRoundApplications): its rowid is the application's id.
    conditions.push(eq(applications.id, applicationSearch.rowid));
    conditions.push(sql`${sql.identifier("application_search")} MATCH ${matchQuery(indexed)}`);
    for (const word of short) conditions.push(shortWordCondition(word));
  } else if (short.length > 0) {
    conditions.push(sql`${applications.id} IN (${searchScan(short)})`);
  }
  return and(...conditions);
}

function searchScan(words: string[]): SQL {
  return sql`SELECT ${applicationSearch.rowid} FROM ${applicationSearch} WHERE ${and(...words.map(shortWordCondition))}`;
}

const ORDER: Record<SortKey, SQL> = {
  diarienummer: sql`${applications.registrationNumber}`,
  organisation: sql`${organisations.sortName}`,
  projekt: sql`${applications.projectTitle} COLLATE NOCASE`,
  belopp: sql`${applications.requestedAmount}`,
  // Only an approval grants anything; the others ("–" in the list) sort before the smallest grant.
  beviljat: sql`CASE WHEN ${applications.status} = 'approved' THEN ${decisions.grantedAmount} END`,
  status: sql`${applications.status}`,
};

/** Whether the filters need the lead organisation's columns (county, kind, or sorting by its name). */
function needsOrganisation(params: ListParams): boolean {
  return Boolean(params.lan || params.typ || params.sortera === "organisation");
}

/**
 * The ids of the applications a round's list shows (its search, filters and scope), as a count query and an id
 * query in the list's order: the one builder behind the list on screen and the export, so they always agree. With
 * a text search the FTS table drives both (`FROM application_search CROSS JOIN applications`, the order SQLite must
 * keep): a search matches few rows of a round, so finding them first beats walking the round's index. Without one,
 * the (round_id, ...) indexes order and skip, and nothing else is read for skipped rows.
 */
function listedIdQueries(db: DbOrTx, roundId: number, params: ListParams, scope: ApplicationScope) {
  const where = filters(roundId, params, scope);
  const searched = searchWords(params.sok).indexed.length > 0;
  const joinOrganisation = needsOrganisation(params);
  const joinDecision = params.sortera === "beviljat";

  // With a text search the FTS table comes first: CROSS JOIN is SQLite's way of saying "keep this order".
  const source = searched ? sql`${applicationSearch} CROSS JOIN ${applications}` : sql`${applications}`;
  const count = db.select({ n: sql<number>`count(*)` }).from(source).$dynamic();
  // A raw column: drizzle cannot see that `source` holds the applications table.
  const ids = db.select({ id: sql<number>`${applications.id}` }).from(source).$dynamic();
  for (const query of [count, ids] as const) {
    if (joinOrganisation) query.innerJoin(organisations, eq(organisations.id, applications.leadOrganisationId));
    if (joinDecision) query.leftJoin(decisions, eq(decisions.applicationId, applications.id));
    query.where(where);
  }
  const direction = params.ordning === "desc" ? desc : asc;
  ids.orderBy(direction(ORDER[params.sortera]), direction(applications.registrationNumber));
  return { count, ids };
}

/** Every id the list shows, all its pages, in its order (what the export writes). */
export function listAllListedApplicationIds(db: DbOrTx, roundId: number, params: ListParams, scope: ApplicationScope): number[] {
  return listedIdQueries(db, roundId, params, scope)
    .ids.all()
    .map((r) => r.id);
}

/**
 * One page of a round's applications, the number of matches and the page shown: a page past the end (a link kept
 * from a longer list, `?sida=99`) shows the last page. Three small queries, whatever the round's size: the count,
 * one page of ids (a deferred join, see listedIdQueries), and the page's 50 rows (listApplicationRows). A
 * coordinator's scope leaves out every other organisation's application.
 */
export function listRoundApplications(
  db: DbOrTx,
  roundId: number,
  params: ListParams,
  scope: ApplicationScope,
): { rows: ApplicationListRow[]; total: number; page: number } {
  const { count, ids } = listedIdQueries(db, roundId, params, scope);
  const total = count.get()?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(params.sida, pages);
  if (total === 0) return { rows: [], total, page };

  const pageIds = ids
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE)
    .all()
    .map((r) => r.id);
  if (pageIds.length === 0) return { rows: [], total, page };

  const rows = listApplicationRows(db, pageIds).map((row) => ({
    id: row.id,
    registrationNumber: row.registrationNumber,
    projectTitle: row.projectTitle,
    organisationName: row.organisation,
    organisationKind: row.kind,
    countyName: row.county,
    requestedAmount: row.requestedAmount,
    status: row.status,
    grantedAmount: row.grantedAmount,
  }));
  return { rows, total, page };
}

export type ApplicationRow = {
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

/**
 * Every column the list and the export show of these applications (the lead organisation, its county, the
 * co-applicants' names and the decision), in the order of `ids`: one page of the list, or all of an export.
 */
export function listApplicationRows(db: DbOrTx, ids: readonly number[]): ApplicationRow[] {
  const byId = new Map<number, ApplicationRow>();
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
  return ids.map((id) => byId.get(id)).filter((row): row is ApplicationRow => row !== undefined);
}
