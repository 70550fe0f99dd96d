import { and, asc, desc, eq, ne, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../client";
import { applications, decisions, programmes, rounds, type NewRound, type Round } from "../schema";
import type { RoundStatus } from "@/lib/enums";
// The one audit writer (lib/audit): a round's change and its event go in the same transaction.
import { writeAudit, type AuditActor } from "@/lib/audit";

export type RoundSummary = {
  id: number;
  programmeId: number;
  programmeName: string;
  /** The programme's English name, null when it has none (lib/i18n/programme-name.ts picks). */
  programmeNameEn: string | null;
  ordinal: number;
  year: number;
  status: RoundStatus;
  isLast: boolean;
  budget: number;
  received: number;
  approved: number;
  rejected: number;
  granted: number;
};

/** A round with its programme's names: the columns the start page's summaries and a round's page share. */
const roundWithProgramme = {
  id: rounds.id,
  programmeId: rounds.programmeId,
  programmeName: programmes.name,
  programmeNameEn: programmes.nameEn,
  ordinal: rounds.ordinal,
  year: rounds.year,
  status: rounds.status,
  isLast: rounds.isLast,
  budget: rounds.budget,
};

/**
 * Every round with its counts and sums, in one query: aggregates come from grouped subqueries over the
 * (round_id, status) and (round_id, outcome, granted_amount) indexes, never row by row.
 */
export function listRoundSummaries(db: Db): RoundSummary[] {
  const appCounts = db
    .select({
      roundId: applications.roundId,
      received: sql<number>`count(*)`.as("received"),
      approved: sql<number>`sum(${applications.status} = 'approved')`.as("approved"),
      rejected: sql<number>`sum(${applications.status} = 'rejected')`.as("rejected"),
    })
    .from(applications)
    .groupBy(applications.roundId)
    .as("app_counts");
  const grants = db
    .select({
      roundId: decisions.roundId,
      granted: sql<number>`sum(${decisions.grantedAmount})`.as("granted"),
    })
    .from(decisions)
    .where(eq(decisions.outcome, "approved"))
    .groupBy(decisions.roundId)
    .as("grants");

  return db
    .select({
      ...roundWithProgramme,
      received: sql<number>`coalesce(${appCounts.received}, 0)`,
      approved: sql<number>`coalesce(${appCounts.approved}, 0)`,
      rejected: sql<number>`coalesce(${appCounts.rejected}, 0)`,
      granted: sql<number>`coalesce(${grants.granted}, 0)`,
    })
    .from(rounds)
    .innerJoin(programmes, eq(programmes.id, rounds.programmeId))
    .leftJoin(appCounts, eq(appCounts.roundId, rounds.id))
    .leftJoin(grants, eq(grants.roundId, rounds.id))
    .orderBy(asc(programmes.name), desc(rounds.ordinal))
    .all();
}

/** Rounds on one page of the start page: a bounded amount, whatever the number of rounds. */
export const ROUND_PAGE_SIZE = 25;

export type RoundSummaryPage = { rows: RoundSummary[]; total: number; page: number; pages: number };

/**
 * One page of the rounds in the start page's order (programme, newest round first), each with its counts and sums.
 * The page's rounds are picked first (a sort of the small rounds table) and only they are counted, each from the
 * (round_id, status) and (round_id, outcome, granted_amount) indexes: the cost is that of one page of rounds, not of
 * every application. A page past the end answers the last page.
 */
export function listRoundSummaryPage(db: Db, requestedPage: number, pageSize = ROUND_PAGE_SIZE): RoundSummaryPage {
  const total = Number(db.select({ n: sql<number>`count(*)` }).from(rounds).get()?.n ?? 0);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.floor(requestedPage) || 1), pages);
  const count = (status: string) =>
    sql<number>`(select count(*) from ${applications} where ${applications.roundId} = ${rounds.id} and ${applications.status} = ${status})`;
  const rows = db
    .select({
      ...roundWithProgramme,
      received: sql<number>`(select count(*) from ${applications} where ${applications.roundId} = ${rounds.id})`,
      approved: count("approved"),
      rejected: count("rejected"),
      granted: sql<number>`(select coalesce(sum(${decisions.grantedAmount}), 0) from ${decisions}
        where ${decisions.roundId} = ${rounds.id} and ${decisions.outcome} = 'approved')`,
    })
    .from(rounds)
    .innerJoin(programmes, eq(programmes.id, rounds.programmeId))
    .orderBy(asc(programmes.name), desc(rounds.ordinal))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all()
    .map((row) => ({ ...row, received: Number(row.received), approved: Number(row.approved), rejected: Number(row.rejected), granted: Number(row.granted) }));
  return { rows, total, page, pages };
}

export function getRound(db: DbOrTx, roundId: number) {
  return (
    db
      .select({
        ...roundWithProgramme,
        opensOn: rounds.opensOn,
        closesOn: rounds.closesOn,
        decisionOn: rounds.decisionOn,
        criteria: rounds.criteria,
        version: rounds.version,
      })
      .from(rounds)
      .innerJoin(programmes, eq(programmes.id, rounds.programmeId))
      .where(eq(rounds.id, roundId))
      .get() ?? null
  );
}

// ---------------------------------------------------------------- setting up rounds (lib/rounds calls these)

/** The columns of a round that its form sets. */
export type RoundFields = Pick<
  NewRound,
  "programmeId" | "ordinal" | "year" | "budget" | "opensOn" | "closesOn" | "decisionOn" | "criteria" | "isLast"
>;

/** The round's row as stored, or null. */
export function findRound(db: DbOrTx, roundId: number): Round | null {
  return db.select().from(rounds).where(eq(rounds.id, roundId)).get() ?? null;
}

/** The id of the programme's round with this ordinal (other than `exceptRoundId`), or null when it is free. */
export function findRoundIdByOrdinal(db: DbOrTx, programmeId: number, ordinal: number, exceptRoundId?: number): number | null {
  const row = db
    .select({ id: rounds.id })
    .from(rounds)
    .where(
      and(
        eq(rounds.programmeId, programmeId),
        eq(rounds.ordinal, ordinal),
        exceptRoundId === undefined ? undefined : ne(rounds.id, exceptRoundId),
      ),
    )
    .get();
  return row?.id ?? null;
}

/** The programme's round marked as its last (the highest such ordinal), or null. */
export function findLastRound(db: DbOrTx, programmeId: number): Pick<Round, "id" | "ordinal" | "year"> | null {
  return (
    db
      .select({ id: rounds.id, ordinal: rounds.ordinal, year: rounds.year })
      .from(rounds)
      .where(and(eq(rounds.programmeId, programmeId), eq(rounds.isLast, true)))
      .orderBy(desc(rounds.ordinal))
      .get() ?? null
  );
}

export function roundHasApplications(db: DbOrTx, roundId: number): boolean {
  return db.select({ id: applications.id }).from(applications).where(eq(applications.roundId, roundId)).limit(1).get() !== undefined;
}

/** Kronor granted by the round's approved decisions, from the (round_id, outcome, granted_amount) index. */
export function sumGrantedInRound(db: DbOrTx, roundId: number): number {
  const row = db
    .select({ total: sql<number>`coalesce(sum(${decisions.grantedAmount}), 0)` })
    .from(decisions)
    .where(and(eq(decisions.roundId, roundId), eq(decisions.outcome, "approved")))
    .get();
  return Number(row?.total ?? 0);
}

/** Writes a new round and its round.create event; call inside the caller's write transaction. */
export function insertRound(tx: DbOrTx, fields: RoundFields, status: RoundStatus, actor: AuditActor): Round {
  const now = new Date();
  const round = tx.insert(rounds).values({ ...fields, status, createdAt: now, updatedAt: now }).returning().get();
  writeAudit(tx, { actor, action: "round.create", entityType: "round", entityId: round.id, after: round, at: now });
  return round;
}

/**
 * Saves a round's fields against the version the editor started from, with its round.update event. Null (nothing
 * written) when the round has moved on since: the caller reports the conflict.
 */
export function updateRoundFields(tx: DbOrTx, existing: Round, version: number, fields: RoundFields, actor: AuditActor): Round | null {
  const now = new Date();
  const round = tx
    .update(rounds)
    .set({ ...fields, version: sql`${rounds.version} + 1`, updatedAt: now })
    .where(and(eq(rounds.id, existing.id), eq(rounds.version, version)))
    .returning()
    .get();
  if (!round) return null;
  writeAudit(tx, { actor, action: "round.update", entityType: "round", entityId: round.id, before: existing, after: round, at: now });
  return round;
}

/** Opens or closes a round against the version the user saw, with its round.open / round.close event; null when stale. */
export function updateRoundStatus(tx: DbOrTx, existing: Round, version: number, status: "open" | "closed", actor: AuditActor): Round | null {
  const now = new Date();
  const round = tx
    .update(rounds)
    .set({ status, version: sql`${rounds.version} + 1`, updatedAt: now })
    .where(and(eq(rounds.id, existing.id), eq(rounds.version, version)))
    .returning()
    .get();
  if (!round) return null;
  writeAudit(tx, {
    actor,
    action: status === "open" ? "round.open" : "round.close",
    entityType: "round",
    entityId: round.id,
    before: existing,
    after: round,
    at: now,
  });
  return round;
}
