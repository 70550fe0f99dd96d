import type { Db } from "@/db/client";
import { registerApplication } from "@/lib/applications/register";
import type { AuditActor } from "@/lib/audit";
import { recordDecision } from "@/lib/decisions/record";
import { inWriteTransaction } from "@/db/transaction";
import { DomainError } from "@/lib/errors";
import { refreshReleaseFacts } from "@/lib/press/stale";
import type { CellError, SpreadsheetRow } from "./columns";
import { domainErrorCells, recheckInTransaction, validateImportRows, type ImportPreview, type ImportPreviewRow } from "./validate";

/*
 * Imports the applications of a spreadsheet into a round: validated first (nothing written for an invalid row), then
 * every valid row registered, with its decision, in one write transaction. All or nothing: one invalid row (or one
 * that fails while writing) leaves the database as it was. Otherwise each failing row is rolled back on its own
 * (a savepoint) and reported, and the others are imported.
 */

export type ImportRowReport =
  | { rowNumber: number; status: "imported"; applicationId: number; registrationNumber: string; errors: [] }
  | { rowNumber: number; status: "refused"; errors: CellError[] }
  /** Valid, but not imported because another row stopped an all-or-nothing import. */
  | { rowNumber: number; status: "skipped"; errors: [] };

export type ImportReport = { imported: number; refused: number; skipped: number; rows: ImportRowReport[] };

export type ImportOptions = {
  allOrNothing: boolean;
  actor: AuditActor;
  onProgress?: (done: number, total: number) => void;
  /** Row numbers as the spreadsheet shows them (parseSpreadsheet's rowNumbers); default: index + 2. */
  rowNumbers?: number[];
  /**
   * The same rows as checked just before, outside the transaction (validateImportRows). Inside it, only what can
   * have changed meanwhile is checked again (recheckInTransaction): the write lock is held for writing, not for
   * checking a whole file. Without it, every row is checked inside the transaction.
   */
  checked?: ImportPreview;
};

class AbortImport extends Error {}

export function importApplications(db: Db, roundId: number, rows: SpreadsheetRow[], options: ImportOptions): ImportReport {
  const results: ImportRowReport[] = [];
  let preview: ImportPreview | undefined;
  try {
    inWriteTransaction(db, (tx) => {
      // Checked inside the write transaction, by the same rules as the preview: nothing can change in between.
      const checked = options.checked
        ? recheckInTransaction(tx, roundId, options.checked)
        : validateImportRows(tx, roundId, rows, options.rowNumbers);
      preview = checked;
      if (options.allOrNothing && checked.invalid > 0) throw new AbortImport();
      const total = checked.rows.length;
      checked.rows.forEach((row, index) => {
        if (row.errors.length > 0 || !row.fields) {
          results.push(refusedRow(row, row.errors));
        } else {
          const fields = row.fields;
          try {
            // A savepoint per row: a row refused here takes only its own writes with it.
            const registered = tx.transaction((sp) => {
              const application = registerApplication(sp, roundId, fields, options.actor, { allowClosedRound: true });
              if (row.decision) {
                recordDecision(sp, { applicationId: application.id, ...row.decision }, options.actor, { allowDecidedRound: true, imported: true });
              }
              return application;
            });
            results.push({
              rowNumber: row.rowNumber,
              status: "imported",
              applicationId: registered.id,
              registrationNumber: registered.registrationNumber,
              errors: [],
            });
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            results.push(refusedRow(row, domainErrorCells(error)));
            if (options.allOrNothing) throw new AbortImport();
          }
        }
        options.onProgress?.(index + 1, total);
      });
      if (results.some((r) => r.status === "imported")) refreshReleaseFacts(tx, [roundId], options.actor);
    });
  } catch (error) {
    if (!(error instanceof AbortImport) || !preview) throw error;
    // Rolled back: the rows reported as imported were not, and the rest were never tried.
    const refused = new Map(results.filter((r) => r.status === "refused").map((r) => [r.rowNumber, r]));
    return summarise(
      preview.rows.map((row) => refused.get(row.rowNumber) ?? (row.errors.length > 0 ? refusedRow(row, row.errors) : skippedRow(row))),
    );
  }
  return summarise(results);
}

function refusedRow(row: ImportPreviewRow, errors: CellError[]): ImportRowReport {
  return { rowNumber: row.rowNumber, status: "refused", errors };
}

function skippedRow(row: ImportPreviewRow): ImportRowReport {
  return { rowNumber: row.rowNumber, status: "skipped", errors: [] };
}

export function summarise(rows: ImportRowReport[]): ImportReport {
  return {
    imported: rows.filter((r) => r.status === "imported").length,
    refused: rows.filter((r) => r.status === "refused").length,
    skipped: rows.filter((r) => r.status === "skipped").length,
    rows,
  };
}
