import { readFileSync } from "node:fs";
import writeXlsxFile from "write-excel-file/node";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { seedReferenceData } from "@/db/seed/reference";
import { getOrganisationByName } from "@/db/queries/organisations";
import { freshTestDb, rowCount } from "@/db/testing";
import { grantedInRound } from "@/lib/decisions/record";
import { createTestRound, TEST_ACTOR } from "@/lib/decisions/test-helpers";
import { APPLICATION_TEMPLATE_COLUMNS } from "./columns";
import { importApplications } from "./apply";
import { parseSpreadsheet } from "./parse";
import { validateImportRows } from "./validate";

/** The thirteen application columns of the template, before the decision columns. */
const APPLICATION_CELLS = APPLICATION_TEMPLATE_COLUMNS.slice(0, 13);

const NBSP = "\u00a0";

let db: Db;

beforeEach(() => {
  db = freshTestDb().db;
  seedReferenceData(db);
});

async function parsedFixture(name: string) {
  const result = await parseSpreadsheet(new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url))), name);
  if (!result.ok) throw new Error(result.error);
  return result;
}

function counts() {
  const count = (table: string) => rowCount(db, table);
  return {
    applications: count("applications"),
    organisations: count("organisations"),
    decisions: count("decisions"),
    audit_events: count("audit_events"),
    co_applicants: count("application_co_applicants"),
    registration_sequences: count("registration_sequences"),
  };
}

describe("validateImportRows", () => {
  it("reports one error of every kind at its row and column, without writing", async () => {
    const roundId = createTestRound(db, { budget: 3_000_000, status: "closed" });
    const file = await parsedFixture("applications-bad-rows.csv");
    const before = counts();
    const preview = validateImportRows(db, roundId, file.rows, file.rowNumbers);
    expect(counts()).toEqual(before);

    const errors = Object.fromEntries(preview.rows.map((r) => [r.rowNumber, r.errors]));
    expect(errors).toEqual({
      2: [],
      3: [{ column: "requested_amount", message: "Beloppet kan inte vara negativt." }],
      4: [{ column: "requested_amount", message: "Beloppet ska anges i hela kronor, utan ören." }],
      5: [{ column: "requested_amount", message: "Beloppet är orimligt stort (högst 1 miljard kronor)." }],
      6: [{ column: "county_code", message: "Länskoden 99 finns inte." }],
      7: [{ column: "municipality_code", message: "Kommunkoden 9999 finns inte." }],
      8: [{ column: "contact_email", message: "Ange en giltig e-postadress, till exempel namn@kommun.se." }],
      9: [{ column: "project_title", message: "Samma organisation och projekttitel som rad 2." }],
      10: [{ column: "granted_amount", message: "Ange det beviljade beloppet (mer än 0 kronor) för en beviljad ansökan." }],
      11: [{ column: "organisation_kind", message: expect.stringMatching(/^Stiftelsen Okänd finns inte i registret: ange organisationstyp/) }],
      12: [{ column: "granted_amount", message: "Beviljat belopp utan beslut: fyll i decision (approved eller rejected)." }],
      // Row 13 is empty and skipped; the numbers stay those the spreadsheet shows.
      14: [
        {
          column: "granted_amount",
          message: `Beviljade belopp överstiger omgångens budget från och med denna rad: 2${NBSP}000${NBSP}000 kronor återstår.`,
        },
      ],
    });
    expect(preview).toMatchObject({ valid: 1, invalid: 11, approvedInFile: 1_000_000, remainingBudget: 2_000_000 });
    expect(preview.rows[0]?.decision).toEqual({ outcome: "approved", grantedAmount: 1_000_000, decidedOn: "2026-05-20", motivation: "" });
  });

  it("counts what the round has already granted, accepts the Swedish kind labels and refuses a decision in a planned round", () => {
    const planned = createTestRound(db, { budget: 1_000_000, status: "planned" });
    const row = (values: Record<string, string>) => ({
      ...Object.fromEntries(APPLICATION_CELLS.map((c) => [c, ""])),
      ...values,
    });
    const preview = validateImportRows(db, planned, [
      row({ organisation: "Ny förening", organisation_kind: "SAMVERKANSORGAN", project_title: "A", requested_amount: "1" }),
      row({ organisation: "Ny förening", project_title: "B", requested_amount: "1", decision: "approved", granted_amount: "1", decided_at: "2026-01-01" }),
      row({ organisation: "Annan förening", organisation_kind: "Bolag", project_title: "C", requested_amount: "1" }),
    ]);
    expect(preview.rows[0]?.errors).toEqual([]);
    expect(preview.rows[0]?.fields?.leadOrganisation).toEqual({ name: "Ny förening", kind: "samverkansorgan" });
    // The organisation created by row 2 needs no kind again on row 3.
    expect(preview.rows[1]?.errors).toEqual([{ column: "decision", message: "Omgången har inte öppnat ännu: beslut kan inte importeras till den." }]);
    expect(preview.rows[2]?.errors).toEqual([
      { column: "organisation_kind", message: expect.stringContaining('Okänd organisationstyp "Bolag"') },
    ]);
  });
});

describe("importApplications", () => {
  it("imports a good file: organisations, co-applicants, decisions and registration numbers in file order", async () => {
    const roundId = createTestRound(db, { budget: 5_000_000, status: "closed" });
    const file = await parsedFixture("applications-utf8-bom.csv");
    const progress: string[] = [];
    const report = importApplications(db, roundId, file.rows, {
      allOrNothing: true,
      actor: TEST_ACTOR,
      rowNumbers: file.rowNumbers,
      onProgress: (done, total) => progress.push(`${done}/${total}`),
    });

    expect(report).toMatchObject({ imported: 5, refused: 0, skipped: 0 });
    expect(report.rows.map((r) => (r.status === "imported" ? r.registrationNumber : r.status))).toEqual([
      "HJ-2026-0001",
      "HJ-2026-0002",
      "HJ-2026-0003",
      "HJ-2026-0004",
      "HJ-2026-0005",
    ]);
    expect(progress).toEqual(["1/5", "2/5", "3/5", "4/5", "5/5"]);

    const umea = getOrganisationByName(db, "Umeå kommun");
    expect(umea).toMatchObject({ kind: "kommun", municipalityCode: "2480", countyCode: "24" });
    const kalmar = getOrganisationByName(db, "Regionförbundet i Kalmar län");
    expect(kalmar).toMatchObject({ kind: "regionforbund", countyCode: "08" });
    expect(getOrganisationByName(db, "Västtrafik AB")?.kind).toBe("foretag");

    const first = db.query.applications.findFirst({ where: (a, { eq }) => eq(a.registrationNumber, "HJ-2026-0001") }).sync();
    expect(first).toMatchObject({
      status: "approved",
      requestedAmount: 1_200_000,
      focusAreas: ["Förskola", "Ledarskap"],
      description: "Pedagoger utbildas; föräldrar bjuds in.\nTvå år.",
      contactEmail: "anna.berg@umea.se",
    });
    const linkoping = db.query.applications.findFirst({ where: (a, { eq }) => eq(a.registrationNumber, "HJ-2026-0004") }).sync();
    expect(linkoping?.requestedAmount).toBe(1_200_000);
    expect(counts().co_applicants).toBe(2);

    expect(db.query.decisions.findMany({ orderBy: (d, { asc }) => [asc(d.id)] }).sync().map((d) => [d.outcome, d.grantedAmount, d.decidedOn])).toEqual([
      ["approved", 1_000_000, "2026-05-20"],
      ["rejected", 0, "2026-05-20"],
      ["approved", 500_000, "2026-05-21"],
    ]);
    expect(grantedInRound(db, roundId)).toBe(1_500_000);
    const actions = db.query.auditEvents.findMany({ columns: { action: true } }).sync().map((e) => e.action);
    expect(actions.filter((a) => a === "application.create")).toHaveLength(5);
    expect(actions.filter((a) => a === "decision.create")).toHaveLength(3);

    // The same file again: every row is already in the round.
    const again = importApplications(db, roundId, file.rows, { allOrNothing: false, actor: TEST_ACTOR, rowNumbers: file.rowNumbers });
    expect(again).toMatchObject({ imported: 0, refused: 5 });
    expect(again.rows[0]?.errors).toEqual([{ column: "project_title", message: "Ansökan finns redan i omgången (HJ-2026-0001)." }]);
  });

  it("imports a Windows-1252 file and an XLSX with amounts as numbers and as text", async () => {
    const roundId = createTestRound(db, { budget: 5_000_000, status: "open" });
    const cp1252 = await parsedFixture("applications-cp1252.csv");
    expect(importApplications(db, roundId, cp1252.rows, { allOrNothing: true, actor: TEST_ACTOR })).toMatchObject({ imported: 2 });
    expect(db.query.organisations.findMany({ columns: { name: true }, orderBy: (o, { asc }) => [asc(o.id)] }).sync().map((o) => o.name)).toEqual([
      "Kramfors kommun",
      "Örnsköldsviks kommun",
    ]);

    const header = [...APPLICATION_CELLS, "decision", "granted_amount", "decided_at"];
    const line = (values: Record<string, unknown>) => header.map((h) => values[h] ?? null);
    const buffer = await writeXlsxFile(
      [
        header,
        line({ organisation: "Skellefteå kommun", municipality_code: 2482, county_code: 24, project_title: "Vård på lika villkor", requested_amount: 1_200_000, decision: "approved", granted_amount: 900_000, decided_at: new Date("2026-06-02T00:00:00Z") }),
        line({ organisation: "Stockholms kommun", municipality_code: 180, county_code: 1, project_title: "Jämställd stadsplanering", requested_amount: "1 200 000" }),
      ] as never,
      { dateFormat: "yyyy-mm-dd" },
    ).toBuffer();
    const xlsx = await parseSpreadsheet(new Uint8Array(buffer), "omgång.xlsx");
    if (!xlsx.ok) throw new Error(xlsx.error);
    const report = importApplications(db, roundId, xlsx.rows, { allOrNothing: true, actor: TEST_ACTOR, rowNumbers: xlsx.rowNumbers });
    expect(report).toMatchObject({ imported: 2, refused: 0 });
    const rows = db.query.applications.findMany({ orderBy: (a, { asc }) => [asc(a.id)] }).sync().slice(2);
    expect(rows.map((a) => [a.projectTitle, a.requestedAmount, a.status])).toEqual([
      ["Vård på lika villkor", 1_200_000, "approved"],
      ["Jämställd stadsplanering", 1_200_000, "received"],
    ]);
    // Excel dropped the leading zeros of 0180 and 01.
    expect(getOrganisationByName(db, "Stockholms kommun")).toMatchObject({
      municipalityCode: "0180",
      countyCode: "01",
    });
    expect(db.query.decisions.findFirst().sync()).toMatchObject({ grantedAmount: 900_000, decidedOn: "2026-06-02" });
  });

  it("all or nothing: one bad row and the database is left exactly as it was", async () => {
    const roundId = createTestRound(db, { budget: 3_000_000, status: "closed" });
    const file = await parsedFixture("applications-bad-rows.csv");
    const before = counts();
    const report = importApplications(db, roundId, file.rows, { allOrNothing: true, actor: TEST_ACTOR, rowNumbers: file.rowNumbers });
    expect(report).toMatchObject({ imported: 0, refused: 11, skipped: 1 });
    expect(report.rows[0]).toEqual({ rowNumber: 2, status: "skipped", errors: [] });
    expect(counts()).toEqual(before);
  });

  it("row by row: imports the valid rows and reports the others", async () => {
    const roundId = createTestRound(db, { budget: 3_000_000, status: "closed" });
    const file = await parsedFixture("applications-bad-rows.csv");
    const report = importApplications(db, roundId, file.rows, { allOrNothing: false, actor: TEST_ACTOR, rowNumbers: file.rowNumbers });
    expect(report).toMatchObject({ imported: 1, refused: 11, skipped: 0 });
    expect(report.rows[0]).toMatchObject({ rowNumber: 2, status: "imported", registrationNumber: "HJ-2026-0001" });
    expect(report.rows.find((r) => r.rowNumber === 6)).toEqual({
      rowNumber: 6,
      status: "refused",
      errors: [{ column: "county_code", message: "Länskoden 99 finns inte." }],
    });
    expect(counts()).toMatchObject({ applications: 1, decisions: 1 });
  });

  it("a row refused while writing is rolled back alone, or stops an all-or-nothing import", async () => {
    const file = await parsedFixture("applications-utf8-bom.csv");
    // The budget is lowered behind the validation's back (the same connection, so inside the import's
    // transaction) once the first row is written: the approval on row 6 then fails in recordDecision.
    const lowerBudget = (roundId: number) => (done: number) => {
      if (done === 1) db.$client.prepare("UPDATE rounds SET budget = 1200000 WHERE id = ?").run(roundId);
    };

    const roundA = createTestRound(db, { budget: 5_000_000, status: "closed", ordinal: 1 });
    const rowByRow = importApplications(db, roundA, file.rows, {
      allOrNothing: false,
      actor: TEST_ACTOR,
      rowNumbers: file.rowNumbers,
      onProgress: lowerBudget(roundA),
    });
    expect(rowByRow).toMatchObject({ imported: 4, refused: 1 });
    expect(rowByRow.rows[4]).toEqual({
      rowNumber: 6,
      status: "refused",
      errors: [{ column: "granted_amount", message: `Beloppet överstiger det som finns kvar av omgångens budget: 200${NBSP}000 kronor återstår.` }],
    });
    // The refused row took its application, organisation and registration number with it.
    expect(getOrganisationByName(db, "Västtrafik AB")).toBeNull();
    expect(counts()).toMatchObject({ applications: 4, decisions: 2 });

    const roundB = createTestRound(db, { budget: 5_000_000, status: "closed", ordinal: 2, programmeId: 1 });
    const before = counts();
    const allOrNothing = importApplications(db, roundB, file.rows.slice(0, 1).concat(file.rows.slice(4)), {
      allOrNothing: true,
      actor: TEST_ACTOR,
      onProgress: lowerBudget(roundB),
    });
    expect(allOrNothing).toMatchObject({ imported: 0, refused: 1, skipped: 1 });
    expect(counts()).toEqual(before);
  });

  it("checked outside the write transaction: a duplicate or an approval over the budget that came meanwhile is refused inside it", async () => {
    const roundId = createTestRound(db, { budget: 2_000_000, status: "closed" });
    const file = await parsedFixture("applications-utf8-bom.csv");
    // The check before the write lock, as runImport makes it: every row is good then.
    const checked = validateImportRows(db, roundId, file.rows, file.rowNumbers);
    expect(checked.invalid).toBe(0);
    // Meanwhile another officer registers row 2's application with its 1 000 000 kr grant and lowers the budget.
    expect(importApplications(db, roundId, file.rows.slice(0, 1), { allOrNothing: true, actor: TEST_ACTOR })).toMatchObject({ imported: 1 });
    db.$client.prepare("UPDATE rounds SET budget = 1200000 WHERE id = ?").run(roundId);

    const report = importApplications(db, roundId, file.rows, { allOrNothing: false, actor: TEST_ACTOR, rowNumbers: file.rowNumbers, checked });
    expect(report).toMatchObject({ imported: 3, refused: 2 });
    expect(report.rows.filter((r) => r.status === "refused")).toEqual([
      { rowNumber: 2, status: "refused", errors: [{ column: "project_title", message: "Ansökan finns redan i omgången (HJ-2026-0001)." }] },
      {
        rowNumber: 6,
        status: "refused",
        errors: [{ column: "granted_amount", message: `Beviljade belopp överstiger omgångens budget från och med denna rad: 200${NBSP}000 kronor återstår.` }],
      },
    ]);
    expect(grantedInRound(db, roundId)).toBe(1_000_000);
    expect(counts()).toMatchObject({ applications: 4 });

    // All or nothing: the same change meanwhile means nothing of the file is written.
    const before = counts();
    expect(importApplications(db, roundId, file.rows, { allOrNothing: true, actor: TEST_ACTOR, rowNumbers: file.rowNumbers, checked })).toMatchObject({
      imported: 0,
    });
    expect(counts()).toEqual(before);
  });

  it("rolls everything back on an unexpected error", async () => {
    const roundId = createTestRound(db, { budget: 5_000_000, status: "closed" });
    const file = await parsedFixture("applications-utf8-bom.csv");
    const before = counts();
    expect(() =>
      importApplications(db, roundId, file.rows, {
        allOrNothing: false,
        actor: TEST_ACTOR,
        onProgress: (done) => {
          if (done === 3) throw new Error("disk full");
        },
      }),
    ).toThrow("disk full");
    expect(counts()).toEqual(before);
  });
});
