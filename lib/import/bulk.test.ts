import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { openDatabase } from "@/db/client";
import { seedReferenceData } from "@/db/seed/reference";
import { freshTestDb, tempDir } from "@/db/testing";
import { registerApplication } from "@/lib/applications/register";
import { inWriteTransaction } from "@/db/transaction";
import { createTestRound, TEST_ACTOR, testApplicationFields } from "@/lib/decisions/test-helpers";
import { importApplications, type ImportOptions } from "./apply";
import { APPLICATION_TEMPLATE_COLUMNS } from "./columns";
import { parseSpreadsheet } from "./parse";
import { validateImportRows } from "./validate";

/*
 * The import's bulk writer (issue 14) against the one-by-one way it replaced: the same file imported both ways into
 * two copies of one database must leave every table the same, row by row (ids, registration numbers, organisations
 * created, co-applicants in their order, decisions, statuses and versions, every audit event in the order written,
 * the search index, the counters), times aside. The file has what the rules treat apart: registered, new and
 * reference-list organisations, co-applicants repeated or naming the lead or an earlier row's new lead, approvals
 * over the request and without a motivation, a row refused by the check, a row the budget refuses only while writing
 * (lowered behind the check's back, as apply.test.ts does) and a row whose co-applicant that refused row would have
 * created.
 */

const HEADINGS = [...APPLICATION_TEMPLATE_COLUMNS];
type Cells = Partial<Record<(typeof APPLICATION_TEMPLATE_COLUMNS)[number], string>>;
/** One line of the file, ";"-separated, lists quoted as a spreadsheet writes them. */
const line = (cells: Cells) => HEADINGS.map((column) => (cells[column]?.includes(";") ? `"${cells[column]}"` : (cells[column] ?? ""))).join(";");
const approved = (amount: string, date = "2026-05-20", motivation = "") => ({ decision: "approved", granted_amount: amount, decided_at: date, motivation });
const rejected = (date = "2026-05-20") => ({ decision: "rejected", decided_at: date });

const ROWS = [
  line({ organisation: "Umeå kommun", municipality_code: "2480", county_code: "24", project_title: "Jämställd förskola", description: "Pedagoger utbildas.", focus_areas: "Förskola; Ledarskap", requested_amount: "1 200 000", contact_name: "Anna Berg", contact_title: "Projektledare", contact_phone: "090-16 10 00", contact_email: "anna@umea.se", ...approved("1 000 000", "2026-05-20", "Väl motiverad") }),
  line({ organisation: "Borås Stad", organisation_kind: "Kommun", municipality_code: "1490", county_code: "14", co_applicants: "Umeå kommun", project_title: "Trygga stråk", focus_areas: "Stadsplanering", requested_amount: "850000", contact_name: "Erik Lund", ...rejected() }),
  line({ organisation: "Regionförbundet i Kalmar län", organisation_kind: "regionförbund", county_code: "08", co_applicants: "Kalmars kommun", project_title: "Regional tillväxt", requested_amount: "2 000 000" }),
  // The lead and a repeat among the co-applicants; an approval over the request, without a motivation.
  line({ organisation: "Linköpings kommun", municipality_code: "0580", county_code: "05", co_applicants: "Regionförbundet i Kalmar län; Borås Stad; Linköpings kommun; Borås Stad", project_title: "Lika villkor", focus_areas: "Idrott", requested_amount: "1200000,00", contact_name: "Karl Ek", ...approved("1 500 000", "2026-05-21") }),
  // Row 6: the budget, lowered after the check, refuses it while writing; its new organisation goes with it.
  line({ organisation: "Västtrafik AB", organisation_kind: "Företag", county_code: "14", project_title: "Resvanor", requested_amount: "600 000", ...approved("500000", "2026-05-21", "Bra") }),
  // Row 7: its co-applicant was to be created by row 6.
  line({ organisation: "Umeå kommun", co_applicants: "Västtrafik AB", project_title: "Resvanor i Umeå", requested_amount: "300 000" }),
  // Row 8: refused by the check.
  line({ organisation: "Borås Stad", project_title: "Negativt", requested_amount: "-5" }),
  line({ organisation: "lycksele\u00a0kommun", project_title: "Jämställd turism", requested_amount: "400 000", ...rejected("2026-06-01") }),
  ...Array.from({ length: 30 }, (_, i) =>
    i % 10 === 9
      ? line({ organisation: `Förening nr ${i}`, organisation_kind: "Annan", co_applicants: "Umeå kommun", project_title: `Projekt ${i}`, requested_amount: `${100 + i} 000`, ...approved(`${10 + i} 000`, "2026-06-02") })
      : line({
          organisation: ["Umeå kommun", "Borås Stad", "Kalmars kommun"][i % 3],
          co_applicants: i % 4 === 0 ? "Lycksele kommun" : i > 12 && i % 7 === 0 ? "Förening nr 9; Umeå kommun" : "",
          project_title: `Projekt ${i}`,
          description: `Beskrivning ${i}`,
          focus_areas: "Skola",
          requested_amount: `${100 + i} 000`,
          contact_name: `Namn ${i}`,
          ...(i % 5 === 0 ? rejected("2026-06-03") : {}),
        }),
  ),
];

let db: Db;

beforeEach(() => {
  db = freshTestDb().db;
  seedReferenceData(db);
});

async function rowsOf(lines: string[]) {
  const file = await parseSpreadsheet(new Uint8Array(Buffer.from([HEADINGS.join(";"), ...lines].join("\r\n"), "utf8")), "bulk.csv");
  if (!file.ok) throw new Error(file.error);
  return file;
}

/** A copy of `db` as it is now, in a file of its own. */
function copyOf(source: Db): Db {
  const target = join(tempDir("anslag-bulk-"), "copy.db");
  source.$client.prepare("VACUUM INTO ?").run(target);
  return openDatabase(target);
}

const TIMES = new Set(["at", "created_at", "updated_at", "createdAt", "updatedAt"]);

/** Every row of every table (the search index through its own table, not its shadow tables), times blanked. */
function everyRow(source: Db): Record<string, unknown[]> {
  const sqlite = source.$client;
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'application_search_%' AND name NOT LIKE 'sqlite_stat%' ORDER BY name")
    .pluck()
    .all() as string[];
  const blank = (value: unknown): unknown => {
    if (typeof value === "string" && value.startsWith('{"')) {
      const parsed = JSON.parse(value) as Record<string, unknown>;
      return Object.fromEntries(Object.entries(parsed).map(([key, v]) => [key, TIMES.has(key) ? "<time>" : v]));
    }
    return value;
  };
  return Object.fromEntries(
    tables.map((table) => [
      table,
      (sqlite.prepare(`SELECT rowid AS _rowid, * FROM "${table}" ORDER BY rowid`).all() as Record<string, unknown>[]).map((row) =>
        Object.fromEntries(Object.entries(row).map(([column, value]) => [column, TIMES.has(column) ? "<time>" : blank(value)])),
      ),
    ]),
  );
}

describe("the import's bulk writer", () => {
  it("writes every table as registering and deciding each row one by one does, refusals included", async () => {
    // Registered before the import: Lycksele kommun (the file writes it with a no-break space and in lower case).
    const roundId = createTestRound(db, { budget: 5_000_000, status: "closed" });
    inWriteTransaction(db, (tx) =>
      registerApplication(
        tx,
        roundId,
        testApplicationFields({ leadOrganisation: { name: "Lycksele kommun" }, projectTitle: "Redan registrerad", requestedAmount: 100_000 }),
        TEST_ACTOR,
        { allowClosedRound: true },
      ),
    );
    const file = await rowsOf(ROWS);
    const otherDb = copyOf(db);

    const importInto = (target: Db, writer: ImportOptions["writer"]) =>
      importApplications(target, roundId, file.rows, {
        allOrNothing: false,
        actor: TEST_ACTOR,
        rowNumbers: file.rowNumbers,
        checked: validateImportRows(target, roundId, file.rows, file.rowNumbers),
        writer,
        // Lowered inside the transaction once the first row is written: the check passed row 6, writing refuses it.
        onProgress: (done) => {
          if (done === 1) target.$client.prepare("UPDATE rounds SET budget = 2600000 WHERE id = ?").run(roundId);
        },
      });
    const oneByOne = importInto(db, "row");
    const bulk = importInto(otherDb, "bulk");

    expect(bulk).toEqual(oneByOne);
    expect(oneByOne).toMatchObject({ imported: ROWS.length - 3, refused: 3 });
    expect(oneByOne.rows.filter((r) => r.status === "refused").map((r) => [r.rowNumber, r.errors[0]?.column])).toEqual([
      [6, "granted_amount"],
      [7, "co_applicants"],
      [8, "requested_amount"],
    ]);
    const rows = everyRow(db);
    expect(rows.applications).toHaveLength(ROWS.length - 3 + 1);
    expect(everyRow(otherDb)).toEqual(rows);
    // The search index answers alike (its rows are compared above; this reads it as the round's search does).
    const search = (target: Db) =>
      target.$client.prepare("SELECT rowid FROM application_search WHERE application_search MATCH ? ORDER BY rowid").pluck().all('"Förening"');
    expect(search(otherDb)).toEqual(search(db));
    expect(search(db).length).toBeGreaterThan(0);
    otherDb.$client.close();
  });

  it("prepares its statements once per import, not per row", async () => {
    const roundId = createTestRound(db, { budget: 1_000_000_000, status: "open" });
    const statementsFor = async (count: number, writer: ImportOptions["writer"]) => {
      const lines = Array.from({ length: count }, (_, i) =>
        line({
          organisation: ["Umeå kommun", "Borås Stad"][i % 2],
          municipality_code: ["2480", "1490"][i % 2],
          co_applicants: "Lycksele kommun",
          project_title: `Projekt ${writer} ${count} ${i}`,
          requested_amount: "100 000",
          ...(i % 2 === 0 ? approved("50 000", "2026-06-01") : {}),
        }),
      );
      const file = await rowsOf(lines);
      const checked = validateImportRows(db, roundId, file.rows, file.rowNumbers);
      const sqlite = db.$client;
      const prepare = sqlite.prepare.bind(sqlite);
      let prepared = 0;
      sqlite.prepare = ((source: string) => {
        prepared++;
        return prepare(source);
      }) as typeof sqlite.prepare;
      try {
        const report = importApplications(db, roundId, file.rows, { allOrNothing: false, actor: TEST_ACTOR, rowNumbers: file.rowNumbers, checked, writer });
        expect(report.rows.filter((r) => r.status !== "imported")).toEqual([]);
      } finally {
        sqlite.prepare = prepare;
      }
      return prepared;
    };
    // The organisations exist once the first import has made them; then the count no longer grows with the rows.
    await statementsFor(4, "bulk");
    const few = await statementsFor(10, "bulk");
    const many = await statementsFor(60, "bulk");
    expect(many).toBe(few);
    // One by one, every row prepares its statements again.
    expect(await statementsFor(30, "row")).toBeGreaterThan(30 * 5);
  });
});
