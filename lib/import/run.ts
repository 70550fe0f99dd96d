import type { Db } from "@/db/client";
import type { AuditActor } from "@/lib/audit";
import { importApplications } from "./apply";
import type { ImportRowReport } from "./apply";
import { parseSpreadsheet } from "./parse";
import { validateImportRows, type ImportPreview } from "./validate";
import type { ImportEvent, ImportedRow, PreviewSummary, RefusedRow, ReportSummary } from "./protocol";

/*
 * One upload, checked or imported, as a sequence of progress events. Every step parses and validates the file again:
 * nothing from an earlier preview is trusted.
 *
 * The import itself is one transaction whichever the mode, as the officer is promised: every valid row or, with
 * all-or-nothing, none. better-sqlite3 is synchronous, so while that transaction runs nothing else in the process
 * does, not even writing a progress line; the page therefore shows the phases (checking N rows, saving N rows in
 * one transaction) rather than a row count during the write.
 */

/** How many rows each list in a preview or report carries; the counts always cover the whole file. */
export const LIST_LIMIT = 1000;

export type ImportRunInput = {
  roundId: number;
  bytes: Uint8Array;
  fileName: string;
  mode: "preview" | "import";
  allOrNothing: boolean;
  actor: AuditActor;
};

export type ImportRunOptions = {
  /** Lets the event loop run between phases, so the line just yielded reaches the network before the work starts. */
  pause?: () => Promise<void>;
  /** Told just before the write transaction begins (true) and when it has ended, however (false). */
  onWriting?: (writing: boolean) => void;
};

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function* runImport(db: Db, input: ImportRunInput, options: ImportRunOptions = {}): AsyncGenerator<ImportEvent> {
  const pause = options.pause ?? nextTick;

  const file = await parseSpreadsheet(input.bytes, input.fileName);
  if (!file.ok) {
    yield { phase: "error", message: file.error };
    return;
  }
  const total = file.rows.length;
  yield { phase: "validating", done: 0, total };
  await pause();
  // The whole file in one pass: duplicates within the file and the budget are judged in file order.
  const preview = validateImportRows(db, input.roundId, file.rows, file.rowNumbers);
  yield { phase: "validating", done: total, total };

  if (input.mode === "preview") {
    yield { phase: "preview", preview: previewSummary(preview) };
    return;
  }

  yield { phase: "importing", done: 0, total: input.allOrNothing && preview.invalid > 0 ? 0 : preview.valid, atomic: true };
  await pause();
  options.onWriting?.(true);
  try {
    // The check just made is this run's own (nothing from the page's earlier preview is trusted); inside the write
    // transaction what can have changed since (duplicates, the budget, the round) is checked again. Without
    // all-or-nothing, refused rows are reported and every valid one is written; with it, one refused row means
    // nothing is written.
    const report = importApplications(db, input.roundId, file.rows, {
      allOrNothing: input.allOrNothing,
      actor: input.actor,
      rowNumbers: file.rowNumbers,
      checked: preview,
    });
    yield { phase: "done", report: reportSummary(report.rows, input.allOrNothing) };
  } catch (error) {
    // The transaction rolled back: nothing of this file was written. The cause goes to the server log only.
    console.error(error);
    yield { phase: "error", message: "Något gick fel och ingenting lästes in. Försök igen." };
  } finally {
    options.onWriting?.(false);
  }
}

export function previewSummary(preview: ImportPreview): PreviewSummary {
  const validRows = preview.rows
    .filter((row) => row.errors.length === 0 && row.fields)
    .slice(0, LIST_LIMIT)
    .map((row) => ({
      rowNumber: row.rowNumber,
      organisation: row.fields?.leadOrganisation.name ?? "",
      projectTitle: row.fields?.projectTitle ?? "",
      requestedAmount: row.fields?.requestedAmount ?? 0,
      decision: row.decision ? { outcome: row.decision.outcome, grantedAmount: row.decision.grantedAmount } : null,
    }));
  const refusedRows: RefusedRow[] = preview.rows
    .filter((row) => row.errors.length > 0)
    .slice(0, LIST_LIMIT)
    .map((row) => ({ rowNumber: row.rowNumber, errors: row.errors }));
  return {
    total: preview.rows.length,
    valid: preview.valid,
    invalid: preview.invalid,
    approvedInFile: preview.approvedInFile,
    remainingBudget: preview.remainingBudget,
    validRows,
    refusedRows,
    listLimit: LIST_LIMIT,
  };
}

export function reportSummary(rows: ImportRowReport[], allOrNothing: boolean): ReportSummary {
  const importedRows: ImportedRow[] = [];
  const refusedRows: RefusedRow[] = [];
  let imported = 0;
  let refused = 0;
  let skipped = 0;
  for (const row of [...rows].sort((a, b) => a.rowNumber - b.rowNumber)) {
    if (row.status === "imported") {
      imported++;
      if (importedRows.length < LIST_LIMIT) {
        importedRows.push({ rowNumber: row.rowNumber, applicationId: row.applicationId, registrationNumber: row.registrationNumber });
      }
    } else if (row.status === "refused") {
      refused++;
      if (refusedRows.length < LIST_LIMIT) refusedRows.push({ rowNumber: row.rowNumber, errors: row.errors });
    } else {
      skipped++;
    }
  }
  return { allOrNothing, imported, refused, skipped, importedRows, refusedRows, listLimit: LIST_LIMIT };
}
