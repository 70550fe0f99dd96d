import { formatKronorPlain, parseKronor } from "@/lib/format/amount";
import type { MeetingFormInput } from "./meeting-schema";

/*
 * The decision meeting's form as plain named fields (issue 14). 500 rows of react-hook-form registrations and
 * watchers cost a quarter of a second a request to render on the server; the rows are now uncontrolled fields that
 * React renders once, and the form's small client part reads them back from the form (FormData) for the running
 * total, the confirmation of more than requested, the schema check and the submit. This file is what the rows and
 * that client part share: the fields' names and ids, the form's values from its FormData, the running total, the
 * rows' first values. No database, no React: the browser imports it.
 */

export const ROW_FIELDS = ["outcome", "grantedAmount", "confirmOverRequest", "motivation"] as const;
export type RowField = (typeof ROW_FIELDS)[number];

/** The name a row's field posts under ("rows.3.grantedAmount"), the same path the schema's errors carry. */
export const rowFieldName = (index: number, field: RowField) => `rows.${index}.${field}`;

/** The id a row's field has while it has an error: the error summary links to it. */
export const rowFieldId = (index: number, field: RowField) => `rad-${index}-${field}`;

/** "rows.3.grantedAmount" -> { index: 3, field: "grantedAmount" }; null for any other path. */
export function rowFieldOf(path: string): { index: number; field: RowField } | null {
  const match = /^rows\.(\d+)\.([A-Za-z]+)$/.exec(path);
  if (!match) return null;
  const field = ROW_FIELDS.find((f) => f === match[2]);
  return field ? { index: Number(match[1]), field } : null;
}

/** "1 200 000", as an officer would type it. */
export function amountText(amount: number): string {
  return formatKronorPlain(amount).replace(/ kronor$/, "");
}

type Entries = Pick<FormData, "get">;

const text = (form: Entries, name: string): string => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

/** A row's application as the meeting shows it: enough to fill its fields and to send them. */
export type RowSource = {
  id: number;
  requestedAmount: number;
  decision: { outcome: "approved" | "rejected"; grantedAmount: number; motivation: string; version: number } | null;
};

/** One row's values in the shape the schema parses, from the form's fields and the application the row shows. */
export function rowValuesFromForm(form: Entries, index: number, application: RowSource): MeetingFormInput["rows"][number] {
  return {
    applicationId: application.id,
    outcome: text(form, rowFieldName(index, "outcome")) as MeetingFormInput["rows"][number]["outcome"],
    grantedAmount: text(form, rowFieldName(index, "grantedAmount")),
    motivation: text(form, rowFieldName(index, "motivation")),
    // What the table showed: the schema asks for the confirmation against it; the server checks the stored one.
    requestedAmount: application.requestedAmount,
    // A checkbox posts only when it is checked (and is not there at all until the amount asks for it).
    confirmOverRequest: form.get(rowFieldName(index, "confirmOverRequest")) !== null,
    // The version of the decision the officer saw: a decision made elsewhere meanwhile is refused at its row.
    expectedVersion: application.decision ? application.decision.version : "",
  };
}

/**
 * The form's values in the shape the schema parses (and the server action takes): the officer's fields from the
 * form, one row per application the table shows, in its order.
 */
export function meetingValuesFromForm(form: Entries, applications: readonly RowSource[]): MeetingFormInput {
  return {
    roundId: text(form, "roundId"),
    decidedOn: text(form, "decidedOn"),
    sharedMotivation: text(form, "sharedMotivation"),
    rows: applications.map((application, index) => rowValuesFromForm(form, index, application)),
  };
}

export type MeetingTotals = { proposed: number; approved: number; rejected: number; undecided: number };

/** What the proposals grant and how many rows each outcome has: the running total against the budget. */
export function meetingTotals(rows: readonly { outcome?: unknown; grantedAmount?: unknown }[]): MeetingTotals {
  const totals: MeetingTotals = { proposed: 0, approved: 0, rejected: 0, undecided: 0 };
  for (const row of rows) {
    if (row.outcome === "approved") {
      totals.approved++;
      totals.proposed += parseKronor(String(row.grantedAmount ?? "")) ?? 0;
    } else if (row.outcome === "rejected") totals.rejected++;
    else totals.undecided++;
  }
  return totals;
}

export type MeetingRowValues = {
  outcome: "" | "approved" | "rejected";
  grantedAmount: string;
  motivation: string;
  confirmOverRequest: boolean;
};

/** A row's fields as the page first shows them: the decision as it stands, or nothing proposed. */
export function initialRowValues(application: RowSource): MeetingRowValues {
  const decision = application.decision;
  return {
    outcome: decision?.outcome ?? "",
    grantedAmount: decision?.outcome === "approved" ? amountText(decision.grantedAmount) : "",
    motivation: decision?.motivation ?? "",
    // A decision already over its request was confirmed when it was made.
    confirmOverRequest: decision?.outcome === "approved" && decision.grantedAmount > application.requestedAmount,
  };
}

/** Whether a row asks for the confirmation of granting more than was requested. */
export function asksOverRequest(outcome: string, grantedAmount: string, requestedAmount: number): boolean {
  const typed = parseKronor(grantedAmount);
  return outcome === "approved" && typed !== null && typed > requestedAmount;
}

/**
 * Whether a row shows its confirmation of more than requested: once the amount passes the request, and as long as it
 * is checked (unchecking it is the officer's to do, not the amount's).
 */
export function showsConfirmation(form: Entries, index: number, requestedAmount: number): boolean {
  if (form.get(rowFieldName(index, "confirmOverRequest")) !== null) return true;
  return asksOverRequest(text(form, rowFieldName(index, "outcome")), text(form, rowFieldName(index, "grantedAmount")), requestedAmount);
}

/**
 * The rows whose confirmation of more than requested shows, by application id, each with whether its box starts
 * checked: as the page first shows them, the rows whose decision is already over its request (confirmed then).
 */
export function initialConfirmations(applications: readonly RowSource[]): Map<number, boolean> {
  const shown = new Map<number, boolean>();
  for (const application of applications) if (initialRowValues(application).confirmOverRequest) shown.set(application.id, true);
  return shown;
}

/**
 * The confirmations once the rows are read afresh (after the meeting is recorded): a row whose decision is as it was
 * keeps what the officer has; a row decided or changed starts again from its decision, as its fields do.
 */
export function confirmationsAfter(
  shown: ReadonlyMap<number, boolean>,
  before: readonly RowSource[],
  after: readonly RowSource[],
): Map<number, boolean> {
  const versions = new Map(before.map((a) => [a.id, a.decision?.version ?? 0]));
  const next = new Map<number, boolean>();
  for (const application of after) {
    if (versions.get(application.id) === (application.decision?.version ?? 0)) {
      const kept = shown.get(application.id);
      if (kept !== undefined) next.set(application.id, kept);
    } else if (initialRowValues(application).confirmOverRequest) next.set(application.id, true);
  }
  return next;
}
