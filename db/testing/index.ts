import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { closeDb, getDb, type Db } from "../client";

/**
 * A fresh, migrated database for one test: a copy of the run's base file, made the process's current database
 * (so code that calls getDb() uses it too). Returns the handle and the file's path (for tests that open more
 * connections to the same file).
 */
export function freshTestDb(): { db: Db; path: string } {
  const dir = mkdtempSync(join(tmpdir(), "anslag-test-"));
  const path = join(dir, "test.db");
  copyFileSync(inject("baseDatabasePath"), path);
  closeDb();
  process.env.DATABASE_PATH = path;
  return { db: getDb(), path };
}
