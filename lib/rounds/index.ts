import { and, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { getProgramme } from "@/db/queries/programmes";
import { applications, rounds, type Round, type RoundStatus } from "@/db/schema";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { grantedInRound } from "@/lib/decisions/record";
import { inWriteTransaction } from "@/db/transaction";
import { DomainError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation/errors";
import { formatKronor } from "@/lib/format/amount";
import { ordinalInWords } from "@/lib/format/ordinal";
import {
  roundFormSchema,
  setRoundStatusSchema,
  updateRoundSchema,
  type RoundFormInput,
  type RoundFormValues,
  type SetRoundStatusInput,
  type UpdateRoundInput,
} from "./schema";

export { listProgrammes, type ProgrammeOption } from "@/db/queries/programmes";

/*
 * Setting up rounds: create, change, open and close. Each function validates its input with the form's schema
 * (whatever the caller checked), runs in one write transaction with its audit event, and throws DomainError,
 * having written nothing, when it refuses.
 */

export const ROUND_CONFLICT_MESSAGE =
  "Någon annan har ändrat omgången medan du arbetade med den. Ladda om sidan för att se de nya uppgifterna och gör om dina ändringar.";

/** A new round is planned (it already takes registrations); the CLI may create it open at once. */
export function createRound(db: Db, input: RoundFormInput, actor: AuditActor, options: { status?: "planned" | "open" } = {}): Round {
  const fields = parse(roundFormSchema, input);
  return inWriteTransaction(db, (tx) => {
    assertProgrammeExists(tx, fields.programmeId);
    assertOrdinalFree(tx, fields.programmeId, fields.ordinal);
    const now = new Date();
    const round = tx
      .insert(rounds)
      .values({ ...columnsOf(fields), status: options.status ?? "planned", createdAt: now, updatedAt: now })
      .returning()
      .get();
    writeAudit(tx, { actor, action: "round.create", entityType: "round", entityId: round.id, after: round, at: now });
    return round;
  });
}

/**
 * Saves the edit form. Refused when someone else saved the round since the form was loaded (code "conflict"), when
 * the ordinal is taken, or when the budget would fall below what the round has already granted.
 */
export function updateRound(db: Db, input: UpdateRoundInput, actor: AuditActor): Round {
  const { roundId, version, ...fields } = parse(updateRoundSchema, input);
  return inWriteTransaction(db, (tx) => {
    const existing = loadRound(tx, roundId);
    assertVersion(existing, version);

    if (fields.programmeId !== existing.programmeId) {
      assertProgrammeExists(tx, fields.programmeId);
      // Registration numbers carry the programme's code: a round with applications stays where it is.
      if (hasApplications(tx, existing.id)) {
        const message = "Omgången har redan ansökningar och kan inte flyttas till ett annat program.";
        throw new DomainError(message, { programmeId: [message] }, "programme");
      }
    }
    assertOrdinalFree(tx, fields.programmeId, fields.ordinal, existing.id);

    const granted = grantedInRound(tx, existing.id);
    if (fields.budget < granted) {
      const message = `Budgeten kan inte vara lägre än det som redan har beviljats i omgången: ${formatKronor(granted)}.`;
      throw new DomainError(message, { budget: [message] }, "budget", { granted });
    }

    const now = new Date();
    const round = tx
      .update(rounds)
      .set({ ...columnsOf(fields), version: sql`${rounds.version} + 1`, updatedAt: now })
      .where(and(eq(rounds.id, existing.id), eq(rounds.version, version)))
      .returning()
      .get();
    if (!round) throw conflict(existing.version);
    writeAudit(tx, { actor, action: "round.update", entityType: "round", entityId: round.id, before: existing, after: round, at: now });
    return round;
  });
}

/**
 * Opens a round for new applications, or closes it (a closed round takes no new registrations; decisions go on).
 * A decided round is finished and is neither opened nor closed again.
 */
export function setRoundStatus(db: Db, input: SetRoundStatusInput, actor: AuditActor): Round {
  const { roundId, status, version } = parse(setRoundStatusSchema, input);
  return inWriteTransaction(db, (tx) => {
    const existing = loadRound(tx, roundId);
    assertVersion(existing, version);
    assertStatusChange(existing.status, status);

    const now = new Date();
    const round = tx
      .update(rounds)
      .set({ status, version: sql`${rounds.version} + 1`, updatedAt: now })
      .where(and(eq(rounds.id, existing.id), eq(rounds.version, version)))
      .returning()
      .get();
    if (!round) throw conflict(existing.version);
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
  });
}

/** Whether a round in this status may be opened, or closed, by hand (what the edit page offers). */
export function canChangeStatus(from: RoundStatus, to: "open" | "closed"): boolean {
  return statusChangeRefusal(from, to) === null;
}

// ---------------------------------------------------------------- helpers

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new DomainError(parsed.error.issues[0]?.message ?? "Kontrollera omgången.", fieldErrorsOf(parsed.error), "invalid");
}

function columnsOf(fields: RoundFormValues) {
  return {
    programmeId: fields.programmeId,
    ordinal: fields.ordinal,
    year: fields.year,
    budget: fields.budget,
    opensOn: fields.opensOn,
    closesOn: fields.closesOn,
    decisionOn: fields.decisionOn,
    criteria: fields.criteria,
    isLast: fields.isLast,
  };
}

function loadRound(tx: DbOrTx, roundId: number): Round {
  const round = tx.select().from(rounds).where(eq(rounds.id, roundId)).get();
  if (!round) throw new DomainError("Omgången finns inte.", undefined, "not_found");
  return round;
}

function conflict(currentVersion: number): DomainError {
  return new DomainError(ROUND_CONFLICT_MESSAGE, undefined, "conflict", { currentVersion });
}

function assertVersion(existing: Round, expected: number): void {
  if (existing.version !== expected) throw conflict(existing.version);
}

function assertProgrammeExists(tx: DbOrTx, programmeId: number): void {
  if (!getProgramme(tx, programmeId)) {
    throw new DomainError("Programmet finns inte.", { programmeId: ["Välj ett program i listan."] }, "programme");
  }
}

function assertOrdinalFree(tx: DbOrTx, programmeId: number, ordinal: number, exceptRoundId?: number): void {
  const taken = tx
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
  if (taken) {
    const message = `Programmet har redan en ${ordinalInWords(ordinal)} omgång.`;
    throw new DomainError(message, { ordinal: [message] }, "ordinal_taken", { roundId: taken.id });
  }
}

function hasApplications(tx: DbOrTx, roundId: number): boolean {
  return tx.select({ id: applications.id }).from(applications).where(eq(applications.roundId, roundId)).limit(1).get() !== undefined;
}

function statusChangeRefusal(from: RoundStatus, to: "open" | "closed"): string | null {
  if (from === "decided") return "Omgången är redan beslutad och kan inte öppnas eller stängas igen.";
  if (to === "open" && from === "open") return "Omgången är redan öppen.";
  if (to === "closed" && from === "closed") return "Omgången är redan stängd för nya ansökningar.";
  return null;
}

function assertStatusChange(from: RoundStatus, to: "open" | "closed"): void {
  const refusal = statusChangeRefusal(from, to);
  if (refusal) throw new DomainError(refusal, undefined, "status");
}
