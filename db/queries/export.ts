import { eq } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { programmes, rounds } from "../schema";

/*
 * The export's own read: the round's name parts. Its rows are the list's (./application-list): the ids through
 * listAllListedApplicationIds, in the list's order and scope, and their columns through listApplicationRows.
 */

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

