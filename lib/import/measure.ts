import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { seedReferenceData } from "@/db/seed/reference";
import { insertTestProgramme, insertTestRound } from "@/db/testing/decisions";
import { importApplications } from "./apply";
import { APPLICATION_TEMPLATE_COLUMNS } from "./columns";
import { parseSpreadsheet } from "./parse";
import { validateImportRows } from "./validate";

/*
 * Times the big import of issue 14 on a database of its own: a 10 MB CSV of 66 504 rows as Swedish Excel writes it
 * (Windows-1252, ";", no-break spaces in amounts), with new organisations, co-applicants and decisions among the
 * rows, parsed, checked and then written in one transaction, each phase timed. By hand, not part of the tests:
 *
 *   npx tsx lib/import/measure.ts            # 66 504 rows
 *   IMPORT_ROWS=5000 npx tsx lib/import/measure.ts
 *   IMPORT_WRITER=row npx tsx lib/import/measure.ts   # every row one by one, as before the bulk writer
 */

const LEADS = ["Umeå kommun;;2480;24", "Borås Stad;Kommun;1490;14", "Linköpings kommun;;0580;05", "Växjö kommun;Kommun;0780;07"];

/** `rows` rows of about 150 bytes: 66 504 of them make the 10 MB of the issue. */
export function bigImportFile(rows: number): Buffer {
  const lines = [APPLICATION_TEMPLATE_COLUMNS.join(";")];
  for (let i = 0; i < rows; i++) {
    // Every 50th row a new organisation of its own; every 7th a joint application; every 3rd decided.
    const lead = i % 50 === 49 ? `Förening nr ${i + 1};Annan;;` : LEADS[i % LEADS.length];
    const co = i % 7 === 3 ? "Lycksele kommun" : "";
    const decision = i % 3 === 0 ? (i % 6 === 0 ? "Beviljad;50\u00a0000;2026-11-20;Bra" : "Avslagen;;2026-11-20;") : ";;;";
    lines.push(`${lead};${co};Jämställd verksamhet nr ${i + 1};Utbildning i jämställdhet.;Förskola;${100 + (i % 900)}\u00a0000;Åsa Öberg;;090-16 10 00;asa@ex.se;${decision}`);
  }
  return Buffer.from(`${lines.join("\r\n")}\r\n`, "latin1");
}

async function main(): Promise<void> {
  const rows = Number(process.env.IMPORT_ROWS ?? 66_504);
  const dir = mkdtempSync(join(tmpdir(), "anslag-measure-"));
  try {
    const db = openDatabase(join(dir, "measure.db"));
    runMigrations(db);
    seedReferenceData(db);
    const roundId = insertTestRound(db, { programmeId: insertTestProgramme(db), budget: 10_000_000_000, status: "open" });
    const file = bigImportFile(rows);
    console.log(`${rows} rows, ${(file.byteLength / 1_000_000).toFixed(1)} MB`);

    let started = performance.now();
    const parsed = await parseSpreadsheet(new Uint8Array(file), "big.csv");
    if (!parsed.ok) throw new Error(parsed.error);
    console.log(`parse    ${Math.round(performance.now() - started)} ms`);
    started = performance.now();
    const checked = validateImportRows(db, roundId, parsed.rows, parsed.rowNumbers);
    console.log(`check    ${Math.round(performance.now() - started)} ms (${checked.valid} valid, ${checked.invalid} refused)`);
    started = performance.now();
    const report = importApplications(db, roundId, parsed.rows, { allOrNothing: false, actor: { id: null, label: "measure" }, rowNumbers: parsed.rowNumbers, checked, writer: process.env.IMPORT_WRITER === "row" ? "row" : "bulk" });
    console.log(`write    ${Math.round(performance.now() - started)} ms (${report.imported} imported, ${report.refused} refused): the write lock is held this long`);
    db.$client.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith("measure.ts")) void main();
