/* The columns of the import files. Header names are matched case-insensitively, but must otherwise be exact. */

export type ColumnSet = { required: readonly string[]; optional: readonly string[] };

export const APPLICATION_COLUMNS = {
  required: [
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
  ],
  optional: ["decision", "granted_amount", "decided_at", "motivation"],
} as const satisfies ColumnSet;

export const DECISION_COLUMNS = {
  required: ["registration_number", "decision", "granted_amount", "decided_at"],
  optional: ["motivation"],
} as const satisfies ColumnSet;

/** One row of a spreadsheet: column name -> trimmed cell text ("" for an empty cell or a missing optional column). */
export type SpreadsheetRow = Record<string, string>;

/** A problem in one cell (or, with column "", in the row as a whole). */
export type CellError = { column: string; message: string };
