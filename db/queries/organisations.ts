import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { applicationCoApplicants, applications, auditEvents, counties, organisations, programmes, rounds, users, type NewOrganisation, type Organisation, type OrganisationKind } from "../schema";
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

/**
 * An organisation's audit trail, oldest first: its creation and every correction, with the names before and after,
 * and the history of every organisation merged into it (found through its `organisation.merge` events, so the trail
 * itself is never rewritten).
 */
export function listOrganisationHistory(db: DbOrTx, organisationId: number) {
  const ids = new Set<number>([organisationId]);
  const queue = [organisationId];
  while (queue.length > 0 && ids.size < 1000) {
    const id = queue.shift()!;
    for (const event of db
      .select({ after: auditEvents.after })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, "organisation"), eq(auditEvents.entityId, id), eq(auditEvents.action, "organisation.merge")))
      .all()) {
      const merged = event.after?.mergedOrganisationId;
      if (typeof merged === "number" && !ids.has(merged)) {
        ids.add(merged);
        queue.push(merged);
      }
    }
  }
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, "organisation"), inArray(auditEvents.entityId, [...ids])))
    .orderBy(asc(auditEvents.at), asc(auditEvents.id))
    .all();
}

// ---------------------------------------------------------------- merging an organisation entered twice

/** A round where both organisations lead an application: a merge would put two of its applications under one lead. */
export type MergeCollision = {
  roundId: number;
  ordinal: number;
  year: number;
  programmeName: string;
  registrationNumbers: string[];
};

/** What a merge of `duplicateId` into `keptId` would move, read on the organisation indexes only. */
export type MergePlan = {
  /** Applications the duplicate leads: their lead becomes the kept organisation. */
  leadApplicationIds: number[];
  /** Co-applications of the duplicate that become the kept organisation's. */
  coApplicationIds: number[];
  /** Co-applications of the duplicate dropped because the kept organisation already co-applies to the application. */
  dedupedCoApplicationIds: number[];
  /** Co-applicant rows dropped because the kept organisation leads the application after the merge. */
  droppedCoApplicationIds: number[];
  /** Users (coordinators) of the duplicate. */
  userIds: number[];
  collisions: MergeCollision[];
  /** Every round whose applications change organisation, for the press releases' facts. */
  roundIds: number[];
};

export function planOrganisationMerge(db: DbOrTx, keptId: number, duplicateId: number): MergePlan {
  const leads = db
    .select({ id: applications.id, roundId: applications.roundId })
    .from(applications)
    .where(eq(applications.leadOrganisationId, duplicateId))
    .all();
  const keptLeads = db
    .select({ id: applications.id, roundId: applications.roundId })
    .from(applications)
    .where(eq(applications.leadOrganisationId, keptId))
    .all();
  const coRows = (organisationId: number) =>
    db
      .select({ applicationId: applicationCoApplicants.applicationId, roundId: applications.roundId })
      .from(applicationCoApplicants)
      .innerJoin(applications, eq(applications.id, applicationCoApplicants.applicationId))
      .where(eq(applicationCoApplicants.organisationId, organisationId))
      .all();
  const duplicateCo = coRows(duplicateId);
  const keptCo = coRows(keptId);

  const leadIds = new Set([...leads, ...keptLeads].map((a) => a.id)); // what the kept one leads after the merge
  const keptCoIds = new Set(keptCo.map((c) => c.applicationId));
  const duplicateLeadIds = new Set(leads.map((a) => a.id));
  const coApplicationIds: number[] = [];
  const dedupedCoApplicationIds: number[] = [];
  const droppedCoApplicationIds: number[] = [];
  for (const row of duplicateCo) {
    if (leadIds.has(row.applicationId)) droppedCoApplicationIds.push(row.applicationId);
    else if (keptCoIds.has(row.applicationId)) dedupedCoApplicationIds.push(row.applicationId);
    else coApplicationIds.push(row.applicationId);
  }
  // The kept organisation co-applies to an application the duplicate leads: it becomes that application's lead.
  for (const row of keptCo) if (duplicateLeadIds.has(row.applicationId)) droppedCoApplicationIds.push(row.applicationId);

  const keptRounds = new Set(keptLeads.map((a) => a.roundId));
  const collidingRounds = [...new Set(leads.filter((a) => keptRounds.has(a.roundId)).map((a) => a.roundId))];
  const collisions: MergeCollision[] = collidingRounds.length
    ? db
        .select({ roundId: rounds.id, ordinal: rounds.ordinal, year: rounds.year, programmeName: programmes.name })
        .from(rounds)
        .innerJoin(programmes, eq(programmes.id, rounds.programmeId))
        .where(inArray(rounds.id, collidingRounds))
        .orderBy(asc(rounds.year), asc(rounds.ordinal), asc(rounds.id))
        .all()
        .map((round) => ({
          ...round,
          registrationNumbers: db
            .select({ n: applications.registrationNumber })
            .from(applications)
            .where(and(eq(applications.roundId, round.roundId), inArray(applications.leadOrganisationId, [keptId, duplicateId])))
            .orderBy(asc(applications.registrationNumber))
            .all()
            .map((r) => r.n),
        }))
    : [];

  const userIds = db.select({ id: users.id }).from(users).where(eq(users.organisationId, duplicateId)).orderBy(asc(users.id)).all().map((u) => u.id);
  const roundIds = [...new Set([...leads.map((a) => a.roundId), ...duplicateCo.map((c) => c.roundId), ...keptCo.filter((c) => duplicateLeadIds.has(c.applicationId)).map((c) => c.roundId)])];
  const sorted = (ids: number[]) => [...new Set(ids)].sort((a, b) => a - b);
  return {
    leadApplicationIds: sorted(leads.map((a) => a.id)),
    coApplicationIds: sorted(coApplicationIds),
    dedupedCoApplicationIds: sorted(dedupedCoApplicationIds),
    droppedCoApplicationIds: sorted(droppedCoApplicationIds),
    userIds,
    collisions,
    roundIds: sorted(roundIds),
  };
}

/**
 * Moves everything that references the duplicate to the kept organisation as `plan` says, then deletes the duplicate.
 * Moved applications get a new version (an open edit form of one is refused, rather than saving the old lead's name
 * back as a new organisation); the search index follows through its triggers. Call inside the merge's transaction.
 */
export function mergeOrganisationRows(tx: DbOrTx, keptId: number, duplicateId: number, plan: MergePlan, at: Date): void {
  const changed = [...new Set([...plan.leadApplicationIds, ...plan.coApplicationIds, ...plan.dedupedCoApplicationIds, ...plan.droppedCoApplicationIds])];
  if (plan.leadApplicationIds.length > 0) {
    tx.update(applications)
      .set({ leadOrganisationId: keptId })
      .where(and(eq(applications.leadOrganisationId, duplicateId), inArray(applications.id, plan.leadApplicationIds)))
      .run();
  }
  const drop = [...plan.dedupedCoApplicationIds, ...plan.droppedCoApplicationIds];
  if (drop.length > 0) {
    tx.delete(applicationCoApplicants)
      .where(and(eq(applicationCoApplicants.organisationId, duplicateId), inArray(applicationCoApplicants.applicationId, drop)))
      .run();
  }
  if (plan.droppedCoApplicationIds.length > 0) {
    // The kept organisation co-applied to what the duplicate led: it is that application's lead now.
    tx.delete(applicationCoApplicants)
      .where(and(eq(applicationCoApplicants.organisationId, keptId), inArray(applicationCoApplicants.applicationId, plan.droppedCoApplicationIds)))
      .run();
  }
  if (plan.coApplicationIds.length > 0) {
    tx.update(applicationCoApplicants)
      .set({ organisationId: keptId })
      .where(and(eq(applicationCoApplicants.organisationId, duplicateId), inArray(applicationCoApplicants.applicationId, plan.coApplicationIds)))
      .run();
  }
  if (changed.length > 0) {
    tx.update(applications)
      .set({ version: sql`${applications.version} + 1`, updatedAt: at })
      .where(inArray(applications.id, changed))
      .run();
  }
  if (plan.userIds.length > 0) {
    tx.update(users).set({ organisationId: keptId, updatedAt: at }).where(eq(users.organisationId, duplicateId)).run();
  }
  tx.delete(organisations).where(eq(organisations.id, duplicateId)).run();
}

/** Moves the kept organisation's version token on (the merge changed what belongs to it). */
export function touchOrganisation(tx: DbOrTx, id: number, at: Date): Organisation | null {
  return tx.update(organisations).set({ updatedAt: at }).where(eq(organisations.id, id)).returning().get() ?? null;
}

/** Organisations whose name contains `search`, for the merge's picker: bounded, Swedish order, without `exceptId`. */
export function searchOrganisations(db: DbOrTx, search: string, exceptId: number, limit = 10) {
  const key = organisationNameKey(search);
  if (!key) return [];
  return db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind, countyName: counties.name, municipalityCode: organisations.municipalityCode })
    .from(organisations)
    .leftJoin(counties, eq(counties.code, organisations.countyCode))
    .where(and(sql`${organisations.nameKey} LIKE ${likePattern(key)} ESCAPE '\\'`, sql`${organisations.id} <> ${exceptId}`))
    .orderBy(asc(organisations.sortName), asc(organisations.id))
    .limit(limit)
    .all();
}

/** The organisations named on each of these applications (lead, then co-applicants in order), for their history. */
export function listApplicationOrganisationNames(db: DbOrTx, applicationIds: readonly number[]): Map<number, { leadOrganisation: string; coApplicants: string[] }> {
  const result = new Map<number, { leadOrganisation: string; coApplicants: string[] }>();
  if (applicationIds.length === 0) return result;
  for (const row of db
    .select({ id: applications.id, name: organisations.name })
    .from(applications)
    .innerJoin(organisations, eq(organisations.id, applications.leadOrganisationId))
    .where(inArray(applications.id, [...applicationIds]))
    .all()) {
    result.set(row.id, { leadOrganisation: row.name, coApplicants: [] });
  }
  for (const row of db
    .select({ id: applicationCoApplicants.applicationId, name: organisations.name })
    .from(applicationCoApplicants)
    .innerJoin(organisations, eq(organisations.id, applicationCoApplicants.organisationId))
    .where(inArray(applicationCoApplicants.applicationId, [...applicationIds]))
    .orderBy(asc(applicationCoApplicants.applicationId), asc(applicationCoApplicants.position))
    .all()) {
    result.get(row.id)?.coApplicants.push(row.name);
  }
  return result;
}
