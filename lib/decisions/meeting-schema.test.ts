import { describe, expect, it } from "vitest";
import { meetingSchema } from "./meeting-schema";

const meeting = (rows: unknown[]) => ({ roundId: 1, decidedOn: "2026-11-23", motivation: "", rows });
const errorsOf = (input: unknown) => {
  const result = meetingSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => [i.path.join("."), i.message]);
};

describe("the decision meeting's form", () => {
  it("reads approvals, rejections and rows left undecided", () => {
    const parsed = meetingSchema.parse(
      meeting([
        { applicationId: 1, outcome: "approved", grantedAmount: "1 200 000" },
        { applicationId: 2, outcome: "rejected", grantedAmount: "500 000" },
        { applicationId: 3, outcome: "", grantedAmount: "" },
      ]),
    );
    expect(parsed.rows).toEqual([
      { applicationId: 1, outcome: "approved", grantedAmount: 1_200_000, expectedVersion: undefined },
      { applicationId: 2, outcome: "rejected", grantedAmount: 0, expectedVersion: undefined },
      { applicationId: 3, outcome: null, grantedAmount: 0, expectedVersion: undefined },
    ]);
  });

  it("puts each refusal at its row's field", () => {
    expect(
      errorsOf(
        meeting([
          { applicationId: 1, outcome: "approved", grantedAmount: "" },
          { applicationId: 2, outcome: "approved", grantedAmount: "-5" },
          { applicationId: 3, outcome: "approved", grantedAmount: "1200,50" },
        ]),
      ),
    ).toEqual([
      ["rows.0.grantedAmount", "Ange det beviljade beloppet (mer än 0 kronor)."],
      ["rows.1.grantedAmount", "Beloppet kan inte vara negativt."],
      ["rows.2.grantedAmount", "Beloppet ska anges i hela kronor, utan ören."],
    ]);
  });

  it("refuses to clear a decision already made (withdrawing one needs a reason, on its own page)", () => {
    expect(errorsOf(meeting([{ applicationId: 1, outcome: "", grantedAmount: "", expectedVersion: 2 }]))).toEqual([
      ["rows.0.outcome", "Ett fattat beslut kan inte tas bort i beslutsmötet."],
    ]);
  });
});
