import { readFileSync } from "node:fs";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { seedReferenceData } from "@/db/seed/reference";
import { freshTestDb, rowCount } from "@/db/testing";
import { createTestRound, TEST_ACTOR } from "@/lib/decisions/test-helpers";
import { APPLICATION_TEMPLATE_COLUMNS } from "./columns";
import type { ImportEvent } from "./protocol";
import { runImport, type ImportRunInput } from "./run";

/** The thirteen application columns of the template, before the decision columns. */
const APPLICATION_CELLS = APPLICATION_TEMPLATE_COLUMNS.slice(0, 13);

const FIXTURES = new URL("./fixtures/", import.meta.url);
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(name, FIXTURES)));

let db: Db;

beforeEach(() => {
  db = freshTestDb().db;
  seedReferenceData(db);
});

function counts() {
  const count = (table: string) => rowCount(db, table);
  return { applications: count("applications"), organisations: count("organisations"), decisions: count("decisions"), audit: count("audit_events") };
}

async function collect(input: Partial<ImportRunInput> & Pick<ImportRunInput, "roundId" | "bytes">): Promise<ImportEvent[]> {
  const events: ImportEvent[] = [];
  const run = runImport(
    db,
    { fileName: "ansokningar.csv", mode: "import", allOrNothing: false, actor: TEST_ACTOR, ...input },
    { pause: async () => {} },
  );
  for await (const event of run) events.push(event);
  return events;
}

describe("runImport", () => {
  it("previews without writing: progress first, then every refused row with its column and message", async () => {
    const roundId = createTestRound(db, { budget: 3_000_000, status: "closed" });
    const before = counts();
    const events = await collect({ roundId, bytes: fixture("applications-bad-rows.csv"), mode: "preview" });
    expect(counts()).toEqual(before);
    expect(events.slice(0, 2)).toEqual([
      { phase: "validating", done: 0, total: 12 },
      { phase: "validating", done: 12, total: 12 },
    ]);
    const last = events.at(-1);
    if (last?.phase !== "preview") throw new Error(`expected a preview, got ${JSON.stringify(last)}`);
    expect(last.preview).toMatchObject({ total: 12, valid: 1, invalid: 11, approvedInFile: 1_000_000 });
    expect(last.preview.validRows).toEqual([
      {
        rowNumber: 2,
        organisation: "Umeå kommun",
        projectTitle: "Jämställd förskola i Umeå",
        requestedAmount: 1_200_000,
        decision: { outcome: "approved", grantedAmount: 1_000_000 },
      },
    ]);
    expect(last.preview.refusedRows[0]).toEqual({ rowNumber: 3, errors: [{ column: "requested_amount", message: "Beloppet kan inte vara negativt." }] });
    expect(last.preview.refusedRows.map((r) => r.rowNumber)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14]);
  });

  it("imports every valid row in one transaction and reports each refused row", async () => {
    const roundId = createTestRound(db, { budget: 3_000_000, status: "closed" });
    const events = await collect({ roundId, bytes: fixture("applications-bad-rows.csv") });
    expect(events.find((e) => e.phase === "importing")).toEqual({ phase: "importing", done: 0, total: 1, atomic: true });
    const last = events.at(-1);
    if (last?.phase !== "done") throw new Error(`expected done, got ${JSON.stringify(last)}`);
    expect(last.report).toMatchObject({ allOrNothing: false, imported: 1, refused: 11, skipped: 0 });
    expect(last.report.importedRows).toEqual([{ rowNumber: 2, applicationId: expect.any(Number), registrationNumber: "HJ-2026-0001" }]);
    expect(last.report.refusedRows[0]).toEqual({ rowNumber: 3, errors: [{ column: "requested_amount", message: "Beloppet kan inte vara negativt." }] });
    expect(counts().applications).toBe(1);
  });

  it("registers a clean file's rows in file order, a co-applicant created by an earlier row included", async () => {
    const roundId = createTestRound(db, { budget: 5_000_000, status: "closed" });
    const events = await collect({ roundId, bytes: fixture("applications-utf8-bom.csv") });
    const last = events.at(-1);
    if (last?.phase !== "done") throw new Error("expected done");
    expect(last.report.importedRows.map((r) => [r.rowNumber, r.registrationNumber])).toEqual([
      [2, "HJ-2026-0001"],
      [3, "HJ-2026-0002"],
      [4, "HJ-2026-0003"],
      [5, "HJ-2026-0004"],
      [6, "HJ-2026-0005"],
    ]);
    expect(counts().applications).toBe(5);
  });

  it("all or nothing: one bad row and nothing is written, whatever the page sent before", async () => {
    const roundId = createTestRound(db, { budget: 3_000_000, status: "closed" });
    const before = counts();
    const events = await collect({ roundId, bytes: fixture("applications-bad-rows.csv"), allOrNothing: true });
    expect(counts()).toEqual(before);
    // Nothing will be saved, and the progress line says so.
    expect(events.find((e) => e.phase === "importing")).toEqual({ phase: "importing", done: 0, total: 0, atomic: true });
    const last = events.at(-1);
    if (last?.phase !== "done") throw new Error("expected done");
    expect(last.report).toMatchObject({ allOrNothing: true, imported: 0, refused: 11, skipped: 1, importedRows: [] });
  });

  it("all or nothing with a clean file imports every row in one go", async () => {
    const roundId = createTestRound(db, { budget: 5_000_000, status: "closed" });
    const events = await collect({ roundId, bytes: fixture("applications-utf8-bom.csv"), allOrNothing: true });
    expect(events.at(-1)).toMatchObject({ phase: "done", report: { imported: 5, refused: 0 } });
    expect(counts().applications).toBe(5);
  });

  it("ends with the parser's Swedish message for a file it cannot read", async () => {
    const roundId = createTestRound(db, { budget: 1_000_000 });
    expect(await collect({ roundId, bytes: fixture("text-named.xlsx"), fileName: "text-named.xlsx" })).toEqual([
      { phase: "error", message: expect.stringMatching(/^Filen heter \.xlsx men är ingen XLSX-fil/) },
    ]);
    expect(await collect({ roundId, bytes: new TextEncoder().encode(`${[...APPLICATION_CELLS, "projekt"].join(";")}\nA;B\n`) })).toEqual([
      { phase: "error", message: expect.stringContaining("Okänd kolumn: projekt") },
    ]);
  });

  it("writes nothing and says so when the import fails unexpectedly halfway", async () => {
    const roundId = createTestRound(db, { budget: 5_000_000, status: "closed" });
    const before = counts();
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const events: ImportEvent[] = [];
    let pauses = 0;
    const run = runImport(
      db,
      { roundId, bytes: fixture("applications-utf8-bom.csv"), fileName: "a.csv", mode: "import", allOrNothing: false, actor: TEST_ACTOR },
      {
        pause: async () => {
          // Just before the write, a table the import needs goes away (a disk failure, say): row 5 has co-applicants.
          if (++pauses === 2) db.$client.prepare("DROP TABLE application_co_applicants").run();
        },
      },
    );
    for await (const event of run) events.push(event);
    expect(events.at(-1)).toEqual({ phase: "error", message: "Något gick fel och ingenting lästes in. Försök igen." });
    const after = counts();
    expect(after.applications).toBe(before.applications);
    expect(after.organisations).toBe(before.organisations);
    expect(after.audit).toBe(before.audit);
    // The cause goes to the server log, not to the officer.
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
  });
});
