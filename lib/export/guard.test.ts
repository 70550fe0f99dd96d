import { describe, expect, it } from "vitest";
import { guardFormula, isPlainPhoneNumber, unguardFormula } from "./guard";

describe("guardFormula", () => {
  it("prefixes the ASCII formula starters, after spaces and line breaks too", () => {
    for (const text of ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "\n=1", "  =1"]) expect(guardFormula(text), text).toBe(`'${text}`);
  });

  it("prefixes the fullwidth and small forms and the minus sign, which Excel takes as the same signs", () => {
    for (const text of ["＝HYPERLINK(\"x\")", "＋1", "－1", "＠A1", "﹦1", "﹢1", "﹣1", "﹫A1", "\u22121"]) expect(guardFormula(text), text).toBe(`'${text}`);
  });

  it("prefixes a cell that begins with a zero-width or other invisible character", () => {
    for (const text of ["\u200b=1+1", "\u200bUmeå", "\u200d+1", "\u2060@x", "\ufeff=1", "\u00ad-1", "\u202e=1"]) {
      expect(guardFormula(text), JSON.stringify(text)).toBe(`'${text}`);
    }
  });

  it("leaves ordinary text alone", () => {
    for (const text of ["Umeå kommun", "1 200 000", "090-16 10 00", "E-post", "a=b", ""]) expect(guardFormula(text)).toBe(text);
  });
});

describe("unguardFormula", () => {
  it("takes off exactly the guard's apostrophe, and nothing else", () => {
    for (const text of ["=1+1", "+46 90 12 34 56", "＝x", "\u200b=1", "-1+2; Trygghet"]) expect(unguardFormula(guardFormula(text))).toBe(text);
    expect(unguardFormula("'Ett citat'")).toBe("'Ett citat'");
    expect(unguardFormula("Umeå")).toBe("Umeå");
  });
});

describe("isPlainPhoneNumber", () => {
  it("knows an international phone number from a formula", () => {
    expect(isPlainPhoneNumber("+46 90 12 34 56")).toBe(true);
    expect(isPlainPhoneNumber("+46 (0)90-12 34 56")).toBe(true);
    expect(isPlainPhoneNumber("+SUM(1)")).toBe(false);
    expect(isPlainPhoneNumber("+46+A1")).toBe(false);
    expect(isPlainPhoneNumber("090-12 34 56")).toBe(false);
  });
});
