import { and, asc, eq, isNotNull, notInArray } from "drizzle-orm";
import type { Db } from "../client";
import { applications, counties, organisations, programmes, rounds } from "../schema";

/*
 * Look-ups and rows for the press tests (lib/press/*.test.ts), so those tests name rounds, applications and counties
 * of the demo without touching tables themselves: db/ is the only place that does.
 */

/** A round of a programme by its code and ordinal ("HJ", 5). */
export function findTestRoundId(db: Db, programmeCode: string, ordinal: number): number {
  const row = db
    .select({ id: rounds.id })
    .from(rounds)
    .innerJoin(programmes, eq(programmes.id, rounds.programmeId))
    .where(and(eq(programmes.code, programmeCode), eq(rounds.ordinal, ordinal)))
    .get();
  if (!row) throw new Error(`No round ${ordinal} of ${programmeCode}`);
  return row.id;
}

export function findTestOrganisationId(db: Db, name: string): number {
  const row = db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, name)).get();
  if (!row) throw new Error(`No organisation ${name}`);
  return row.id;
}

/** The application a named organisation leads in a round. */
export function findTestApplicationId(db: Db, roundId: number, leadName: string): number {
  const row = db
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.roundId, roundId), eq(applications.leadOrganisationId, findTestOrganisationId(db, leadName))))
    .get();
  if (!row) throw new Error(`No application of ${leadName} in round ${roundId}`);
  return row.id;
}

export function findTestApplicationIdWithStatus(db: Db, roundId: number, status: "approved" | "rejected"): number {
  const row = db
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.roundId, roundId), eq(applications.status, status)))
    .orderBy(asc(applications.id))
    .get();
  if (!row) throw new Error(`No ${status} application in round ${roundId}`);
  return row.id;
}

/** The first county (by code) where no organisation leads an approved application of the round. */
export function findTestCountyWithoutGrant(db: Db, roundId: number): { code: string; name: string } {
  const granted = db
    .select({ code: organisations.countyCode })
    .from(applications)
    .innerJoin(organisations, eq(organisations.id, applications.leadOrganisationId))
    .where(and(eq(applications.roundId, roundId), eq(applications.status, "approved"), isNotNull(organisations.countyCode)));
  const row = db
    .select({ code: counties.code, name: counties.name })
    .from(counties)
    .where(notInArray(counties.code, granted))
    .orderBy(asc(counties.code))
    .get();
  if (!row) throw new Error(`Every county has a grant in round ${roundId}`);
  return row;
}

