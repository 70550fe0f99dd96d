import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject, TestRunner } from "vitest";
import { closeDb, databasePath, getDb, type Db } from "../client";

/*
 * A fresh, migrated database for one test: a copy of the run's base file. Each copy is removed when it is done
 * with (./setup.ts): one made inside a test after that test, one made in a beforeAll when its file has run.
 */

type TestDatabase = { dir: string; path: string; perTest: boolean };
const made: TestDatabase[] = [];

/**
 * A copy of the migrated base file, made the process's current database (so code that calls getDb() uses it
 * too). Returns the handle and the file's path (for tests that open more connections to the same file).
 */
export function freshTestDb(): { db: Db; path: string } {
  const dir = mkdtempSync(join(tmpdir(), "anslag-test-"));
  const path = join(dir, "test.db");
  copyFileSync(inject("baseDatabasePath"), path);
  closeDb();
  process.env.DATABASE_PATH = path;
  // Inside a test (or its beforeEach) there is a current test; in a beforeAll there is none.
  made.push({ dir, path, perTest: TestRunner.getCurrentTest() !== undefined });
  return { db: getDb(), path };
}

/** Removes the databases made by the test that just ended, or (`all`) every one left, when a file has run. */
export function removeTestDatabases(scope: "test" | "all"): void {
  for (let i = made.length - 1; i >= 0; i--) {
    const entry = made[i]!;
    if (scope === "test" && !entry.perTest) continue;
    if (databasePath() === entry.path) closeDb();
    rmSync(entry.dir, { recursive: true, force: true });
    made.splice(i, 1);
  }
}

/** How many test databases are on disk now (for the test that proves they are removed). */
export function testDatabasesInUse(): readonly string[] {
  return made.map((entry) => entry.path);
}
