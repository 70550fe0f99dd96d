import { describe, expect, it } from "vitest";
import { APPLICATION_COLUMNS, APPLICATION_TEMPLATE_COLUMNS, COLUMN_NAMES, COLUMNS, DECISION_COLUMNS, headingKey, headingsOf } from "./columns";

describe("the one column table", () => {
  it("every column the export writes is known to both imports, by its name and its Swedish heading", () => {
    for (const set of [APPLICATION_COLUMNS, DECISION_COLUMNS]) {
      const headings = headingsOf(set);
      for (const name of COLUMN_NAMES) {
        expect(headings.get(headingKey(name)), name).toBe(name);
        expect(headings.get(headingKey(COLUMNS[name].heading)), name).toBe(name);
      }
      // Each column is read or left aside, never both.
      expect([...set.required, ...set.optional, ...(set.ignored ?? [])].sort()).toEqual([...COLUMN_NAMES].sort());
    }
  });

  it("the imports read what they always read, and leave the export's own columns aside", () => {
    expect(APPLICATION_COLUMNS.required).toEqual(["organisation", "project_title", "requested_amount"]);
    expect(APPLICATION_COLUMNS.ignored).toEqual(["registration_number", "county", "status"]);
    expect(DECISION_COLUMNS.required).toEqual(["registration_number", "decision", "granted_amount", "decided_at"]);
    expect(DECISION_COLUMNS.optional).toEqual(["motivation"]);
    expect(APPLICATION_TEMPLATE_COLUMNS).toHaveLength(17);
    expect(APPLICATION_TEMPLATE_COLUMNS.every((name) => "read" in COLUMNS[name])).toBe(true);
  });
});
