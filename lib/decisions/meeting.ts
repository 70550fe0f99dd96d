import { asc, eq } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { applications, decisions, organisations, rounds, type DecisionOutcome } from "@/db/schema";
import type { AuditActor } from "@/lib/audit";
import { DomainError } from "@/lib/errors";
import { formatKronor } from "@/lib/format/amount";
import { grantedInRound, recordDecision } from "./record";
import { inWriteTransaction } from "@/db/transaction";

/*
 * The decision meeting: every application of a round decided in one go, all or nothing. Each changed row goes
 * through recordDecision (budget, version, audit) inside ONE write transaction, so a single refusal rolls back every
 * decision the meeting had already written.
 */

export type MeetingApplication = {
  id: number;
  registrationNumber: string;
  organisationName: string;
  projectTitle: string;
  requestedAmount: number;
  decision: { outcome: DecisionOutcome; grantedAmount: number; version: number } | null;
};

/**
 * The round's applications with their decisions, in registration-number order, in one query on the
 * (round_id, registration_number) index. `limit` caps what a page renders.
 */
export function listMeetingApplications(db: DbOrTx, roundId: number, limit?: number): MeetingApplication[] {
  const query = db
    .select({
      id: applications.id,
      registrationNumber: applications.registrationNumber,
      organisationName: organisations.name,
      projectTitle: applications.projectTitle,
      requestedAmount: applications.requestedAmount,
      decisionOutcome: decisions.outcome,
      decisionGranted: decisions.grantedAmount,
      decisionVersion: decisions.version,
    })
    .from(applications)
    .innerJoin(organisations, eq(organisations.id, applications.leadOrganisationId))
    .leftJoin(decisions, eq(decisions.applicationId, applications.id))
    .where(eq(applications.roundId, roundId))
    .orderBy(asc(applications.registrationNumber));
  const rows = limit === undefined ? query.all() : query.limit(limit).all();
  return rows.map(({ decisionOutcome, decisionGranted, decisionVersion, ...row }) => ({
    ...row,
    decision:
      decisionOutcome !== null && decisionGranted !== null && decisionVersion !== null
        ? { outcome: decisionOutcome, grantedAmount: decisionGranted, version: decisionVersion }
        : null,
  }));
}

export type MeetingRow = {
  applicationId: number;
  /** null: "Ej beslutad", the row is left as it is. */
  outcome: DecisionOutcome | null;
  grantedAmount: number;
  /** The version of the decision the officer saw; undefined when the application had none. */
  expectedVersion?: number;
};

export type MeetingInput = {
  decidedOn: string; // YYYY-MM-DD, for every decision the meeting makes
  motivation: string; // common to every decision the meeting makes
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
 * unchanged are skipped; every other row is recorded with the meeting's date and motivation. Any refusal (over
 * budget, a decision made elsewhere meanwhile, an invalid row) throws a DomainError naming the row by registration
 * number, with its field error at `rows.<index>.<field>`, and nothing is written.
 */
export function recordMeetingDecisions(db: Db, roundId: number, input: MeetingInput, actor: AuditActor): MeetingResult {
  return inWriteTransaction(db, (tx) => {
    const round = tx.select({ budget: rounds.budget }).from(rounds).where(eq(rounds.id, roundId)).get();
    if (!round) throw new DomainError("Omgången finns inte.", undefined, "not_found");
    const byId = new Map(listMeetingApplications(tx, roundId).map((a) => [a.id, a]));

    const result: MeetingResult = { created: 0, updated: 0, unchanged: 0, skipped: 0 };
    const changes: { index: number; row: MeetingRow; application: MeetingApplication; delta: number }[] = [];
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
      if (existing && existing.outcome === row.outcome && existing.grantedAmount === granted) {
        result.unchanged++;
        return;
      }
      const previous = existing?.outcome === "approved" ? existing.grantedAmount : 0;
      changes.push({ index, row, application, delta: granted - previous });
    });

    // Rows that free money go first, so a meeting that moves money between applications never trips the budget
    // check halfway through when its end result fits.
    changes.sort((a, b) => a.delta - b.delta || a.index - b.index);
    const grantedBefore = grantedInRound(tx, roundId);
    for (const { index, row, application } of changes) {
      try {
        const recorded = recordDecision(
          tx,
          {
            applicationId: application.id,
            outcome: row.outcome ?? "rejected",
            grantedAmount: row.grantedAmount,
            motivation: input.motivation,
            decidedOn: input.decidedOn,
            expectedVersion: row.expectedVersion,
          },
          actor,
        );
        if (recorded.created) result.created++;
        else result.updated++;
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        if (error.code === "budget") {
          const proposed = grantedBefore + changes.reduce((sum, c) => sum + c.delta, 0);
          throw rowError(index, application, error, overBudgetMessage(proposed, round.budget));
        }
        throw rowError(index, application, error);
      }
    }
    return result;
  });
}

function staleMessage(sawDecision: boolean): string {
  return sawDecision
    ? "Beslutet har ändrats av någon annan under tiden. Ladda om sidan och försök igen."
    : "Någon annan har beslutat om ansökan under tiden. Ladda om sidan och försök igen.";
}

function overBudgetMessage(proposed: number, budget: number): string {
  if (proposed <= budget) return `Förslagen ryms inte i omgångens budget. ${MEETING_NOTHING_WRITTEN}`;
  return `Förslagen beviljar ${formatKronor(proposed)} men budgeten är ${formatKronor(budget)}: ${formatKronor(proposed - budget)} för mycket. ${MEETING_NOTHING_WRITTEN}`;
}

// The meeting's common fields keep their names; a row's own fields are re-keyed to the row, so the table shows the
// message in the row that caused it.
const COMMON_FIELDS = new Set(["decidedOn", "motivation"]);

function rowError(index: number, application: MeetingApplication, error: DomainError, formMessage?: string): DomainError {
  if (error.code === "round_planned" || error.code === "round_decided") return error;
  const fieldErrors: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(error.fieldErrors ?? {})) {
    const key = COMMON_FIELDS.has(field) ? field : `rows.${index}.${field === "grantedAmount" ? "grantedAmount" : "outcome"}`;
    (fieldErrors[key] ??= []).push(...messages);
  }
  if (Object.keys(fieldErrors).length === 0) fieldErrors[`rows.${index}.outcome`] = [error.message];
  return new DomainError(formMessage ?? `${application.registrationNumber}: ${error.message} ${MEETING_NOTHING_WRITTEN}`, fieldErrors, error.code, {
    row: index,
    registrationNumber: application.registrationNumber,
    applicationId: application.id,
  });
}
