import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import type { AnnouncedRound, RoundGrant } from "@/db/queries/newsroom";
import { GRANTS_CSV_COLUMNS, grantsCsv, grantsJson } from "./grants-data";

const ROUND: AnnouncedRound = { id: 5, ordinal: 5, year: 2013, decisionOn: "2013-05-20", programmeName: "Program för Hållbar jämställdhet", programmeCode: "HJ", funder: "regeringen" };
const GRANTS: RoundGrant[] = [
  {
    applicationId: 1,
    registrationNumber: "HJ-2013-0007",
    organisations: ["Regionförbundet Östsam", "Linköpings kommun"],
    projectTitle: "Jämställd regional utveckling",
    description: "Ett gemensamt projekt.",
    countyCode: "05",
    countyName: "Östergötlands län",
    amount: 1_600_000,
    decidedOn: "2013-05-20",
  },
  {
    applicationId: 2,
    registrationNumber: "HJ-2013-0008",
    organisations: ["=HYPERLINK(\"http://evil.example\")"],
    projectTitle: "+SUM(A1:A9)",
    description: "@cmd",
    countyCode: null,
    countyName: null,
    amount: 500_000,
    decidedOn: "2013-05-21",
  },
];

describe("a round's grants as 360Giving data", () => {
  it("writes JSON with the standard's field names, a joint application named by all its organisations", () => {
    const data = JSON.parse(grantsJson(ROUND, "femte omgången 2013", GRANTS)) as { grants: Record<string, unknown>[] };
    expect(data.grants).toHaveLength(2);
    expect(data.grants[0]).toEqual({
      identifier: "SKL-HJ-2013-0007",
      title: "Jämställd regional utveckling",
      description: "Ett gemensamt projekt.",
      currency: "SEK",
      amountAwarded: 1_600_000,
      awardDate: "2013-05-20",
      recipientOrganization: [{ name: "Regionförbundet Östsam" }, { name: "Linköpings kommun" }],
      fundingOrganization: [{ name: "Sveriges Kommuner och Landsting" }],
      beneficiaryLocation: [{ name: "Östergötlands län", geoCode: "SE-05", geoCodeType: "SCB-lan" }],
      grantProgramme: [{ title: "Program för Hållbar jämställdhet, femte omgången 2013" }],
    });
    // JSON needs no guard: a name is a string value, never a formula.
    expect(data.grants[1]!.recipientOrganization).toEqual([{ name: "=HYPERLINK(\"http://evil.example\")" }]);
  });

  it("writes CSV for Swedish Excel (BOM, ';', CRLF) with 360Giving's column titles and formulas guarded", () => {
    const csv = grantsCsv(ROUND, "femte omgången 2013", GRANTS);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toContain("\r\n");
    const parsed = Papa.parse<string[]>(csv.slice(1).trimEnd(), { delimiter: ";" });
    expect(parsed.data[0]).toEqual([...GRANTS_CSV_COLUMNS]);
    expect(parsed.data[1]).toEqual([
      "SKL-HJ-2013-0007",
      "Jämställd regional utveckling",
      "Ett gemensamt projekt.",
      "SEK",
      "1600000",
      "2013-05-20",
      "Regionförbundet Östsam och Linköpings kommun",
      "Sveriges Kommuner och Landsting",
      "Östergötlands län",
      "Program för Hållbar jämställdhet, femte omgången 2013",
    ]);
    const evil = parsed.data[2]!;
    expect(evil[6]).toBe("'=HYPERLINK(\"http://evil.example\")");
    expect(evil[1]).toBe("'+SUM(A1:A9)");
    expect(evil[2]).toBe("'@cmd");
    expect(evil[4]).toBe("500000");
  });
});
