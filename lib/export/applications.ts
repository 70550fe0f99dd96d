import Papa from "papaparse";
import writeXlsxFile from "write-excel-file/node";
import type { Db } from "@/db/client";
import { listAllListedApplicationIds, listApplicationRows, type ApplicationRow } from "@/db/queries/application-list";
import { getRoundForExport } from "@/db/queries/export";
import { listParamsSchema, type ListParams } from "@/lib/applications/list-params";
import type { ApplicationScope } from "@/lib/auth/permissions";
import type { ApplicationStatus } from "@/lib/enums";
import { DomainError } from "@/lib/errors";
import { COLUMN_LABELS } from "@/lib/import/columns";
import { ORGANISATION_KIND_LABELS } from "@/lib/organisations/schema";
import { guardFormula, isPlainPhoneNumber } from "./guard";

/*
 * A round's applications as a spreadsheet for Swedish Excel: CSV (UTF-8 with BOM, ";", CRLF) or XLSX, with the rows
 * the list on screen shows (its search, filters and order) and the columns the import reads, headed by their Swedish
 * labels, so a round exported, edited in Excel and imported into another round comes back whole. Amounts are plain
 * integers so that Excel can sum them; every text cell is guarded against formula injection.
 */

export type ExportFormat = "csv" | "xlsx";
export type ExportFile = { fileName: string; contentType: string; body: Uint8Array };

/** The columns, by the import's names; registration_number, county and status are the export's own (the import skips them). */
export const EXPORT_COLUMNS = [
  "registration_number",
  "organisation",
  "organisation_kind",
  "municipality_code",
  "county_code",
  "county",
  "co_applicants",
  "project_title",
  "description",
  "focus_areas",
  "requested_amount",
  "status",
  "decision",
  "granted_amount",
  "decided_at",
  "motivation",
  "contact_name",
  "contact_title",
  "contact_phone",
  "contact_email",
] as const;
type ExportColumn = (typeof EXPORT_COLUMNS)[number];

export const EXPORT_HEADINGS = EXPORT_COLUMNS.map((column) => COLUMN_LABELS[column] ?? column);

const COLUMN_WIDTHS: Record<ExportColumn, number> = {
  registration_number: 16,
  organisation: 32,
  organisation_kind: 16,
  municipality_code: 10,
  county_code: 8,
  county: 22,
  co_applicants: 32,
  project_title: 40,
  description: 50,
  focus_areas: 28,
  requested_amount: 16,
  status: 12,
  decision: 12,
  granted_amount: 18,
  decided_at: 14,
  motivation: 50,
  contact_name: 24,
  contact_title: 20,
  contact_phone: 18,
  contact_email: 28,
};

const STATUS_LABELS: Record<ApplicationStatus, string> = { received: "Inkommen", approved: "Beviljad", rejected: "Avslagen" };
const OUTCOME_LABELS = { approved: "Beviljad", rejected: "Avslagen" } as const;

/** One exported row, in the order of EXPORT_COLUMNS: text, a whole number of kronor, or empty. */
export type ExportCell = string | number | null;

function cellsOf(r: ApplicationRow): ExportCell[] {
  const values: Record<ExportColumn, ExportCell> = {
    registration_number: r.registrationNumber,
    organisation: r.organisation,
    organisation_kind: ORGANISATION_KIND_LABELS[r.kind],
    municipality_code: r.municipalityCode ?? "",
    county_code: r.countyCode ?? "",
    county: r.county ?? "",
    co_applicants: r.coApplicants ?? "",
    project_title: r.projectTitle,
    description: r.description,
    focus_areas: r.focusAreas.join("; "),
    requested_amount: r.requestedAmount,
    status: STATUS_LABELS[r.status],
    decision: r.outcome ? OUTCOME_LABELS[r.outcome] : "",
    granted_amount: r.outcome ? (r.grantedAmount ?? 0) : null,
    decided_at: r.decidedOn ?? "",
    motivation: r.motivation ?? "",
    contact_name: r.contactName,
    contact_title: r.contactTitle,
    contact_phone: r.contactPhone,
    contact_email: r.contactEmail,
  };
  return EXPORT_COLUMNS.map((column) => values[column]);
}

const DEFAULT_LIST = listParamsSchema.parse({});

/**
 * The rows of the export, in the order of EXPORT_COLUMNS: the applications the list on screen shows, in its order,
 * every page of it, through the list's own filter and sort builder, so the export always agrees with the screen.
 */
export function roundApplicationRows(db: Db, roundId: number, scope: ApplicationScope, params: ListParams = DEFAULT_LIST): ExportCell[][] {
  return listApplicationRows(db, listAllListedApplicationIds(db, roundId, params, scope)).map(cellsOf);
}

const PHONE_COLUMN = EXPORT_COLUMNS.indexOf("contact_phone");
const AMOUNT_COLUMNS = new Set<number>([EXPORT_COLUMNS.indexOf("requested_amount"), EXPORT_COLUMNS.indexOf("granted_amount")]);

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
        if (typeof cell === "number") return AMOUNT_COLUMNS.has(i) ? { value: cell, type: Number, format: "#,##0" } : { value: cell, type: Number };
        // Text cells have Excel's Text format ("@"): shown as written (codes keep their leading zero) and not run as a
        // formula even when someone edits one. So a phone number keeps its "+46" without the guard's apostrophe;
        // every other formula-like text is still guarded, in case it is copied into a cell of another format.
        const value = i === PHONE_COLUMN && isPlainPhoneNumber(cell) ? cell : guardFormula(cell);
        return { value, type: String, format: "@" as const };
      }),
    ),
  ];
  const buffer = await writeXlsxFile(sheet, {
    sheet: "Ansökningar",
    stickyRowsCount: 1,
    columns: EXPORT_COLUMNS.map((column) => ({ width: COLUMN_WIDTHS[column] })),
  }).toBuffer();
  return {
    fileName: `${baseName}.xlsx`,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    body: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength),
  };
}
