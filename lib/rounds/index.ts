import { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { getProgramme } from "@/db/queries/programmes";
import {
  findLastRound,
  findRound,
  findRoundIdByOrdinal,
  insertRound,
  roundHasApplications,
  sumGrantedInRound,
  updateRoundFields,
  updateRoundStatus,
  type RoundFields,
} from "@/db/queries/rounds";
import type { Round } from "@/db/schema";
import { inWriteTransaction } from "@/db/transaction";
import type { AuditActor } from "@/lib/audit";
import type { RoundStatus } from "@/lib/enums";
import { DomainError } from "@/lib/errors";
import { formatKronor } from "@/lib/format/amount";
import { ordinalInWords } from "@/lib/format/ordinal";
import { fieldErrorsOf } from "@/lib/validation/errors";
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
 * (whatever the caller checked), runs in one write transaction (BEGIN IMMEDIATE) with its audit event, and throws
 * DomainError, having written nothing, when it refuses. The rules are here; every table access is in db/queries.
 */

export const ROUND_CONFLICT_MESSAGE =
  "Någon annan har ändrat omgången medan du arbetade med den. Ladda om sidan för att se de nya uppgifterna och gör om dina ändringar.";

/** "Programmet har redan en sista omgång, den femte (2013). Bekräfta att du vill lägga till en omgång efter den." */
export function afterLastRoundMessage(last: { ordinal: number; year: number }): string {
  return `Programmet har redan en sista omgång, den ${ordinalInWords(last.ordinal)} (${last.year}). Bekräfta att du vill lägga till en omgång efter den.`;
}

/**
 * A new round is planned (it already takes registrations); the CLI may create it open at once. A round after the
 * programme's last round is refused (code "after_last", at the confirmAfterLast field) unless the input confirms it.
 */
export function createRound(db: Db, input: RoundFormInput, actor: AuditActor, options: { status?: "planned" | "open" } = {}): Round {
  const { confirmAfterLast, ...fields } = parse(roundFormSchema, input);
  return inWriteTransaction(db, (tx) => {
    assertProgrammeExists(tx, fields.programmeId);
    assertOrdinalFree(tx, fields.programmeId, fields.ordinal);
    const last = findLastRound(tx, fields.programmeId);
    if (last && fields.ordinal > last.ordinal && !confirmAfterLast) {
      const message = afterLastRoundMessage(last);
      throw new DomainError(message, { confirmAfterLast: [message] }, "after_last", { roundId: last.id });
    }
    return insertRound(tx, columnsOf(fields), options.status ?? "planned", actor);
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
      if (roundHasApplications(tx, existing.id)) {
        const message = "Omgången har redan ansökningar och kan inte flyttas till ett annat program.";
        throw new DomainError(message, { programmeId: [message] }, "programme");
      }
    }
    assertOrdinalFree(tx, fields.programmeId, fields.ordinal, existing.id);

    const granted = sumGrantedInRound(tx, existing.id);
    if (fields.budget < granted) {
      const message = `Budgeten kan inte vara lägre än det som redan har beviljats i omgången: ${formatKronor(granted)}.`;
      throw new DomainError(message, { budget: [message] }, "budget", { granted });
    }

    const round = updateRoundFields(tx, existing, version, columnsOf(fields), actor);
    if (!round) throw conflict(existing.version);
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
    const round = updateRoundStatus(tx, existing, version, status, actor);
    if (!round) throw conflict(existing.version);
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

function columnsOf(fields: Omit<RoundFormValues, "confirmAfterLast">): RoundFields {
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
  const round = findRound(tx, roundId);
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
  const taken = findRoundIdByOrdinal(tx, programmeId, ordinal, exceptRoundId);
  if (taken !== null) {
    const message = `Programmet har redan en ${ordinalInWords(ordinal)} omgång.`;
    throw new DomainError(message, { ordinal: [message] }, "ordinal_taken", { roundId: taken });
  }
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
