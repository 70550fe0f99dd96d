import { describe, expect, it } from "vitest";
import { describeChanges } from "./describe";

describe("describeChanges", () => {
  it("shows what an edit changed, with amounts in kronor", () => {
    expect(
      describeChanges(
        { projectTitle: "A", requestedAmount: 1_000_000, version: 1, updatedAt: "x" },
        { projectTitle: "A", requestedAmount: 1_200_000, version: 2, updatedAt: "y" },
      ),
    ).toEqual(["Sökt belopp: 1\u00a0000\u00a0000 kronor → 1\u00a0200\u00a0000 kronor"]);
  });

  it("lists what a creation set, in Swedish", () => {
    expect(describeChanges(null, { outcome: "approved", grantedAmount: 1_700_000, motivation: "", id: 4 })).toEqual([
      "Beslut: beviljad",
      "Beviljat belopp: 1\u00a0700\u00a0000 kronor",
    ]);
  });

  it("shows what a withdrawal removed", () => {
    expect(describeChanges({ outcome: "rejected" }, null)).toEqual(["Beslut: avslagen"]);
  });
});
