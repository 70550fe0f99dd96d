import { z } from "zod";
import type { ApplicationRow } from "@/db/queries/application-list";
import type { ApplicationStatus, DecisionOutcome } from "@/lib/enums";
import { ORGANISATION_KIND_LABELS } from "@/lib/organisations/schema";
import { textField } from "@/lib/validation/fields";

/*
 * The columns of the import files and of the export, which writes the same columns so that an exported round,
 * edited in Excel, imports again as it was. Each column has a technical name (the template's heading) and a Swedish
 * heading (the export's); a heading may be either, in any case. COLUMNS below is the one table of them.
 */

export type ColumnSet = {
  /** Headings the file must have (their cells may still be empty where the row allows it). */
  required: readonly string[];
  optional: readonly string[];
  /** Headings the export writes that this import recognises but does not read (the registration number, the status). */
  ignored?: readonly string[];
};

/** One exported cell: text, a whole number of kronor, or empty. */
export type ExportCell = string | number | null;

/** When a cell of an applications import must be filled in: what the help page says, as the rules check it. */
export type ColumnRequirement = "always" | "newOrganisation" | "withDecision" | "approved" | "no";

/*
 * Every cell an import reads is made safe before the rules read it (the shared textField: NFC, no control
 * characters, no bidi overrides, no lone surrogates, no invisible-only values; single-line cells get plain spaces, so
 * "Lycksele\u00a0kommun" as Excel writes it is "Lycksele kommun"). Lengths are checked here too, with the column's
 * own message; amounts, codes, emails and dates are read by the application and decision rules after this.
 */
const cell = (max: number, multiline = false) => textField({ max, multiline }).default("");
type CellSchema = ReturnType<typeof cell>;

export type Column = {
  /** The Swedish heading: what the export writes and the help page shows beside the technical name. */
  heading: string;
  /** How an import reads the cell (before the rules); absent for the export's own columns, which no import reads. */
  read?: CellSchema;
  /** How the export writes it from the application's row. */
  write: (row: ApplicationRow) => ExportCell;
  /** "amount": a number with a thousands format in XLSX; "phone": a plain "+46 …" stays readable there. */
  format?: "amount" | "phone";
  /** Its width in the XLSX, in characters. */
  width: number;
};

const STATUS_LABELS: Record<ApplicationStatus, string> = { received: "Inkommen", approved: "Beviljad", rejected: "Avslagen" };
const OUTCOME_LABELS: Record<DecisionOutcome, string> = { approved: "Beviljad", rejected: "Avslagen" };

/**
 * The one table of the spreadsheet columns, in the order the export writes them: technical name, Swedish heading,
 * how an import reads it and how the export writes it. The applications import, the decisions import, the
 * template, the help page and the export all take their columns from here, so they cannot drift apart.
 */
export const COLUMNS = {
  registration_number: { heading: "Diarienummer", read: cell(50), write: (r) => r.registrationNumber, width: 16 },
  organisation: { heading: "Organisation", read: cell(200), write: (r) => r.organisation, width: 32 },
  organisation_kind: { heading: "Organisationstyp", read: cell(100), write: (r) => ORGANISATION_KIND_LABELS[r.kind], width: 16 },
  municipality_code: { heading: "Kommunkod", read: cell(20), write: (r) => r.municipalityCode ?? "", width: 10 },
  county_code: { heading: "Länskod", read: cell(20), write: (r) => r.countyCode ?? "", width: 8 },
  county: { heading: "Län", write: (r) => r.county ?? "", width: 22 },
  co_applicants: { heading: "Medsökande", read: cell(5_000), write: (r) => r.coApplicants ?? "", width: 32 },
  project_title: { heading: "Projekttitel", read: cell(300), write: (r) => r.projectTitle, width: 40 },
  description: { heading: "Beskrivning", read: cell(10_000, true), write: (r) => r.description, width: 50 },
  focus_areas: { heading: "Fokusområden", read: cell(2_500), write: (r) => r.focusAreas.join("; "), width: 28 },
  requested_amount: { heading: "Sökt belopp (kr)", read: cell(50), write: (r) => r.requestedAmount, format: "amount", width: 16 },
  status: { heading: "Status", write: (r) => STATUS_LABELS[r.status], width: 12 },
  decision: { heading: "Beslut", read: cell(50), write: (r) => (r.outcome ? OUTCOME_LABELS[r.outcome] : ""), width: 12 },
  granted_amount: {
    heading: "Beviljat belopp (kr)",
    read: cell(50),
    write: (r) => (r.outcome ? (r.grantedAmount ?? 0) : null),
    format: "amount",
    width: 18,
  },
  decided_at: { heading: "Beslutsdatum", read: cell(50), write: (r) => r.decidedOn ?? "", width: 14 },
  motivation: { heading: "Motivering", read: cell(5_000, true), write: (r) => r.motivation ?? "", width: 50 },
  contact_name: { heading: "Kontaktperson", read: cell(200), write: (r) => r.contactName, width: 24 },
  contact_title: { heading: "Kontaktpersonens titel", read: cell(200), write: (r) => r.contactTitle, width: 20 },
  contact_phone: { heading: "Telefon", read: cell(40), write: (r) => r.contactPhone, format: "phone", width: 18 },
  contact_email: { heading: "E-post", read: cell(254), write: (r) => r.contactEmail, width: 28 },
} as const satisfies Record<string, Column>;

export type ColumnName = keyof typeof COLUMNS;

/** A column of the table, as its common shape (every property of a column, optional ones included). */
export function column(name: ColumnName): Column {
  return COLUMNS[name];
}

/** Every column, in the export's order. */
export const COLUMN_NAMES = Object.keys(COLUMNS) as ColumnName[];

/** The Swedish heading of each column, as the export heads it and the help page shows it beside the name. */
export const COLUMN_LABELS: Record<string, string> = Object.fromEntries(COLUMN_NAMES.map((name) => [name, column(name).heading]));

/**
 * The columns of the applications import, in the order of its template (import/mall: the order people fill them
 * in), with when each must be filled in. Those filled in "always" are the ones that must be present as columns.
 */
export const APPLICATION_COLUMN_REQUIREMENTS = {
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
} as const satisfies Partial<Record<ColumnName, ColumnRequirement>>;

type ApplicationColumn = keyof typeof APPLICATION_COLUMN_REQUIREMENTS;

/** The columns of the template (import/mall), in the order people fill them in. */
export const APPLICATION_TEMPLATE_COLUMNS = Object.keys(APPLICATION_COLUMN_REQUIREMENTS) as ApplicationColumn[];

/** The columns a decisions import reads, and whether each must be present. */
const DECISION_COLUMN_PRESENCE = {
  registration_number: "required",
  decision: "required",
  granted_amount: "required",
  decided_at: "required",
  motivation: "optional",
} as const satisfies Partial<Record<ColumnName, "required" | "optional">>;

type DecisionColumn = keyof typeof DECISION_COLUMN_PRESENCE;
const DECISION_COLUMN_NAMES = Object.keys(DECISION_COLUMN_PRESENCE) as DecisionColumn[];

/** The columns an import reads; every other column of the table is the export's, recognised and left aside. */
function columnSet(required: readonly ColumnName[], optional: readonly ColumnName[]): ColumnSet {
  const read = new Set<string>([...required, ...optional]);
  return { required, optional, ignored: COLUMN_NAMES.filter((name) => !read.has(name)) };
}

export const APPLICATION_COLUMNS = columnSet(
  APPLICATION_TEMPLATE_COLUMNS.filter((name) => APPLICATION_COLUMN_REQUIREMENTS[name] === "always"),
  APPLICATION_TEMPLATE_COLUMNS.filter((name) => APPLICATION_COLUMN_REQUIREMENTS[name] !== "always"),
);

export const DECISION_COLUMNS = columnSet(
  DECISION_COLUMN_NAMES.filter((name) => DECISION_COLUMN_PRESENCE[name] === "required"),
  DECISION_COLUMN_NAMES.filter((name) => DECISION_COLUMN_PRESENCE[name] === "optional"),
);

/** How a heading is compared: case, spacing and Unicode form do not matter. */
export function headingKey(heading: string): string {
  return heading.replace(/^\uFEFF/, "").normalize("NFC").replace(/\s+/g, " ").trim().toLocaleLowerCase("sv");
}

/** Heading (technical name or Swedish heading, as headingKey) -> column name, for the columns of a set. */
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

/** The columns an import can read (those with a `read`): the only ones a row schema may name. */
type ReadableColumn = { [K in ColumnName]: (typeof COLUMNS)[K] extends { read: CellSchema } ? K : never }[ColumnName];

/** The schema of a row of these columns: each cell read as its column says. */
function rowSchema<N extends ReadableColumn>(names: readonly N[]) {
  const shape = Object.fromEntries(names.map((name) => [name, (COLUMNS[name] as { read: CellSchema }).read]));
  return z.object(shape as Record<N, CellSchema>);
}

export const applicationRowSchema = rowSchema(APPLICATION_TEMPLATE_COLUMNS);
export type ApplicationRowCells = z.output<typeof applicationRowSchema>;

export const decisionRowSchema = rowSchema(DECISION_COLUMN_NAMES);
