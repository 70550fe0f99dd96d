import { asc, eq, sql } from "drizzle-orm";
import Papa from "papaparse";
import writeXlsxFile from "write-excel-file/node";
import type { DbOrTx } from "@/db/client";
import {
  applicationCoApplicants,
  applications,
  counties,
  decisions,
  organisations,
  programmes,
  rounds,
  type ApplicationStatus,
} from "@/db/schema";
import { DomainError } from "@/lib/errors";
import { ORGANISATION_KIND_LABELS } from "@/lib/organisations/schema";
import { guardFormula } from "./guard";

/*
 * A round's applications as a spreadsheet for Swedish Excel: CSV (UTF-8 with BOM, ";", CRLF) or XLSX. Amounts are
 * plain integers so that Excel can sum them; every text cell is guarded against formula injection.
 */

export type ExportFormat = "csv" | "xlsx";
export type ExportFile = { fileName: string; contentType: string; body: Uint8Array };

export const EXPORT_HEADINGS = [
  "Diarienummer",
  "Organisation",
  "Organisationstyp",
  "Län",
  "Medsökande",
  "Projekt",
  "Fokusområden",
  "Sökt belopp (kr)",
  "Status",
  "Beviljat belopp (kr)",
  "Beslutsdatum",
  "Kontaktperson",
  "Titel",
  "Telefon",
  "E-post",
] as const;

const AMOUNT_COLUMNS = new Set<number>([7, 9]);

const STATUS_LABELS: Record<ApplicationStatus, string> = { received: "Inkommen", approved: "Beviljad", rejected: "Avslagen" };

/** One exported row, in the order of EXPORT_HEADINGS: text, a whole number of kronor, or empty. */
export type ExportCell = string | number | null;

export function roundApplicationRows(db: DbOrTx, roundId: number): ExportCell[][] {
  const coApplicants = db
    .select({
      applicationId: applicationCoApplicants.applicationId,
      names: sql<string>`group_concat(${organisations.name}, '; ' ORDER BY ${applicationCoApplicants.position})`.as("co_names"),
    })
    .from(applicationCoApplicants)
    .innerJoin(organisations, eq(organisations.id, applicationCoApplicants.organisationId))
    .groupBy(applicationCoApplicants.applicationId)
    .as("co");

  const rows = db
    .select({
      registrationNumber: applications.registrationNumber,
      organisation: organisations.name,
      kind: organisations.kind,
      county: counties.name,
      coApplicants: coApplicants.names,
      projectTitle: applications.projectTitle,
      focusAreas: applications.focusAreas,
      requestedAmount: applications.requestedAmount,
      status: applications.status,
      grantedAmount: decisions.grantedAmount,
      decidedOn: decisions.decidedOn,
      contactName: applications.contactName,
      contactTitle: applications.contactTitle,
      contactPhone: applications.contactPhone,
      contactEmail: applications.contactEmail,
    })
    .from(applications)
    .innerJoin(organisations, eq(organisations.id, applications.leadOrganisationId))
    .leftJoin(counties, eq(counties.code, organisations.countyCode))
    .leftJoin(coApplicants, eq(coApplicants.applicationId, applications.id))
    .leftJoin(decisions, eq(decisions.applicationId, applications.id))
    .where(eq(applications.roundId, roundId))
    .orderBy(asc(applications.registrationNumber))
    .all();

  return rows.map((r) => [
    r.registrationNumber,
    r.organisation,
    ORGANISATION_KIND_LABELS[r.kind],
    r.county ?? "",
    r.coApplicants ?? "",
    r.projectTitle,
    r.focusAreas.join("; "),
    r.requestedAmount,
    STATUS_LABELS[r.status],
    r.grantedAmount ?? null,
    r.decidedOn ?? "",
    r.contactName,
    r.contactTitle,
    r.contactPhone,
    r.contactEmail,
  ]);
}

export async function exportRoundApplications(db: DbOrTx, roundId: number, format: ExportFormat): Promise<ExportFile> {
  const round = db
    .select({ ordinal: rounds.ordinal, year: rounds.year, code: programmes.code })
    .from(rounds)
    .innerJoin(programmes, eq(programmes.id, rounds.programmeId))
    .where(eq(rounds.id, roundId))
    .get();
  if (!round) throw new DomainError("Omgången finns inte.", undefined, "not_found");

  const rows = roundApplicationRows(db, roundId);
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
        return { value: guardFormula(cell), type: String };
      }),
    ),
  ];
  const buffer = await writeXlsxFile(sheet, {
    sheet: "Ansökningar",
    stickyRowsCount: 1,
    columns: [16, 32, 16, 22, 32, 40, 28, 16, 12, 18, 14, 24, 20, 16, 28].map((width) => ({ width })),
  }).toBuffer();
  return {
    fileName: `${baseName}.xlsx`,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    body: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength),
  };
}
