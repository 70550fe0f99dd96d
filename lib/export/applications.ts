import Papa from "papaparse";
import writeXlsxFile from "write-excel-file/node";
import type { Db } from "@/db/client";
import { listAllListedApplicationIds, listApplicationRows, type ApplicationRow } from "@/db/queries/application-list";
import { getRoundForExport } from "@/db/queries/export";
import { listParamsSchema, type ListParams } from "@/lib/applications/list-params";
import type { ApplicationScope } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/errors";
import { column, COLUMN_NAMES, type ExportCell } from "@/lib/import/columns";
import { guardFormula, isPlainPhoneNumber } from "./guard";

/*
 * A round's applications as a spreadsheet for Swedish Excel: CSV (UTF-8 with BOM, ";", CRLF) or XLSX, with the rows
 * the list on screen shows (its search, filters and order) and the columns the import reads, headed by their Swedish
 * labels, so a round exported, edited in Excel and imported into another round comes back whole. Amounts are plain
 * integers so that Excel can sum them; every text cell is guarded against formula injection.
 */

export type ExportFormat = "csv" | "xlsx";
export type ExportFile = { fileName: string; contentType: string; body: Uint8Array };

/** The columns, in the order of the one column table (lib/import/columns.ts), which also says how each is written. */
export const EXPORT_COLUMNS = COLUMN_NAMES;

export const EXPORT_HEADINGS = EXPORT_COLUMNS.map((name) => column(name).heading);

export type { ExportCell };

function cellsOf(row: ApplicationRow): ExportCell[] {
  return EXPORT_COLUMNS.map((name) => column(name).write(row));
}

const DEFAULT_LIST = listParamsSchema.parse({});

/**
 * The rows of the export, in the order of EXPORT_COLUMNS: the applications the list on screen shows, in its order,
 * every page of it, through the list's own filter and sort builder, so the export always agrees with the screen.
 */
export function roundApplicationRows(db: Db, roundId: number, scope: ApplicationScope, params: ListParams = DEFAULT_LIST): ExportCell[][] {
  return listApplicationRows(db, listAllListedApplicationIds(db, roundId, params, scope)).map(cellsOf);
}

const FORMATS = EXPORT_COLUMNS.map((name) => column(name).format);

export async function exportRoundApplications(
  db: Db,
  roundId: number,
  format: ExportFormat,
  scope: ApplicationScope,
  params: ListParams = DEFAULT_LIST,
): Promise<ExportFile> {
  const round = getRoundForExport(db, roundId);
  if (!round) throw new DomainError("Omgången finns inte.", undefined, "not_found");

  const rows = roundApplicationRows(db, roundId, scope, params);
  const baseName = `ansokningar-${round.code}-${round.year}-omgang-${round.ordinal}`.replace(/[^A-Za-z0-9-]/g, "");

  if (format === "csv") {
    const text = Papa.unparse(
      { fields: [...EXPORT_HEADINGS], data: rows.map((row) => row.map((cell) => (typeof cell === "string" ? guardFormula(cell) : (cell ?? "")))) },
      { delimiter: ";", newline: "\r\n", header: true },
    );
    // The BOM makes Excel read the file as UTF-8 (without it, å ä ö come out as Ã¥ Ã¤ Ã¶).
    return {
      fileName: `${baseName}.csv`,
      contentType: "text/csv; charset=utf-8",
      body: new TextEncoder().encode(`\uFEFF${text}\r\n`),
    };
  }

  const sheet = [
    EXPORT_HEADINGS.map((heading) => ({ value: heading, type: String, fontWeight: "bold" as const })),
    ...rows.map((row) =>
      row.map((cell, i) => {
        if (cell === null || cell === "") return null;
        if (typeof cell === "number") return FORMATS[i] === "amount" ? { value: cell, type: Number, format: "#,##0" } : { value: cell, type: Number };
        // Text cells have Excel's Text format ("@"): shown as written (codes keep their leading zero) and not run as a
        // formula even when someone edits one. So a phone number keeps its "+46" without the guard's apostrophe;
        // every other formula-like text is still guarded, in case it is copied into a cell of another format.
        const value = FORMATS[i] === "phone" && isPlainPhoneNumber(cell) ? cell : guardFormula(cell);
        return { value, type: String, format: "@" as const };
      }),
    ),
  ];
  const buffer = await writeXlsxFile(sheet, {
    sheet: "Ansökningar",
    stickyRowsCount: 1,
    columns: EXPORT_COLUMNS.map((name) => ({ width: column(name).width })),
  }).toBuffer();
  return {
    fileName: `${baseName}.xlsx`,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    body: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength),
  };
}
