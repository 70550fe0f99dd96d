import { asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { programmes, rounds, type NewProgramme, type Programme } from "../schema";
import { writeAudit, type AuditActor } from "@/lib/audit";

export type ProgrammeOption = {
  id: number;
  name: string;
  nameEn: string | null;
  nextOrdinal: number;
  /** The round marked as the programme's last, if any: a round after it is created only when confirmed. */
  lastRound: { ordinal: number; year: number } | null;
};

/**
 * The programmes for a picker, by name, each with the ordinal its next round would get (one more than its
 * highest), so a new-round form can suggest it, and its last round (the highest ordinal marked last), so the form
 * can ask before a round is added after it.
 */
export function listProgrammes(db: DbOrTx): ProgrammeOption[] {
  const rows = db
    .select({
      id: programmes.id,
      name: programmes.name,
      nameEn: programmes.nameEn,
      nextOrdinal: sql<number>`coalesce(max(${rounds.ordinal}), 0) + 1`,
      lastOrdinal: sql<number | null>`max(CASE WHEN ${rounds.isLast} THEN ${rounds.ordinal} END)`,
      lastYear: sql<number | null>`max(CASE WHEN ${rounds.isLast} THEN ${rounds.year} END)`,
    })
    .from(programmes)
    .leftJoin(rounds, eq(rounds.programmeId, programmes.id))
    .groupBy(programmes.id)
    .orderBy(asc(programmes.name))
    .all();
  return rows.map(({ lastOrdinal, lastYear, ...programme }) => ({
    ...programme,
    lastRound: lastOrdinal === null ? null : { ordinal: Number(lastOrdinal), year: Number(lastYear) },
  }));
}

export function getProgramme(db: DbOrTx, programmeId: number) {
  return db.select().from(programmes).where(eq(programmes.id, programmeId)).get() ?? null;
}

/** Writes a programme and its programme.create event; call inside the caller's write transaction. */
export function insertProgramme(tx: DbOrTx, fields: Pick<NewProgramme, "name" | "nameEn" | "code" | "funder" | "allocation">, actor: AuditActor): Programme {
  const now = new Date();
  const programme = tx.insert(programmes).values({ ...fields, createdAt: now, updatedAt: now }).returning().get();
  writeAudit(tx, { actor, action: "programme.create", entityType: "programme", entityId: programme.id, after: programme, at: now });
  return programme;
}
