import type { Db } from "@/db/client";
import { getDecisionVersion, listApplicationsByRegistrationNumber } from "@/db/queries/import";
import type { AuditActor } from "@/lib/audit";
import { recordDecision } from "@/lib/decisions/record";
import { inWriteTransaction } from "@/db/transaction";
import { DomainError } from "@/lib/errors";
import { refreshReleaseFacts } from "@/lib/press/stale";
import { summarise, type ImportReport, type ImportRowReport } from "./apply";
import { decisionRowSchema, type CellError, type SpreadsheetRow } from "./columns";
import { domainErrorCells, readDecisionCells, type ImportDecision } from "./validate";

/*
 * Imports decisions on applications already registered in a round (columns registration_number, decision,
 * granted_amount, decided_at, motivation): all or nothing, in one write transaction, each through recordDecision
 * so the budget is checked row by row as the decisions are written. A decision already on an application is
 * replaced (the file is the officer's final word), and the change is audited as decision.update.
 */

export function importDecisions(
  db: Db,
  roundId: number,
  rows: SpreadsheetRow[],
  options: { actor: AuditActor; rowNumbers?: number[] },
): ImportReport {
  const numbers = [...new Set(rows.map((r) => (r.registration_number ?? "").trim()).filter(Boolean))];
  const found = new Map(listApplicationsByRegistrationNumber(db, numbers).map((a) => [a.registrationNumber, a]));

  const seen = new Map<string, number>();
  const checked = rows.map((rawRow, index) => {
    const rowNumber = options.rowNumbers?.[index] ?? index + 2;
    const errors: CellError[] = [];
    const refusedText = new Set<string>();
    const add = (column: string, message: string) => {
      if (!refusedText.has(column)) errors.push({ column, message });
    };
    const row = readDecisionRowCells(rawRow, (column, message) => {
      add(column, message);
      refusedText.add(column);
    });
    const number = (row.registration_number ?? "").trim();
    const application = found.get(number);
    if (number === "") add("registration_number", "Ange diarienumret.");
    else if (!application) add("registration_number", `Diarienumret ${number} finns inte.`);
    else if (application.roundId !== roundId) add("registration_number", `${number} hör till en annan omgång.`);
    const earlier = seen.get(number);
    if (number !== "" && earlier !== undefined) add("registration_number", `Samma diarienummer som rad ${earlier}.`);
    else seen.set(number, rowNumber);
    if ((row.decision ?? "").trim() === "") add("decision", "Ange beslutet: approved eller rejected.");
    const decision = readDecisionCells(row, add);
    return { rowNumber, registrationNumber: number, applicationId: application?.id, decision, errors };
  });

  if (checked.some((r) => r.errors.length > 0)) {
    return summarise(checked.map((r) => (r.errors.length > 0 ? refused(r.rowNumber, r.errors) : skipped(r.rowNumber))));
  }

  let failure: { rowNumber: number; errors: CellError[] } | undefined;
  try {
    inWriteTransaction(db, (tx) => {
      for (const row of checked) {
        const applicationId = row.applicationId as number;
        const decision = row.decision as ImportDecision;
        try {
          const expectedVersion = getDecisionVersion(tx, applicationId);
          recordDecision(tx, { applicationId, ...decision, expectedVersion }, options.actor, { allowDecidedRound: true, imported: true });
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          failure = { rowNumber: row.rowNumber, errors: domainErrorCells(error) };
          throw error;
        }
      }
      refreshReleaseFacts(tx, [roundId], options.actor);
    });
  } catch (error) {
    if (!(error instanceof DomainError) || !failure) throw error;
    const failed = failure;
    return summarise(checked.map((r) => (r.rowNumber === failed.rowNumber ? refused(r.rowNumber, failed.errors) : skipped(r.rowNumber))));
  }
  return summarise(
    checked.map((r) => ({
      rowNumber: r.rowNumber,
      status: "imported",
      applicationId: r.applicationId as number,
      registrationNumber: r.registrationNumber,
      errors: [],
    })),
  );
}

function refused(rowNumber: number, errors: CellError[]): ImportRowReport {
  return { rowNumber, status: "refused", errors };
}

function skipped(rowNumber: number): ImportRowReport {
  return { rowNumber, status: "skipped", errors: [] };
}

/** The decision row's cells as safe text (textField); a refused cell is reported at its column and read as empty. */
function readDecisionRowCells(row: SpreadsheetRow, add: (column: string, message: string) => void): SpreadsheetRow {
  const parsed = decisionRowSchema.safeParse(row);
  if (parsed.success) return parsed.data;
  const refusedColumns = new Set<string>();
  for (const issue of parsed.error.issues) {
    const column = String(issue.path[0] ?? "");
    refusedColumns.add(column);
    add(column, issue.message);
  }
  return decisionRowSchema.parse(Object.fromEntries(Object.entries(row).filter(([column]) => !refusedColumns.has(column))));
}
