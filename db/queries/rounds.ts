import { asc, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { applications, decisions, programmes, rounds } from "../schema";

export type RoundSummary = {
  id: number;
  programmeId: number;
  programmeName: string;
  ordinal: number;
  year: number;
  status: (typeof rounds.$inferSelect)["status"];
  isLast: boolean;
  budget: number;
  received: number;
  approved: number;
  rejected: number;
  granted: number;
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
      id: rounds.id,
      programmeId: rounds.programmeId,
      programmeName: programmes.name,
      ordinal: rounds.ordinal,
      year: rounds.year,
      status: rounds.status,
      isLast: rounds.isLast,
      budget: rounds.budget,
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

export function getRound(db: Db, roundId: number) {
  return (
    db
      .select({
        id: rounds.id,
        programmeId: rounds.programmeId,
        programmeName: programmes.name,
        ordinal: rounds.ordinal,
        year: rounds.year,
        budget: rounds.budget,
        status: rounds.status,
        isLast: rounds.isLast,
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
