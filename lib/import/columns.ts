import { z } from "zod";
import { textField } from "@/lib/validation/fields";

/*
 * The columns of the import files, and of the export, which writes the same columns so that an exported round,
 * edited in Excel, imports again as it was. Each column has a technical name (the template's heading) and a Swedish
 * label (the export's heading); a heading may be either, in any case.
 */

export type ColumnSet = {
  /** Headings the file must have (their cells may still be empty where the row allows it). */
  required: readonly string[];
  optional: readonly string[];
  /** Headings the export writes that this import recognises but does not read (the registration number, the status). */
  ignored?: readonly string[];
};

export const APPLICATION_COLUMNS = {
  required: ["organisation", "project_title", "requested_amount"],
  optional: [
    "organisation_kind",
    "municipality_code",
    "county_code",
    "co_applicants",
    "description",
    "focus_areas",
    "contact_name",
    "contact_title",
    "contact_phone",
    "contact_email",
    "decision",
    "granted_amount",
    "decided_at",
    "motivation",
  ],
  ignored: ["registration_number", "status", "county"],
} as const satisfies ColumnSet;

/** The columns of the template (import/mall), in the order people fill them in. */
export const APPLICATION_TEMPLATE_COLUMNS = [
  "organisation",
  "organisation_kind",
  "municipality_code",
  "county_code",
  "co_applicants",
  "project_title",
  "description",
  "focus_areas",
  "requested_amount",
  "contact_name",
  "contact_title",
  "contact_phone",
  "contact_email",
  "decision",
  "granted_amount",
  "decided_at",
  "motivation",
] as const;

export const DECISION_COLUMNS = {
  required: ["registration_number", "decision", "granted_amount", "decided_at"],
  optional: ["motivation"],
  ignored: [
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
    "contact_name",
    "contact_title",
    "contact_phone",
    "contact_email",
  ],
} as const satisfies ColumnSet;

/** The Swedish label of each column, as the export heads it and the help page shows it beside the name. */
export const COLUMN_LABELS: Record<string, string> = {
  registration_number: "Diarienummer",
  organisation: "Organisation",
  organisation_kind: "Organisationstyp",
  municipality_code: "Kommunkod",
  county_code: "Länskod",
  county: "Län",
  co_applicants: "Medsökande",
  project_title: "Projekttitel",
  description: "Beskrivning",
  focus_areas: "Fokusområden",
  requested_amount: "Sökt belopp (kr)",
  status: "Status",
  decision: "Beslut",
  granted_amount: "Beviljat belopp (kr)",
  decided_at: "Beslutsdatum",
  motivation: "Motivering",
  contact_name: "Kontaktperson",
  contact_title: "Kontaktpersonens titel",
  contact_phone: "Telefon",
  contact_email: "E-post",
};

/** How a heading is compared: case, spacing and Unicode form do not matter. */
export function headingKey(heading: string): string {
  return heading.replace(/^\uFEFF/, "").normalize("NFC").replace(/\s+/g, " ").trim().toLocaleLowerCase("sv");
}

/** Heading (technical name or Swedish label, as headingKey) -> column name, for the columns of a set. */
export function headingsOf(columns: ColumnSet): Map<string, string> {
  const all = [...columns.required, ...columns.optional, ...(columns.ignored ?? [])];
  const map = new Map<string, string>();
  for (const name of all) {
    map.set(headingKey(name), name);
    const label = COLUMN_LABELS[name];
    if (label) map.set(headingKey(label), name);
  }
  return map;
}

/** One row of a spreadsheet: column name -> trimmed cell text ("" for an empty cell or a missing optional column). */
export type SpreadsheetRow = Record<string, string>;

/** A problem in one cell (or, with column "", in the row as a whole). */
export type CellError = { column: string; message: string };

/*
 * Every text cell of an applications row, made safe before the rules read it (the shared textField: NFC, no control
 * characters, no bidi overrides, no lone surrogates, no invisible-only values; single-line cells get plain spaces, so
 * "Lycksele\u00a0kommun" as Excel writes it is "Lycksele kommun"). Lengths are checked here too, with the column's
 * own message; amounts, codes, emails and dates are read by the application and decision rules after this.
 */
const cell = (max: number, multiline = false) => textField({ max, multiline }).default("");

export const applicationRowSchema = z.object({
  organisation: cell(200),
  organisation_kind: cell(100),
  municipality_code: cell(20),
  county_code: cell(20),
  co_applicants: cell(5_000),
  project_title: cell(300),
  description: cell(10_000, true),
  focus_areas: cell(2_500),
  requested_amount: cell(50),
  contact_name: cell(200),
  contact_title: cell(200),
  contact_phone: cell(40),
  contact_email: cell(254),
  decision: cell(50),
  granted_amount: cell(50),
  decided_at: cell(50),
  motivation: cell(5_000, true),
});
export type ApplicationRowCells = z.output<typeof applicationRowSchema>;

export const decisionRowSchema = z.object({
  registration_number: cell(50),
  decision: cell(50),
  granted_amount: cell(50),
  decided_at: cell(50),
  motivation: cell(5_000, true),
});

/** When a cell of the column must be filled in: what the help page says, as the rules above check it. */
export type ColumnRequirement = "always" | "newOrganisation" | "withDecision" | "approved" | "no";

export const APPLICATION_COLUMN_REQUIREMENTS: Record<(typeof APPLICATION_TEMPLATE_COLUMNS)[number], ColumnRequirement> = {
  organisation: "always",
  organisation_kind: "newOrganisation",
  municipality_code: "no",
  county_code: "no",
  co_applicants: "no",
  project_title: "always",
  description: "no",
  focus_areas: "no",
  requested_amount: "always",
  contact_name: "no",
  contact_title: "no",
  contact_phone: "no",
  contact_email: "no",
  decision: "no",
  granted_amount: "approved",
  decided_at: "withDecision",
  motivation: "no",
};
