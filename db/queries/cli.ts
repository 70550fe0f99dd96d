import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { organisations, programmes, rounds, type NewProgramme, type Programme } from "../schema";
import { writeAudit, type AuditActor } from "@/lib/audit";

/* The admin CLI's lookups (programmes and rounds by what an administrator types) and its programme write. */

export type ProgrammeRef = { id: number; name: string };
export type RoundRef = { id: number; ordinal: number; year: number; programme: string };

export function getProgrammeRefById(db: DbOrTx, id: number): ProgrammeRef | null {
  return db.select({ id: programmes.id, name: programmes.name }).from(programmes).where(eq(programmes.id, id)).get() ?? null;
}

/** A programme by its name (any case) or its code (HJ). */
export function findProgrammeByNameOrCode(db: DbOrTx, value: string): ProgrammeRef | null {
  return (
    db
      .select({ id: programmes.id, name: programmes.name })
      .from(programmes)
      .where(sql`lower(${programmes.name}) = lower(${value}) OR upper(${programmes.code}) = upper(${value})`)
      .get() ?? null
  );
}

export function findProgrammeByName(db: DbOrTx, name: string): ProgrammeRef | null {
  return db.select({ id: programmes.id, name: programmes.name }).from(programmes).where(eq(sql`lower(${programmes.name})`, sql`lower(${name})`)).get() ?? null;
}

export function findProgrammeByCode(db: DbOrTx, code: string): ProgrammeRef | null {
  return db.select({ id: programmes.id, name: programmes.name }).from(programmes).where(eq(programmes.code, code)).get() ?? null;
}

/** Inserts a programme and its audit event, in the caller's write transaction. */
export function insertProgramme(tx: DbOrTx, values: Omit<NewProgramme, "id">, actor: AuditActor): Programme {
  const programme = tx.insert(programmes).values(values).returning().get();
  writeAudit(tx, { actor, action: "programme.create", entityType: "programme", entityId: programme.id, after: programme });
  return programme;
}

const roundColumns = { id: rounds.id, ordinal: rounds.ordinal, year: rounds.year, programme: programmes.name };

/** The rounds with this ordinal, in one programme or in all. */
export function listRoundsByOrdinal(db: DbOrTx, ordinal: number, programmeId?: number): RoundRef[] {
  return db
    .select(roundColumns)
    .from(rounds)
    .innerJoin(programmes, eq(programmes.id, rounds.programmeId))
    .where(and(eq(rounds.ordinal, ordinal), programmeId === undefined ? undefined : eq(rounds.programmeId, programmeId)))
    .all();
}

export function getRoundRef(db: DbOrTx, id: number): RoundRef | null {
  return db.select(roundColumns).from(rounds).innerJoin(programmes, eq(programmes.id, rounds.programmeId)).where(eq(rounds.id, id)).get() ?? null;
}

export function organisationExists(db: DbOrTx, id: number): boolean {
  return db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, id)).get() !== undefined;
}
