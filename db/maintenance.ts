import Database from "better-sqlite3";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/*
 * Backups and restores work on database files, not on one app's connection (issue 14, README "Backups"): checking a
 * file before it is trusted, telling whether an app has it open, and copying one file into another through SQLite's
 * online backup (page by page under SQLite's own locks, so the target's WAL is honoured and never left stale).
 */

const journalPath = join(dirname(fileURLToPath(import.meta.url)), "migrations", "meta", "_journal.json");

/** The migrations this code has, by the time drizzle records for each (`created_at` in __drizzle_migrations). */
export function knownMigrations(): { tag: string; when: number }[] {
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { tag: string; when: number }[] };
  return journal.entries.map((e) => ({ tag: e.tag, when: e.when }));
}

export type FileCheck =
  | { ok: true; appliedMigrations: number; knownMigrations: number; unknownMigrations: number }
  | { ok: false; problem: "missing" | "not-a-database" | "corrupt" | "not-anslag"; detail: string };

/** Opens the file read-only and checks it: a SQLite database, `PRAGMA integrity_check` ok, Anslag's migrations. */
export function checkDatabaseFile(path: string): FileCheck {
  if (!existsSync(path)) return { ok: false, problem: "missing", detail: path };
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    return { ok: false, problem: "not-a-database", detail: String(error) };
  }
  try {
    let integrity: string[];
    try {
      integrity = (db.pragma("integrity_check") as { integrity_check: unknown }[]).map((r) => String(r.integrity_check));
    } catch (error) {
      // "file is not a database", "database disk image is malformed"
      const code = (error as { code?: string }).code;
      return { ok: false, problem: code === "SQLITE_NOTADB" ? "not-a-database" : "corrupt", detail: String(error) };
    }
    if (integrity.length !== 1 || integrity[0] !== "ok") return { ok: false, problem: "corrupt", detail: integrity.slice(0, 5).join("; ") };
    const ledger = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
    if (!ledger) return { ok: false, problem: "not-anslag", detail: "no __drizzle_migrations table" };
    const applied = db.prepare("SELECT created_at FROM __drizzle_migrations").pluck().all() as number[];
    const known = new Set(knownMigrations().map((m) => m.when));
    return {
      ok: true,
      appliedMigrations: applied.length,
      knownMigrations: known.size,
      unknownMigrations: applied.filter((when) => !known.has(Number(when))).length,
    };
  } finally {
    db.close();
  }
}

/**
 * True when another connection (a running app, a CLI command) has the database open. Every connection to a WAL
 * database holds a shared lock on it while open, so an exclusive lock taken without waiting is refused exactly then.
 */
export function databaseInUse(path: string): boolean {
  if (!existsSync(path)) return false;
  const db = new Database(path, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 0");
    db.pragma("locking_mode = EXCLUSIVE");
    db.exec("BEGIN EXCLUSIVE");
    db.exec("COMMIT");
    return false;
  } catch (error) {
    if ((error as { code?: string }).code === "SQLITE_BUSY") return true;
    throw error;
  } finally {
    db.close();
  }
}

/** Copies the database at `source` into `target` (made or overwritten) with SQLite's online backup. */
export async function copyDatabaseFile(source: string, target: string): Promise<number> {
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    return (await db.backup(target)).totalPages;
  } finally {
    db.close();
  }
}
