import { and, asc, desc, eq, inArray, Placeholder, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../client";
import { applications, auditEvents, decisions, portalRoundTotals, programmes, rounds, type Application } from "../schema";
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

/** Rounds on one page of the portal's totals per round (as many as a page of the start page's rounds). */
export const PORTAL_ROUNDS_PAGE_SIZE = 25;

/*
 * How the portal costs the same whatever the organisation's size (issue 14). portal_round_totals (migration 0009,
 * kept by triggers in every writer's transaction) holds, per organisation and round, how many applications the
 * organisation is in and what they were granted. The organisation's rounds are read from it in display order (a
 * few hundred rows at most: one per round it took part in); their running counts say which rounds a page of
 * applications covers and where in the first of them it starts; only those rounds' applications of the organisation
 * are then read, from the (lead_organisation_id, round_id) index and, for joint ones, co_applicants_organisation_idx.
 * The count is the sum of the totals. Nothing reads every application of the organisation.
 */

/** The order of the portal: newest round first (year, ordinal), programmes by name, then registration number. */
const roundOrder = [desc(rounds.year), desc(rounds.ordinal), asc(programmes.name), asc(rounds.id)] as const;

/**
 * Every round the organisation takes part in, newest first, with what it has there: as lead, and in joint
 * applications as co-applicant (the whole grant of the joint application, which the applicants share), kept apart
 * so no krona is counted as the organisation's own when it is not. Read from the kept totals.
 */
export function listPortalRoundTotals(db: DbOrTx, organisationId: number) {
  return isDb(db) ? statements(db).roundTotals.all({ organisationId }) : portalRoundTotalsQuery(db, organisationId).all();
}

/** The query itself, so a test can read its plan. */
export function portalRoundTotalsQuery(db: DbOrTx, organisationId: number | Placeholder) {
  return db
    .select({
      roundId: rounds.id,
      roundOrdinal: rounds.ordinal,
      roundYear: rounds.year,
      programmeName: programmes.name,
      programmeNameEn: programmes.nameEn,
      applications: portalRoundTotals.applications,
      approved: portalRoundTotals.approved,
      grantedAsLead: portalRoundTotals.grantedAsLead,
      grantedAsCoApplicant: portalRoundTotals.grantedAsCoApplicant,
    })
    .from(portalRoundTotals)
    .innerJoin(rounds, eq(rounds.id, portalRoundTotals.roundId))
    .innerJoin(programmes, eq(programmes.id, rounds.programmeId))
    .where(eq(portalRoundTotals.organisationId, organisationId))
    .orderBy(...roundOrder);
}
export type PortalRoundTotal = ReturnType<typeof listPortalRoundTotals>[number];

export type Page<T> = { rows: T[]; total: number; page: number; pages: number };

/** A page number within 1..pages (a page past the end answers the last page). */
function clampPage(requested: number, total: number, pageSize: number): { page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return { page: Math.min(Math.max(1, Math.floor(requested) || 1), pages), pages };
}

/**
 * Which rounds hold applications number `start` .. `start + count - 1` of the organisation (counted from 0 in the
 * portal's order), and how many of the first of them come before the page. `rounds` is listPortalRoundTotals.
 */
export function roundsOfPage(rounds: readonly Pick<PortalRoundTotal, "roundId" | "applications">[], start: number, count: number) {
  const roundIds: number[] = [];
  let skip = 0;
  let before = 0;
  for (const round of rounds) {
    const after = before + round.applications;
    if (after > start && before < start + count) {
      if (roundIds.length === 0) skip = start - before;
      roundIds.push(round.roundId);
    }
    if (after >= start + count) break;
    before = after;
  }
  return { roundIds, skip };
}

/** One page of the organisation's applications, newest round first, with their rounds and decisions. */
export function listPortalApplicationPage(
  db: DbOrTx,
  organisationId: number,
  rounds: readonly Pick<PortalRoundTotal, "roundId" | "applications">[],
  requestedPage = 1,
  pageSize = PORTAL_PAGE_SIZE,
): Page<PortalApplication> {
  const total = rounds.reduce((sum, round) => sum + round.applications, 0);
  const { page, pages } = clampPage(requestedPage, total, pageSize);
  const { roundIds, skip } = roundsOfPage(rounds, (page - 1) * pageSize, pageSize);
  const rows =
    roundIds.length === 0
      ? []
      : isDb(db)
        ? statements(db).applications.all({ organisationId, roundIds: JSON.stringify(roundIds), skip, pageSize })
        : portalApplicationsQuery(db, organisationId, roundIds, skip, pageSize).all();
  return { rows, total, page, pages };
}

/** One page of the organisation's rounds with their totals (from listPortalRoundTotals, already in order). */
export function portalRoundTotalsPage<T>(rounds: readonly T[], requestedPage = 1, pageSize = PORTAL_ROUNDS_PAGE_SIZE): Page<T> {
  const { page, pages } = clampPage(requestedPage, rounds.length, pageSize);
  return { rows: rounds.slice((page - 1) * pageSize, page * pageSize), total: rounds.length, page, pages };
}

/** The portal's start page: a page of applications and a page of the totals per round, from one read of the totals. */
export function getPortalOverview(db: DbOrTx, organisationId: number, pages: { applications: number; rounds: number }) {
  const rounds = listPortalRoundTotals(db, organisationId);
  return {
    applications: listPortalApplicationPage(db, organisationId, rounds, pages.applications),
    rounds: portalRoundTotalsPage(rounds, pages.rounds),
  };
}

/**
 * The organisation's applications in `roundIds`, as lead (applications_lead_organisation_idx, which leads with the
 * organisation and the round) or as co-applicant (co_applicants_organisation_idx, each checked for its round by
 * the primary key): a UNION of two index lookups, in the portal's order, `skip` of them left out. The round ids
 * go in as one JSON array, so the statement is the same for any page and is prepared once per connection.
 */
export function portalApplicationsQuery(
  db: DbOrTx,
  organisationId: number | Placeholder,
  roundIds: readonly number[] | Placeholder,
  skip: number | Placeholder = 0,
  pageSize: number | Placeholder = PORTAL_PAGE_SIZE,
) {
  const inRounds = sql`(select value from json_each(${roundIds instanceof Placeholder ? roundIds : JSON.stringify(roundIds)}))`;
  const ids = sql`(select id from applications where lead_organisation_id = ${organisationId} and round_id in ${inRounds}
    union select c.application_id from application_co_applicants c join applications ca on ca.id = c.application_id
      where c.organisation_id = ${organisationId} and ca.round_id in ${inRounds})`;
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
    .where(sql`${applications.id} in ${ids}`)
    .orderBy(...roundOrder, asc(applications.registrationNumber))
    .limit(pageSize)
    .offset(skip);
}

/* The two reads of every portal request, prepared once per connection (as db/queries/users.ts does). */
const prepared = new WeakMap<Db, ReturnType<typeof prepare>>();
function prepare(db: Db) {
  return {
    roundTotals: portalRoundTotalsQuery(db, sql.placeholder("organisationId")).prepare(),
    applications: portalApplicationsQuery(
      db,
      sql.placeholder("organisationId"),
      sql.placeholder("roundIds"),
      sql.placeholder("skip"),
      sql.placeholder("pageSize"),
    ).prepare(),
  };
}
function statements(db: Db) {
  let s = prepared.get(db);
  if (!s) prepared.set(db, (s = prepare(db)));
  return s;
}
/** The connection itself (a transaction handle has no $client): only it keeps prepared statements. */
const isDb = (db: DbOrTx): db is Db => "$client" in db;

export type PortalApplication = ReturnType<ReturnType<typeof portalApplicationsQuery>["all"]>[number];

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
