import { describe, expect, it } from "vitest";
import {
  asksOverRequest,
  confirmationsAfter,
  initialConfirmations,
  initialRowValues,
  meetingTotals,
  meetingValuesFromForm,
  rowFieldId,
  rowFieldName,
  rowFieldOf,
  showsConfirmation,
  type RowSource,
} from "./meeting-form-data";
import { meetingSchema } from "./meeting-schema";

/** The form as the browser reads it: the rows' fields by name (a checkbox only when checked). */
function formOf(entries: [string, string][]): FormData {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
}

const row = (index: number, fields: Record<string, string>): [string, string][] => Object.entries(fields).map(([field, value]) => [`rows.${index}.${field}`, value]);

const application = (id: number, requestedAmount: number, decision: RowSource["decision"] = null): RowSource => ({ id, requestedAmount, decision });
const rejected = (version: number) => ({ outcome: "rejected" as const, grantedAmount: 0, motivation: "Utanför inriktningen.", version });

describe("the decision meeting's form data", () => {
  it("reads every row from the form's fields and the applications the table shows into what the schema and the action take", () => {
    const form = formOf([
      ["roundId", "7"],
      ["decidedOn", "2026-05-20"],
      ["sharedMotivation", ""],
      ...row(0, { outcome: "approved", grantedAmount: "700 000", confirmOverRequest: "on", motivation: "Utökat uppdrag." }),
      ...row(1, { outcome: "rejected", grantedAmount: "", motivation: "Utanför inriktningen." }),
      ...row(2, { outcome: "", grantedAmount: "", motivation: "" }),
    ]);
    const values = meetingValuesFromForm(form, [application(11, 600_000), application(12, 500_000, rejected(3)), application(13, 400_000)]);
    expect(values.rows).toHaveLength(3);
    expect(values.rows[0]).toMatchObject({ applicationId: 11, requestedAmount: 600_000, outcome: "approved", grantedAmount: "700 000", confirmOverRequest: true });
    // An unchecked box posts nothing (and a box not shown is not there): it reads as not confirmed.
    expect(values.rows[1]).toMatchObject({ confirmOverRequest: false, expectedVersion: 3 });

    const parsed = meetingSchema.parse(values);
    expect(parsed.roundId).toBe(7);
    expect(parsed.rows).toEqual([
      { applicationId: 11, outcome: "approved", grantedAmount: 700_000, motivation: "Utökat uppdrag.", confirmOverRequest: true, expectedVersion: undefined },
      { applicationId: 12, outcome: "rejected", grantedAmount: 0, motivation: "Utanför inriktningen.", confirmOverRequest: false, expectedVersion: 3 },
      { applicationId: 13, outcome: null, grantedAmount: 0, motivation: "", confirmOverRequest: false, expectedVersion: undefined },
    ]);
  });

  it("refuses a row from the form at the same field as the table did", () => {
    const values = meetingValuesFromForm(
      formOf([
        ["roundId", "7"],
        ["decidedOn", "2026-05-20"],
        ...row(0, { outcome: "approved", grantedAmount: "700 000", motivation: "Mer." }),
      ]),
      [application(11, 600_000)],
    );
    const result = meetingSchema.safeParse(values);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual([rowFieldName(0, "confirmOverRequest")]);
  });

  it("totals the approved amounts as typed and counts each outcome", () => {
    expect(
      meetingTotals([
        { outcome: "approved", grantedAmount: "1 000 000" },
        { outcome: "approved", grantedAmount: "1 500 000" },
        { outcome: "approved", grantedAmount: "inte ett belopp" },
        { outcome: "rejected", grantedAmount: "300 000" },
        { outcome: "", grantedAmount: "" },
      ]),
    ).toEqual({ proposed: 2_500_000, approved: 3, rejected: 1, undecided: 1 });
  });

  it("fills a row from its decision as it stands, and leaves an undecided row empty", () => {
    expect(initialRowValues(application(1, 500_000))).toEqual({ outcome: "", grantedAmount: "", motivation: "", confirmOverRequest: false });
    expect(initialRowValues(application(1, 500_000, { outcome: "approved", grantedAmount: 1_200_000, motivation: "Mer.", version: 2 }))).toEqual({
      outcome: "approved",
      grantedAmount: "1 200 000",
      motivation: "Mer.",
      confirmOverRequest: true,
    });
  });

  it("asks for the confirmation only for an approval above the request, and shows it while it is checked", () => {
    expect(asksOverRequest("approved", "600 001", 600_000)).toBe(true);
    expect(asksOverRequest("approved", "600 000", 600_000)).toBe(false);
    expect(asksOverRequest("rejected", "900 000", 600_000)).toBe(false);
    expect(asksOverRequest("approved", "", 600_000)).toBe(false);
    expect(showsConfirmation(formOf(row(0, { outcome: "approved", grantedAmount: "700 000" })), 0, 600_000)).toBe(true);
    expect(showsConfirmation(formOf(row(0, { outcome: "approved", grantedAmount: "500 000" })), 0, 600_000)).toBe(false);
    // Checked, it stays until the officer unchecks it, whatever the amount.
    expect(showsConfirmation(formOf(row(0, { outcome: "approved", grantedAmount: "500 000", confirmOverRequest: "on" })), 0, 600_000)).toBe(true);
  });

  it("shows the confirmations of decisions already over their request, and starts a row decided afresh from its decision", () => {
    const over = { outcome: "approved" as const, grantedAmount: 700_000, motivation: "Mer.", version: 1 };
    const before = [application(1, 600_000, over), application(2, 600_000), application(3, 600_000), application(4, 600_000)];
    const shown = initialConfirmations(before);
    expect([...shown]).toEqual([[1, true]]);
    // The officer's amounts brought up the boxes of rows 2 and 3 (unchecked at first); row 2 is then recorded.
    shown.set(2, false).set(3, false);
    const after = [before[0]!, application(2, 600_000, { ...over, version: 1 }), before[2]!, application(4, 600_000, rejected(1))];
    expect([...confirmationsAfter(shown, before, after)]).toEqual([
      [1, true],
      [2, true],
      [3, false],
    ]);
  });

  it("names and finds a row's fields by the paths the schema's errors carry", () => {
    expect(rowFieldName(3, "grantedAmount")).toBe("rows.3.grantedAmount");
    expect(rowFieldId(3, "grantedAmount")).toBe("rad-3-grantedAmount");
    expect(rowFieldOf("rows.3.grantedAmount")).toEqual({ index: 3, field: "grantedAmount" });
    expect(rowFieldOf("rows.3.application")).toBeNull();
    expect(rowFieldOf("decidedOn")).toBeNull();
  });
});
