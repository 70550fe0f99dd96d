import type { Db } from "@/db/client";
import { getRoundBudget, grantedInRound, listMeetingApplications, type MeetingApplication } from "@/db/queries/decisions";
import { inWriteTransaction } from "@/db/transaction";
import type { AuditActor } from "@/lib/audit";
import type { ApplicationScope } from "@/lib/auth/permissions";
import type { DecisionOutcome } from "@/lib/enums";
import { DomainError } from "@/lib/errors";
import { formatKronor } from "@/lib/format/amount";
import { refreshReleaseFacts } from "@/lib/press/stale";
import { recordDecision } from "./record";

/*
 * The decision meeting: every application of a round decided in one go, all or nothing. Each changed row goes
 * through recordDecision (budget, version, motivation, audit) inside ONE write transaction, so a single refusal
 * rolls back every decision the meeting had already written.
 */

export type { MeetingApplication };

/** The round's applications with their decisions, for the meeting's table (see db/queries/decisions.ts). */
export { listMeetingApplications };

export type MeetingRow = {
  applicationId: number;
  /** null: "Ej beslutad", the row is left as it is. */
  outcome: DecisionOutcome | null;
  grantedAmount: number;
  /** The row's own motivation: the reason its letter gives. Required for every decision the meeting makes. */
  motivation: string;
  /** The officer confirmed granting this row more than it requested. */
  confirmOverRequest?: boolean;
  /** The version of the decision the officer saw; undefined when the application had none. */
  expectedVersion?: number;
};

export type MeetingInput = {
  decidedOn: string; // YYYY-MM-DD, for every decision the meeting makes
  rows: readonly MeetingRow[];
};

export type MeetingResult = {
  created: number;
  updated: number;
  /** Rows whose decision already was what the meeting proposed. */
  unchanged: number;
  /** Rows left "Ej beslutad". */
  skipped: number;
};

export const MEETING_NOTHING_WRITTEN = "Inga beslut har fattats.";

/**
 * Records the meeting's decisions in one write transaction. Rows left undecided and rows whose existing decision is
 * unchanged are skipped; every other row is recorded with the meeting's date and its own motivation. Any refusal
 * (over budget, a decision made elsewhere meanwhile, an invalid row) throws a DomainError naming the row by
 * registration number, with its field error at `rows.<index>.<field>`, and nothing is written.
 */
export function recordMeetingDecisions(
  db: Db,
  roundId: number,
  input: MeetingInput,
  actor: AuditActor,
  scope: ApplicationScope = { kind: "all" },
): MeetingResult {
  return inWriteTransaction(db, (tx) => {
    const round = getRoundBudget(tx, roundId);
    if (!round) throw new DomainError("Omgången finns inte.", undefined, "not_found");
    const byId = new Map(listMeetingApplications(tx, roundId, scope).map((a) => [a.id, a]));

    const result: MeetingResult = { created: 0, updated: 0, unchanged: 0, skipped: 0 };
    const changes: { index: number; row: MeetingRow; application: MeetingApplication; delta: number }[] = [];
    /** What each row grants once the meeting is recorded, in the order of the table. */
    const proposed: { index: number; application: MeetingApplication; granted: number }[] = [];
    const seen = new Set<number>();
    input.rows.forEach((row, index) => {
      const application = byId.get(row.applicationId);
      if (!application || seen.has(row.applicationId)) {
        throw new DomainError(`Rad ${index + 1} hör inte till omgången eller finns två gånger. ${MEETING_NOTHING_WRITTEN}`, undefined, "invalid", {
          row: index,
        });
      }
      seen.add(row.applicationId);
      const existing = application.decision;
      if (existing?.version !== row.expectedVersion) {
        throw rowError(index, application, new DomainError(staleMessage(row.expectedVersion !== undefined), undefined, "stale"));
      }
      if (row.outcome === null) {
        if (existing) {
          // Taking a decision back needs a reason and is done on the application's page.
          throw rowError(index, application, new DomainError("Ett fattat beslut kan inte tas bort i beslutsmötet.", { outcome: ["Ett fattat beslut kan inte tas bort i beslutsmötet."] }, "invalid"));
        }
        result.skipped++;
        return;
      }
      const granted = row.outcome === "approved" ? row.grantedAmount : 0;
      proposed.push({ index, application, granted });
      const motivation = row.motivation.trim();
      if (
        existing &&
        existing.outcome === row.outcome &&
        existing.grantedAmount === granted &&
        (motivation === "" || motivation === existing.motivation.trim())
      ) {
        result.unchanged++;
        return;
      }
      const previous = existing?.outcome === "approved" ? existing.grantedAmount : 0;
      changes.push({ index, row, application, delta: granted - previous });
    });

    // Rows that free money go first, so a meeting that moves money between applications never trips the budget
    // check halfway through when its end result fits.
    changes.sort((a, b) => a.delta - b.delta || a.index - b.index);
    // Read before anything is written: what the round has granted outside the meeting's rows.
    const grantedElsewhere = grantedOutside(tx, roundId, proposed, byId);
    for (const { index, row, application } of changes) {
      try {
        const recorded = recordDecision(
          tx,
          {
            applicationId: application.id,
            outcome: row.outcome ?? "rejected",
            grantedAmount: row.grantedAmount,
            motivation: row.motivation,
            decidedOn: input.decidedOn,
            expectedVersion: row.expectedVersion,
            confirmOverRequest: row.confirmOverRequest,
          },
          actor,
          { scope },
        );
        if (recorded.created) result.created++;
        else result.updated++;
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        if (error.code === "budget") throw budgetError(grantedElsewhere, round.budget, proposed, index, application, error);
        throw rowError(index, application, error);
      }
    }
    if (changes.length > 0) refreshReleaseFacts(tx, [roundId], actor);
    return result;
  });
}

/*
 * Which row breaks the budget is a question of the table as the officer reads it: the rows in their order, each
 * adding what it grants to what the rest of the round has granted, and the first one where the running sum passes
 * the budget. (The order the rows are written in, reductions first, is an implementation detail: blaming the row
 * that was written when the check tripped named a row that fit.)
 */
function grantedOutside(
  tx: Parameters<typeof grantedInRound>[0],
  roundId: number,
  proposed: { application: MeetingApplication }[],
  byId: Map<number, MeetingApplication>,
): number {
  let granted = grantedInRound(tx, roundId);
  for (const { application } of proposed) {
    const decision = byId.get(application.id)?.decision;
    if (decision?.outcome === "approved") granted -= decision.grantedAmount;
  }
  return granted;
}

function budgetError(
  grantedElsewhere: number,
  budget: number,
  proposed: { index: number; application: MeetingApplication; granted: number }[],
  failedIndex: number,
  failedApplication: MeetingApplication,
  error: DomainError,
): DomainError {
  const total = proposed.reduce((sum, p) => sum + p.granted, grantedElsewhere);
  let running = grantedElsewhere;
  for (const p of proposed) {
    if (p.granted > 0 && running + p.granted > budget) {
      const left = Math.max(0, budget - running);
      const message = `Beloppet överstiger det som finns kvar av omgångens budget: ${formatKronor(left)} återstår.`;
      return rowError(p.index, p.application, new DomainError(message, { grantedAmount: [message] }, "budget"), overBudgetMessage(total, budget, p.application));
    }
    running += p.granted;
  }
  return rowError(failedIndex, failedApplication, error, overBudgetMessage(total, budget, failedApplication));
}

function staleMessage(sawDecision: boolean): string {
  return sawDecision
    ? "Beslutet har ändrats av någon annan under tiden. Ladda om sidan och försök igen."
    : "Någon annan har beslutat om ansökan under tiden. Ladda om sidan och försök igen.";
}

function overBudgetMessage(proposed: number, budget: number, culprit: MeetingApplication): string {
  if (proposed <= budget) return `Förslagen ryms inte i omgångens budget. ${MEETING_NOTHING_WRITTEN}`;
  return (
    `Förslagen beviljar ${formatKronor(proposed)} men budgeten är ${formatKronor(budget)}: ${formatKronor(proposed - budget)} för mycket. ` +
    `Budgeten tar slut vid ${culprit.registrationNumber}. ${MEETING_NOTHING_WRITTEN}`
  );
}

// The meeting's common field keeps its name; a row's own fields are re-keyed to the row, so the table shows the
// message in the row that caused it.
const ROW_FIELDS = new Set(["grantedAmount", "motivation", "confirmOverRequest"]);

function rowError(index: number, application: MeetingApplication, error: DomainError, formMessage?: string): DomainError {
  if (error.code === "round_planned" || error.code === "round_decided") return error;
  const fieldErrors: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(error.fieldErrors ?? {})) {
    const key = field === "decidedOn" ? field : `rows.${index}.${ROW_FIELDS.has(field) ? field : "outcome"}`;
    (fieldErrors[key] ??= []).push(...(messages ?? []));
  }
  if (Object.keys(fieldErrors).length === 0) fieldErrors[`rows.${index}.outcome`] = [error.message];
  return new DomainError(formMessage ?? `${application.registrationNumber}: ${error.message} ${MEETING_NOTHING_WRITTEN}`, fieldErrors, error.code, {
    row: index,
    registrationNumber: application.registrationNumber,
    applicationId: application.id,
  });
}
