import type { Db, Tx } from "@/db/client";
import { applicationImportWriter, type ImportedApplication } from "@/db/queries/applications";
import { getRoundForRegistration } from "@/db/queries/registration";
import type { Organisation } from "@/db/schema";
import { columnsOf, registerApplication } from "@/lib/applications/register";
import type { AuditActor } from "@/lib/audit";
import { grantedInRound, recordDecision } from "@/lib/decisions/record";
import { exceedsRequest, importedDecisionSchema } from "@/lib/decisions/schema";
import { inWriteTransaction } from "@/db/transaction";
import { DomainError } from "@/lib/errors";
import { resolveOrganisation } from "@/lib/organisations/resolve";
import type { OrganisationRef } from "@/lib/organisations/schema";
import { refreshReleaseFacts } from "@/lib/press/stale";
import type { CellError, SpreadsheetRow } from "./columns";
import { domainErrorCells, organisationChecks, recheckInTransaction, validateImportRows, type ImportPreview, type ImportPreviewRow } from "./validate";

/*
 * Imports the applications of a spreadsheet into a round: validated first (nothing written for an invalid row), then
 * every valid row registered, with its decision, in one write transaction. All or nothing: one invalid row (or one
 * that fails while writing) leaves the database as it was. Otherwise each failing row is rolled back on its own
 * (a savepoint) and reported, and the others are imported.
 *
 * The write lock is held for the writing only, and the writing is made short (issue 14: a 10 MB file of 66 504 rows):
 * each row's rules are checked first (its organisations, each looked up once per import; its decision, against
 * the round and a running sum of its grants), and a row that passes them is written by the import's bulk writer
 * (applicationImportWriter, db/queries/applications.ts: statements prepared once for the whole import). A row the
 * rules would refuse goes the one-by-one way (registerApplication and recordDecision in a savepoint), which refuses
 * it with its own message and rolls its writes back. Both ways write the same rows (apply.test.ts).
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
  /**
   * "row": every row through registerApplication and recordDecision, one by one (the reference the bulk writer is
   * tested against); "bulk", the default, as above.
   */
  writer?: "bulk" | "row";
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
      const write = options.writer === "row" ? rowByRowWriter(tx, roundId, options.actor) : bulkWriter(db, tx, roundId, options.actor);
      checked.rows.forEach((row, index) => {
        if (row.errors.length > 0 || !row.fields) {
          results.push(refusedRow(row, row.errors));
        } else {
          try {
            const registered = write(row, row.fields);
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

type RowWriter = (row: ImportPreviewRow, fields: NonNullable<ImportPreviewRow["fields"]>) => { id: number; registrationNumber: string };

/** One row at a time through registration and the decision core, each in a savepoint of its own. */
function rowByRowWriter(tx: Tx, roundId: number, actor: AuditActor): RowWriter {
  return (row, fields) =>
    // A savepoint per row: a row refused here takes only its own writes with it.
    tx.transaction((sp) => {
      const application = registerApplication(sp, roundId, fields, actor, { allowClosedRound: true });
      if (row.decision) {
        recordDecision(sp, { applicationId: application.id, ...row.decision }, actor, { allowDecidedRound: true, imported: true });
      }
      return application;
    });
}

/**
 * The rules registerApplication and recordDecision apply to an imported row, checked without writing, and the row
 * written by the bulk writer when it passes them; a row they would refuse is left to rowByRowWriter, which refuses
 * it with its own message (and the row's first refusal, as one by one). Organisations are looked up once per import
 * and kept (nothing renames or removes one inside this transaction); the round's grants are summed once and then
 * counted on, row by row, as recordDecision's budget check would find them.
 */
function bulkWriter(db: Db, tx: Tx, roundId: number, actor: AuditActor): RowWriter {
  const oneByOne = rowByRowWriter(tx, roundId, actor);
  const round = getRoundForRegistration(tx, roundId);
  if (!round) return oneByOne; // refuses every row with "Omgången finns inte."
  const writer = applicationImportWriter(db, round, actor);
  let granted = grantedInRound(tx, roundId);
  const checkOrganisation = organisationChecks(tx);

  /** The row's organisations in registration's order (lead, then co-applicants), or null when one is refused. */
  function organisationsOf(fields: NonNullable<ImportPreviewRow["fields"]>) {
    const refs: [OrganisationRef, string][] = [[fields.leadOrganisation, "leadOrganisation"], ...fields.coApplicants.map((ref, i): [OrganisationRef, string] => [ref, `coApplicants.${i}`])];
    // Created by this row before the ref is reached (the lead, an earlier co-applicant): registration finds it then.
    const createdByRow = new Set<string>();
    const found: { ref: OrganisationRef; field: string; organisation?: Organisation }[] = [];
    for (const [ref, field] of refs) {
      const check = checkOrganisation(ref, field, { pending: createdByRow });
      if (check.status === "refused") return null;
      if (check.status === "existing") found.push({ ref, field, organisation: check.organisation });
      else {
        if (check.status === "new") createdByRow.add(check.key);
        found.push({ ref, field });
      }
    }
    return found;
  }

  /** The decision as recordDecision would save it for an import, or null when it would refuse it. */
  function decisionOf(row: ImportPreviewRow, requestedAmount: number): ImportedApplication["decision"] | null {
    if (!row.decision) return undefined;
    const parsed = importedDecisionSchema.safeParse({ ...row.decision, confirmOverRequest: undefined });
    // The round as recordDecision reads it, at this row (a primary-key read; the sum granted is counted on).
    const round = writer.round();
    if (!parsed.success || !round || round.status === "planned") return null;
    const fields = parsed.data;
    if (fields.outcome === "approved" && granted + fields.grantedAmount > round.budget && fields.grantedAmount > 0) return null;
    const over = exceedsRequest(fields, requestedAmount);
    return {
      outcome: fields.outcome,
      grantedAmount: fields.grantedAmount,
      motivation: fields.motivation,
      decidedOn: fields.decidedOn,
      ...(over ? { note: { exceedsRequestBy: fields.grantedAmount - requestedAmount } } : {}),
    };
  }

  return (row, fields) => {
    const organisations = organisationsOf(fields);
    const decision = organisations ? decisionOf(row, fields.requestedAmount) : null;
    if (!organisations || decision === null) {
      // Refused one by one, with registration's or the decision core's message; should it pass, its grant counts.
      const written = oneByOne(row, fields);
      granted = grantedInRound(tx, roundId);
      return written;
    }
    try {
      // New organisations are created (and audited) as registration creates them, in the row's order.
      const [lead, ...coApplicants] = organisations.map(({ ref, field, organisation }) => {
        if (organisation) return organisation;
        const resolved = resolveOrganisation(tx, ref, actor, field);
        checkOrganisation.remember(ref, resolved);
        return resolved;
      });
      const written = writer.write({ columns: columnsOf(fields), leadOrganisation: lead!, coApplicants, decision });
      if (decision?.outcome === "approved") granted += decision.grantedAmount;
      return written;
    } catch (error) {
      // The rules were checked above: a refusal here would leave part of the row written, so nothing is.
      if (error instanceof DomainError) throw new Error(`import row ${row.rowNumber} refused after its checks`, { cause: error });
      throw error;
    }
  };
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
