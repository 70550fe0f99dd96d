import { describe, expect, it } from "vitest";
import { ORGANISATION_KINDS } from "@/lib/enums";
import en from "./messages/en/terms.json";
import sv from "./messages/sv/terms.json";

describe("organisation kinds", () => {
  it("has a name for every kind in both languages, and English names that are English", () => {
    expect(Object.keys(sv.organisationKind).sort()).toEqual([...ORGANISATION_KINDS].sort());
    expect(Object.keys(en.organisationKind).sort()).toEqual([...ORGANISATION_KINDS].sort());
    expect(en.organisationKind.kommun).toBe("Municipality");
    expect(Object.values(en.organisationKind).filter((name) => /[åäö]/i.test(name))).toEqual([]);
  });
});
