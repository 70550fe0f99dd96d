import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, bench, describe } from "vitest";

/*
 * What synchronous=FULL costs (ADR 0012): one write transaction shaped like a decision (the row and its audit event)
 * in WAL mode, committed with NORMAL and with FULL, on a file in the temp directory. `npx vitest bench db/client.bench.ts`.
 * Not part of `npm test` (a bench times, it does not check).
 */

const dir = mkdtempSync(join(tmpdir(), "anslag-sync-bench-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function connection(level: "NORMAL" | "FULL") {
  const db = new Database(join(dir, `${level}.db`));
  db.pragma("journal_mode = WAL");
  db.pragma(`synchronous = ${level}`);
  db.exec("CREATE TABLE decisions (id INTEGER PRIMARY KEY, application_id INTEGER, granted_amount INTEGER, motivation TEXT)");
  db.exec("CREATE TABLE audit_events (id INTEGER PRIMARY KEY, after TEXT)");
  const decision = db.prepare("INSERT INTO decisions (application_id, granted_amount, motivation) VALUES (?, 100000, 'Beviljas.')");
  const audit = db.prepare("INSERT INTO audit_events (after) VALUES (?)");
  let n = 0;
  const write = db.transaction(() => {
    n += 1;
    decision.run(n);
    audit.run(JSON.stringify({ applicationId: n, grantedAmount: 100_000 }));
  });
  return () => write.immediate();
}

describe("one decision-shaped write transaction", () => {
  const normal = connection("NORMAL");
  const full = connection("FULL");
  bench("synchronous=NORMAL", normal, { iterations: 200 });
  bench("synchronous=FULL", full, { iterations: 200 });
});
