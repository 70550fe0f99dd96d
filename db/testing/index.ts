import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, sep } from "node:path";
import { inject, TestRunner } from "vitest";
import { closeDb, databasePath, getDb, type Db } from "../client";

/*
 * Temporary directories for tests, each removed when it is done with (./setup.ts): one made inside a test (or its
 * beforeEach) after that test, one made in a beforeAll when its file has run. The fresh databases are such
 * directories, and so is anything else a test writes to disk (a backup, an export, an .env file).
 */

type TemporaryDirectory = { dir: string; database?: string; perTest: boolean };
const made: TemporaryDirectory[] = [];

/** A new, empty directory under the system's temp directory, removed after the test (or file) that made it. */
export function tempDir(prefix: string): string {
  return register(mkdtempSync(join(tmpdir(), prefix)));
}

function register(dir: string, database?: string): string {
  // Inside a test (or its beforeEach) there is a current test; in a beforeAll there is none.
  made.push({ dir, database, perTest: TestRunner.getCurrentTest() !== undefined });
  return dir;
}

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
  register(dir, path);
  return { db: getDb(), path };
}

/** Removes the directories made by the test that just ended, or (`all`) every one left, when a file has run. */
export function removeTestDatabases(scope: "test" | "all"): void {
  for (let i = made.length - 1; i >= 0; i--) {
    const entry = made[i]!;
    if (scope === "test" && !entry.perTest) continue;
    // The process's connection may be to a file in it (a test's own database, or one a test pointed DATABASE_PATH
    // at): closed first, so the files can go.
    if (databasePath().startsWith(entry.dir + sep)) closeDb();
    rmSync(entry.dir, { recursive: true, force: true });
    made.splice(i, 1);
  }
}

/** How many test databases are on disk now (for the test that proves they are removed). */
export function testDatabasesInUse(): readonly string[] {
  return made.flatMap((entry) => (entry.database ? [entry.database] : []));
}

/** The temporary directories not yet removed (for the test that proves they are). */
export function tempDirsInUse(): readonly string[] {
  return made.map((entry) => entry.dir);
}

/** How many rows a table has (before/after counts: a refused write leaves every table as it was). */
export function rowCount(db: Db, table: string): number {
  return db.$client.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
}
