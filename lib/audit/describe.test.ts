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

  it("shows the reason for a changed decision after what changed", () => {
    expect(
      describeChanges(
        { outcome: "approved", grantedAmount: 1_000_000, motivation: "", version: 1 },
        { outcome: "approved", grantedAmount: 1_200_000, motivation: "", version: 2, reason: "Kompletterad budget." },
      ),
    ).toEqual(["Beviljat belopp: 1\u00a0000\u00a0000 kronor → 1\u00a0200\u00a0000 kronor", "Skäl: Kompletterad budget."]);
  });

  it("shows a withdrawn decision as what was removed, and why", () => {
    expect(
      describeChanges(
        { outcome: "approved", grantedAmount: 300_000, motivation: "", decidedOn: "2026-06-01" },
        { reason: "Beslutet fattades på fel ansökan.", applicationId: 4 },
      ),
    ).toEqual(["Beslut: beviljad", "Beviljat belopp: 300\u00a0000 kronor", "Beslutsdatum: 2026-06-01", "Skäl: Beslutet fattades på fel ansökan."]);
  });

  it("leaves out fields that read the same before and after", () => {
    expect(describeChanges({ motivation: "" }, { motivation: null, status: "received" })).toEqual(["Status: – → inkommen"]);
  });

  it("shows no granted amount on the side of a rejection", () => {
    expect(describeChanges(null, { outcome: "rejected", grantedAmount: 0, motivation: "Utanför ramen." })).toEqual([
      "Beslut: avslagen",
      "Motivering: Utanför ramen.",
    ]);
    expect(
      describeChanges({ outcome: "approved", grantedAmount: 1_000_000 }, { outcome: "rejected", grantedAmount: 0, reason: "Omprövat." }),
    ).toEqual(["Beslut: beviljad → avslagen", "Beviljat belopp: 1\u00a0000\u00a0000 kronor → –", "Skäl: Omprövat."]);
  });
});

describe("describeChanges in English", () => {
  it("names the fields, words and amounts in English", () => {
    expect(
      describeChanges({ requestedAmount: 1_000_000, status: "received" }, { requestedAmount: 1_200_000, status: "approved" }, "en"),
    ).toEqual(["Amount requested: SEK 1,000,000 → SEK 1,200,000", "Status: received → approved"]);
  });

  it("writes a decision's day with an English month and keeps the reason as typed", () => {
    expect(describeChanges(null, { outcome: "rejected", decidedOn: "2026-06-01", reason: "Fel ansökan." }, "en")).toEqual([
      "Decision: rejected",
      "Decision date: 1 June 2026",
      "Reason: Fel ansökan.",
    ]);
  });
});
