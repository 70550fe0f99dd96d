import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { countyShortName } from "./county";

describe("countyShortName", () => {
  it("gives SCB's short name for every one of the 21 counties", () => {
    const rows = readFileSync(join(process.cwd(), "db/reference/counties.csv"), "utf8").trim().split("\n").slice(1);
    expect(rows).toHaveLength(21);
    for (const row of rows) {
      const [, name, short] = row.split(",");
      expect(countyShortName(name!)).toBe(short);
    }
  });

  it("reads as the seed writes it: i Västerbotten", () => {
    expect(`i ${countyShortName("Västerbottens län")}`).toBe("i Västerbotten");
    expect(countyShortName("Västra Götalands län")).toBe("Västra Götaland");
    expect(countyShortName("Skåne län")).toBe("Skåne");
  });

  it("leaves a name that is already short as it is", () => {
    expect(countyShortName("Västerbotten")).toBe("Västerbotten");
  });
});
