import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { programmes, registrationSequences, rounds, type RoundStatus } from "../schema";

/** What registering into a round needs to know of it: its year and programme (for the number) and its status. */
export function getRoundForRegistration(
  tx: DbOrTx,
  roundId: number,
): { id: number; year: number; status: RoundStatus; programmeId: number; code: string } | null {
  return (
    tx
      .select({ id: rounds.id, year: rounds.year, status: rounds.status, programmeId: programmes.id, code: programmes.code })
      .from(rounds)
      .innerJoin(programmes, eq(programmes.id, rounds.programmeId))
      .where(eq(rounds.id, roundId))
      .get() ?? null
  );
}

/**
 * Hands out the next registration number (diarienummer) of a programme and year, "HJ-2013-0042". Must run inside
 * the transaction that inserts the application: the counter only moves forward, so a number is never given twice,
 * even when the application is later removed.
 */
export function nextRegistrationNumber(tx: DbOrTx, programme: { id: number; code: string }, year: number): string {
  tx.insert(registrationSequences)
    .values({ programmeId: programme.id, year, lastNumber: 0 })
    .onConflictDoNothing()
    .run();
  const row = tx
    .update(registrationSequences)
    .set({ lastNumber: sql`${registrationSequences.lastNumber} + 1` })
    .where(and(eq(registrationSequences.programmeId, programme.id), eq(registrationSequences.year, year)))
    .returning({ n: registrationSequences.lastNumber })
    .get();
  if (!row) throw new Error("registration sequence missing");
  return formatRegistrationNumber(programme.code, year, row.n);
}

export function formatRegistrationNumber(code: string, year: number, n: number): string {
  return `${code}-${year}-${String(n).padStart(4, "0")}`;
}
