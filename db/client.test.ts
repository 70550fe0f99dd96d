import Database from "better-sqlite3";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "./client";
import { inWriteTransaction } from "./transaction";
import { freshTestDb, tempDir } from "./testing";

/*
 * Durability (issue 14, ADR 0012): every connection the app opens commits with synchronous=FULL in WAL mode, so an
 * acknowledged write has been fsynced to the WAL before COMMIT returns. With NORMAL a power loss loses the commits
 * since the last checkpoint: a decision the officer was told is saved would be gone.
 */

const FULL = 2;

describe("openDatabase", () => {
  it("opens every connection in WAL mode with synchronous=FULL", () => {
    const db = openDatabase(join(tempDir("anslag-client-"), "x.db"));
    try {
      expect(db.$client.pragma("journal_mode", { simple: true })).toBe("wal");
      expect(db.$client.pragma("synchronous", { simple: true })).toBe(FULL);
      expect(db.$client.pragma("foreign_keys", { simple: true })).toBe(1);
    } finally {
      db.$client.close();
    }
  });

  it("keeps FULL inside a write transaction, where decisions are recorded", () => {
    const { db } = freshTestDb();
    const level = inWriteTransaction(db, () => db.$client.pragma("synchronous", { simple: true }));
    expect(level).toBe(FULL);
  });

  it("a committed write is in the file for a connection opened afterwards", () => {
    const path = join(tempDir("anslag-client-"), "y.db");
    const db = openDatabase(path);
    db.$client.exec("CREATE TABLE t (x INTEGER)");
    inWriteTransaction(db, () => db.$client.prepare("INSERT INTO t VALUES (1)").run());
    const other = new Database(path, { readonly: true });
    try {
      expect(other.prepare("SELECT count(*) FROM t").pluck().get()).toBe(1);
    } finally {
      other.close();
      db.$client.close();
    }
  });
});
