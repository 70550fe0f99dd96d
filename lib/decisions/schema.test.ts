import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { changeDecisionSchema, recordDecisionSchema, withdrawDecisionSchema, type RecordDecisionFormInput } from "./schema";

const approval: RecordDecisionFormInput = {
  applicationId: "12",
  outcome: "approved",
  grantedAmount: "1 200 000",
  motivation: "  Väl förankrat. ",
  decidedOn: "2026-06-01",
};

// As lib/actions.ts reports them (it cannot be imported here: it needs the session).
function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const issue of error.issues) (result[issue.path.join(".")] ??= []).push(issue.message);
  return result;
}

function errors(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error("expected the schema to refuse");
  return fieldErrorsOf(result.error);
}

describe("recordDecisionSchema", () => {
  it("accepts a new approval as an officer types it", () => {
    expect(recordDecisionSchema.parse({ ...approval, expectedVersion: "" })).toEqual({
      applicationId: 12,
      outcome: "approved",
      grantedAmount: 1_200_000,
      motivation: "Väl förankrat.",
      decidedOn: "2026-06-01",
      expectedVersion: undefined,
    });
  });

  it("refuses a negative, a fractional and a zero amount on an approval, at the amount field", () => {
    expect(errors(recordDecisionSchema, { ...approval, grantedAmount: "-5" }).grantedAmount).toEqual(["Beloppet kan inte vara negativt."]);
    expect(errors(recordDecisionSchema, { ...approval, grantedAmount: "1200,50" }).grantedAmount).toEqual([
      "Beloppet ska anges i hela kronor, utan ören.",
    ]);
    expect(errors(recordDecisionSchema, { ...approval, grantedAmount: "0" }).grantedAmount).toEqual(["Ange det beviljade beloppet (mer än 0 kronor)."]);
  });

  it("lets a rejection through whatever is left in its hidden amount field, and grants 0", () => {
    for (const grantedAmount of ["-5", "1200,50", "abc", ""]) {
      expect(recordDecisionSchema.parse({ ...approval, outcome: "rejected", grantedAmount })).toMatchObject({ outcome: "rejected", grantedAmount: 0 });
      expect(changeDecisionSchema.parse({ ...approval, outcome: "rejected", grantedAmount, expectedVersion: 1, reason: "Omprövat." })).toMatchObject({
        grantedAmount: 0,
      });
    }
  });

  it("refuses a missing outcome and an impossible date with Swedish messages", () => {
    const result = errors(recordDecisionSchema, { ...approval, outcome: undefined, decidedOn: "2026-02-30" });
    expect(result.outcome).toEqual(["Välj om ansökan beviljas eller avslås."]);
    expect(result.decidedOn).toEqual(["Datumet finns inte."]);
  });
});

describe("changeDecisionSchema", () => {
  it("requires a reason and the version, reported together with the other fields' errors", () => {
    const result = errors(changeDecisionSchema, { ...approval, grantedAmount: "-5", reason: "   " });
    expect(result.reason).toEqual(["Ange skälet till ändringen."]);
    expect(result.grantedAmount).toEqual(["Beloppet kan inte vara negativt."]);
    expect(result.expectedVersion).toBeDefined();
  });

  it("keeps the reason trimmed", () => {
    expect(changeDecisionSchema.parse({ ...approval, expectedVersion: "2", reason: " Kompletterad budget. " })).toMatchObject({
      expectedVersion: 2,
      grantedAmount: 1_200_000,
      reason: "Kompletterad budget.",
    });
  });
});

describe("withdrawDecisionSchema", () => {
  it("requires a reason and the decision's version", () => {
    expect(Object.keys(errors(withdrawDecisionSchema, { applicationId: "3", reason: " ", expectedVersion: "" })).sort()).toEqual([
      "expectedVersion",
      "reason",
    ]);
    expect(withdrawDecisionSchema.parse({ applicationId: "3", reason: " Fel ansökan. ", expectedVersion: "1" })).toEqual({
      applicationId: 3,
      reason: "Fel ansökan.",
      expectedVersion: 1,
    });
  });
});
