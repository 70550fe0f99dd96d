import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { seedReferenceData } from "@/db/seed/reference";
import { freshTestDb, rowCount } from "@/db/testing";
import { createTestRound, TEST_ACTOR } from "@/lib/decisions/test-helpers";
import { importApplications } from "./apply";
import { APPLICATION_TEMPLATE_COLUMNS, type SpreadsheetRow } from "./columns";
import { importDecisions } from "./decisions";
import { runImport } from "./run";
import { validateImportRows } from "./validate";

let db: Db;
let roundId: number;

beforeEach(() => {
  db = freshTestDb().db;
  seedReferenceData(db);
  roundId = createTestRound(db, { budget: 5_000_000, status: "closed" });
});

function row(cells: Partial<SpreadsheetRow>): SpreadsheetRow {
  return {
    ...Object.fromEntries(APPLICATION_TEMPLATE_COLUMNS.map((c) => [c, ""])),
    organisation: "Umeå kommun",
    project_title: "Projekt",
    requested_amount: "100 000",
    ...cells,
  };
}

function written() {
  const count = (table: string) => rowCount(db, table);
  return [count("applications"), count("organisations"), count("decisions"), count("audit_events")];
}

describe("bad input in an import", () => {
  it("gets a Swedish message at its row and column, in the preview and in the import, and writes nothing", async () => {
    const rows = [
      row({ project_title: "Titel\u0000med NUL" }),
      row({ organisation: "Umeå\u202e kommun" }),
      row({ contact_name: "\u200b\u200b", project_title: "Osynligt" }),
      row({ description: "Trasig \ud800 text", project_title: "Trasigt" }),
      row({ organisation: "Ny förening", organisation_kind: "constructor" }),
      row({ decision: "toString", decided_at: "2026-05-20", project_title: "Beslut" }),
      row({ project_title: "x".repeat(301) }),
      row({ decision: "approved", granted_amount: "50 000", decided_at: "2026-02-30", project_title: "Datum" }),
    ];
    const before = written();
    const preview = validateImportRows(db, roundId, rows);
    expect(preview.rows.map((r) => r.errors)).toEqual([
      [{ column: "project_title", message: "Texten innehåller styrtecken som inte hör hemma i en text. Ta bort dem." }],
      [{ column: "organisation", message: "Texten innehåller tecken som vänder läsriktningen. Ta bort dem." }],
      [{ column: "contact_name", message: "Texten består bara av osynliga tecken." }],
      [{ column: "description", message: "Texten innehåller ett tecken som inte går att spara. Skriv om det." }],
      [{ column: "organisation_kind", message: expect.stringContaining('Okänd organisationstyp "constructor"') }],
      [{ column: "decision", message: 'Okänt beslut "toString": skriv approved eller rejected, eller lämna tomt.' }],
      [{ column: "project_title", message: "Högst 300 tecken." }],
      [{ column: "decided_at", message: "Datumet finns inte." }],
    ]);

    const report = importApplications(db, roundId, rows, { allOrNothing: false, actor: TEST_ACTOR });
    expect(report).toMatchObject({ imported: 0, refused: 8 });
    expect(report.rows.map((r) => r.errors)).toEqual(preview.rows.map((r) => r.errors));
    expect(written()).toEqual(before);
  });

  it("a row wrong in several cells gets every message at once, the organisation's included", () => {
    const preview = validateImportRows(db, roundId, [
      row({ organisation: "Stiftelsen Okänd", requested_amount: "-5", municipality_code: "2481", county_code: "01" }),
    ]);
    expect(preview.rows[0]?.errors.map((e) => e.column)).toEqual(["requested_amount", "county_code"]);
    expect(preview.rows[0]?.errors[1]?.message).toBe("Lycksele kommun ligger i län 24, inte 01.");
  });

  it("a decisions file with bad text or an unknown number is refused at its cells, nothing written", () => {
    const before = written();
    const report = importDecisions(
      db,
      roundId,
      [
        { registration_number: "HJ-2026-9999", decision: "approved", granted_amount: "1", decided_at: "2026-05-20", motivation: "" },
        { registration_number: "HJ\u0007", decision: "rejected", granted_amount: "", decided_at: "2026-05-20", motivation: "Bra\u202e" },
      ],
      { actor: TEST_ACTOR },
    );
    expect(report.rows.map((r) => r.errors)).toEqual([
      [{ column: "registration_number", message: "Diarienumret HJ-2026-9999 finns inte." }],
      [
        { column: "registration_number", message: "Texten innehåller styrtecken som inte hör hemma i en text. Ta bort dem." },
        { column: "motivation", message: "Texten innehåller tecken som vänder läsriktningen. Ta bort dem." },
      ],
    ]);
    expect(written()).toEqual(before);
  });

  it("a file that is not a spreadsheet ends the stream with a message, never a throw", async () => {
    const events = [];
    for await (const event of runImport(
      db,
      { roundId, bytes: new Uint8Array([0, 1, 2, 3, 255, 254, 0, 0]), fileName: "a.csv", mode: "import", allOrNothing: false, actor: TEST_ACTOR },
      { pause: async () => {} },
    )) {
      events.push(event);
    }
    expect(events).toEqual([{ phase: "error", message: "Filen är inte en CSV- eller XLSX-fil." }]);
  });
});
