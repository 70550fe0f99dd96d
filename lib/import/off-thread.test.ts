import { readFileSync } from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { seedReferenceData } from "@/db/seed/reference";
import { freshTestDb, rowCount } from "@/db/testing";
import { createTestRound, TEST_ACTOR } from "@/lib/decisions/test-helpers";
import { APPLICATION_TEMPLATE_COLUMNS } from "./columns";
import { inWriteTransaction } from "@/db/transaction";
import { DomainError } from "@/lib/errors";
import { IMPORT_WRITING } from "./limits";
import { importIsWriting, runImportOffThread } from "./off-thread";
import type { ImportEvent } from "./protocol";
import type { ImportRunInput } from "./run";

/*
 * The import in a worker thread (issue 14: no user waits for another's import). The thread has its own connection
 * to the same file, gives the same events as runImport, and leaves the calling thread free while it works.
 */

const FIXTURES = new URL("./fixtures/", import.meta.url);
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(name, FIXTURES)));
const HEADINGS = APPLICATION_TEMPLATE_COLUMNS.slice(0, APPLICATION_TEMPLATE_COLUMNS.indexOf("decision"));

let db: Db;
let path: string;

beforeEach(() => {
  ({ db, path } = freshTestDb());
  seedReferenceData(db);
});

async function collect(input: Partial<ImportRunInput> & Pick<ImportRunInput, "roundId" | "bytes">): Promise<ImportEvent[]> {
  const events: ImportEvent[] = [];
  const run = runImportOffThread({ fileName: "ansokningar.csv", mode: "import", allOrNothing: false, actor: TEST_ACTOR, ...input }, path);
  for await (const event of run) events.push(event);
  return events;
}

function rows(count: number): Uint8Array {
  const lines = [HEADINGS.join(";")];
  for (let i = 0; i < count; i++) {
    lines.push(`Umeå kommun;;2480;24;;Projekt nr ${i + 1};Beskrivning.;Förskola;${100 + (i % 900)} 000;Åsa Öberg;;090-16 10 00;asa@example.se`);
  }
  return new TextEncoder().encode(lines.join("\r\n"));
}

// Each run starts a thread that loads the import's modules from source through tsx: seconds on a busy machine.
describe("runImportOffThread", { timeout: 60_000 }, () => {
  it("gives the events runImport gives and writes through its own connection", async () => {
    const roundId = createTestRound(db, { budget: 3_000_000, status: "closed" });
    const events = await collect({ roundId, bytes: fixture("applications-bad-rows.csv") });
    expect(events.map((e) => e.phase)).toEqual(["validating", "validating", "importing", "done"]);
    expect(events[2]).toEqual({ phase: "importing", done: 0, total: 1, atomic: true });
    const last = events.at(-1);
    if (last?.phase !== "done") throw new Error(`expected done, got ${JSON.stringify(last)}`);
    expect(last.report).toMatchObject({ imported: 1, refused: 11, skipped: 0 });
    expect(last.report.importedRows).toEqual([{ rowNumber: 2, applicationId: expect.any(Number), registrationNumber: "HJ-2026-0001" }]);
    expect(rowCount(db, "applications")).toBe(1);
  });

  it("leaves this thread free while it parses, checks and writes a large file", async () => {
    const roundId = createTestRound(db, { budget: 900_000_000, status: "closed" });
    // The longest this thread went without running a timer while the import ran: on the request thread, that was the
    // whole import (seconds); with the thread, a few milliseconds plus the machine's noise.
    // Each tick also tries a small write of its own: while the thread writes, the gate refuses it at once (without
    // the gate it would wait for the thread's transaction, freezing this thread for up to busy_timeout).
    let last = performance.now();
    let longest = 0;
    const writes = { done: 0, refused: 0, other: [] as string[] };
    const ticker = setInterval(() => {
      try {
        inWriteTransaction(db, () => db.$client.prepare("UPDATE rounds SET criteria = criteria WHERE id = ?").run(roundId));
        writes.done++;
      } catch (error) {
        if (error instanceof DomainError && error.message === IMPORT_WRITING) writes.refused++;
        else writes.other.push(String(error));
      }
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 5);
    const started = performance.now();
    const events = await collect({ roundId, bytes: rows(400) });
    const took = performance.now() - started;
    clearInterval(ticker);
    expect(events.at(-1)).toMatchObject({ phase: "done", report: { imported: 400, refused: 0 } });
    expect(rowCount(db, "applications")).toBe(400);
    expect(longest).toBeLessThan(took / 5);
    expect(writes.other).toEqual([]);
    expect(writes.refused).toBeGreaterThan(0);
    expect(writes.done).toBeGreaterThan(0);
    expect(importIsWriting()).toBe(false);
    // Afterwards this thread writes as before.
    inWriteTransaction(db, () => db.$client.prepare("UPDATE rounds SET criteria = criteria WHERE id = ?").run(roundId));
  });
});
