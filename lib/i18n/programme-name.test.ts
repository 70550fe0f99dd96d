import { describe, expect, it } from "vitest";
import { programmeName, roundProgrammeName } from "./programme-name";

describe("programmeName", () => {
  const programme = { name: "Program för Hållbar jämställdhet", nameEn: "Programme for Sustainable Gender Equality" };

  it("is English in English and Swedish in Swedish", () => {
    expect(programmeName(programme, "en")).toBe("Programme for Sustainable Gender Equality");
    expect(programmeName(programme, "sv")).toBe("Program för Hållbar jämställdhet");
  });

  it("falls back to the Swedish name when there is no English one", () => {
    expect(programmeName({ name: "Nytt program", nameEn: null }, "en")).toBe("Nytt program");
    expect(roundProgrammeName({ programmeName: "Nytt program", programmeNameEn: "" }, "en")).toBe("Nytt program");
  });
});
