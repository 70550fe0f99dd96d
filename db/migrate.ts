import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import type { Db } from "./client";

const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), "migrations");

/** Applies every committed migration not yet applied (drizzle keeps the ledger in __drizzle_migrations). */
export function runMigrations(db: Db): void {
  migrate(db, { migrationsFolder });
}
