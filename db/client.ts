import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import * as schema from "./schema";

/*
 * The one SQLite connection of a process. Opened lazily (so `next build` never touches a database) and cached on
 * globalThis (so dev-mode hot reloads and the many route bundles of one server share it).
 * This module has no "server-only" marker so the CLI and the tests can use it; app code imports db/index.ts.
 */

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const DEFAULT_DATABASE_PATH = "data/anslag.db";

/** The synchronous level of every connection: FULL (2). Exported for the test that holds it there. */
export const SYNCHRONOUS = "FULL";

export function databasePath(): string {
  // The path is runtime configuration, not a file of the build: keep the bundler from tracing it.
  return resolve(/*turbopackIgnore: true*/ process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH);
}

export function openDatabase(path: string = databasePath()): Db {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  // Writers queue for up to 5 s instead of failing at once with SQLITE_BUSY.
  sqlite.pragma("busy_timeout = 5000");
  /*
   * Acknowledged means durable (ADR 0012): FULL makes every commit fsync the WAL before COMMIT returns, so a
   * decision the user was told is saved survives a power loss or an OS crash, not only a crash of this process
   * (which WAL with NORMAL already survives). NORMAL would lose the last commits since the latest checkpoint.
   * The cost is one fsync per write transaction (README "Durability"); reads are unaffected.
   */
  sqlite.pragma(`synchronous = ${SYNCHRONOUS}`);
  return drizzle(sqlite, { schema }) as Db;
}

type Cache = { anslagDb?: { path: string; db: Db } };
const cache = globalThis as unknown as Cache;

export function getDb(): Db {
  const path = databasePath();
  if (!cache.anslagDb || cache.anslagDb.path !== path) {
    cache.anslagDb?.db.$client.close();
    cache.anslagDb = { path, db: openDatabase(path) };
  }
  return cache.anslagDb.db;
}

export function closeDb(): void {
  cache.anslagDb?.db.$client.close();
  cache.anslagDb = undefined;
}

/** A transaction handle or the database itself: functions that write take one so callers can compose them. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;
