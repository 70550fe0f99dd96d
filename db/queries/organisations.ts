import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { applicationCoApplicants, applications, auditEvents, counties, organisations, type NewOrganisation, type Organisation, type OrganisationKind } from "../schema";
import { swedishSortKey } from "@/lib/format/sort";
import { normaliseText } from "@/lib/validation/fields";

/**
 * The identity of an organisation's name, the one the register, the import preview, the import and registration all
 * use (lib/organisations/resolve.ts): the name as textField stores it (NFC, no-break spaces and tabs as plain
 * spaces, runs of spaces collapsed), case-insensitive for every letter, å, ä and ö included.
 */
export function organisationNameKey(name: string): string {
  return normaliseText(name).replace(/\s+/gu, " ").toLocaleLowerCase("sv");
}

export function getOrganisationByName(db: DbOrTx, name: string): Organisation | null {
  return db.select().from(organisations).where(eq(organisations.nameKey, organisationNameKey(name))).get() ?? null;
}

/** Every organisation row is written here, so its name key and Swedish sort key always follow its name. */
export function insertOrganisation(db: DbOrTx, values: Omit<NewOrganisation, "id" | "nameKey" | "sortName">): Organisation {
  return db
    .insert(organisations)
    .values({ ...values, ...keysOf(values.name) })
    .returning()
    .get();
}

/** The columns that follow the name: derived here only, for inserts and updates alike. */
function keysOf(name: string): { nameKey: string; sortName: string } {
  return { nameKey: organisationNameKey(name), sortName: swedishSortKey(name) };
}

export function getOrganisation(db: DbOrTx, id: number): Organisation | null {
  return db.select().from(organisations).where(eq(organisations.id, id)).get() ?? null;
}

export type OrganisationColumns = Pick<NewOrganisation, "name" | "shortName" | "kind" | "municipalityCode" | "countyCode">;

/**
 * Writes an organisation's corrected columns, with its name keys, if the row is still as the caller loaded it
 * (`expectedUpdatedAt`, the optimistic-locking token). Returns null when it is not: someone saved it since.
 */
export function updateOrganisationRow(
  db: DbOrTx,
  id: number,
  expectedUpdatedAt: Date,
  values: OrganisationColumns & { updatedAt: Date },
): Organisation | null {
  return (
    db
      .update(organisations)
      .set({ ...values, ...keysOf(values.name) })
      .where(and(eq(organisations.id, id), eq(organisations.updatedAt, expectedUpdatedAt)))
      .returning()
      .get() ?? null
  );
}

export const ORGANISATION_PAGE_SIZE = 50;

export type OrganisationListRow = {
  id: number;
  name: string;
  kind: OrganisationKind;
  countyName: string | null;
  applicationCount: number;
};

/** Escapes LIKE's wildcards so a search for "50%" means the text "50%". */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * One page of organisations in Swedish order (the sort_name index), optionally those whose name contains `search`,
 * and the number of matches. The search runs on name_key, lower-cased in JavaScript, so "östsam" finds "Östsam"
 * (SQLite's LIKE folds only A-Z). Applications are counted for the page's rows only, in one grouped query over
 * both the lead and the co-applicant index.
 */
export function listOrganisations(
  db: DbOrTx,
  params: { search?: string; page: number },
): { rows: OrganisationListRow[]; total: number } {
  const where = params.search ? sql`${organisations.nameKey} LIKE ${likePattern(organisationNameKey(params.search))} ESCAPE '\\'` : undefined;
  const total = db.select({ n: sql<number>`count(*)` }).from(organisations).where(where).get()?.n ?? 0;
  const page = db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind, countyName: counties.name })
    .from(organisations)
    .leftJoin(counties, eq(counties.code, organisations.countyCode))
    .where(where)
    .orderBy(asc(organisations.sortName), asc(organisations.id))
    .limit(ORGANISATION_PAGE_SIZE)
    .offset((params.page - 1) * ORGANISATION_PAGE_SIZE)
    .all();
  if (page.length === 0) return { rows: [], total };

  const ids = page.map((row) => row.id);
  const participations = db
    .select({ organisationId: sql<number>`${applications.leadOrganisationId}`.as("organisation_id") })
    .from(applications)
    .where(inArray(applications.leadOrganisationId, ids))
    .unionAll(
      db
        .select({ organisationId: applicationCoApplicants.organisationId })
        .from(applicationCoApplicants)
        .where(inArray(applicationCoApplicants.organisationId, ids)),
    )
    .as("participations");
  const counts = new Map(
    db
      .select({ organisationId: participations.organisationId, n: sql<number>`count(*)` })
      .from(participations)
      .groupBy(sql`organisation_id`)
      .all()
      .map((row) => [row.organisationId, row.n]),
  );
  return { rows: page.map((row) => ({ ...row, applicationCount: counts.get(row.id) ?? 0 })), total };
}

/** An organisation's audit trail, oldest first: its creation and every correction, with the names before and after. */
export function listOrganisationHistory(db: DbOrTx, organisationId: number) {
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, "organisation"), eq(auditEvents.entityId, organisationId)))
    .orderBy(asc(auditEvents.at), asc(auditEvents.id))
    .all();
}
