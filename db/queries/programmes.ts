import { asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { programmes, rounds } from "../schema";

export type ProgrammeOption = { id: number; name: string; nextOrdinal: number };

/**
 * The programmes for a picker, by name, each with the ordinal its next round would get (one more than its
 * highest), so a new-round form can suggest it.
 */
export function listProgrammes(db: DbOrTx): ProgrammeOption[] {
  return db
    .select({
      id: programmes.id,
      name: programmes.name,
      nextOrdinal: sql<number>`coalesce(max(${rounds.ordinal}), 0) + 1`,
    })
    .from(programmes)
    .leftJoin(rounds, eq(rounds.programmeId, programmes.id))
    .groupBy(programmes.id)
    .orderBy(asc(programmes.name))
    .all();
}

export function getProgramme(db: DbOrTx, programmeId: number) {
  return db.select().from(programmes).where(eq(programmes.id, programmeId)).get() ?? null;
}
