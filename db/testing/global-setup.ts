import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../client";
import { runMigrations } from "../migrate";

/** Migrates one base database per run; each test copies it (a file copy, far cheaper than migrating again). */
export default function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), "anslag-unit-"));
  const base = join(dir, "base.db");
  const db = openDatabase(base);
  runMigrations(db);
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.close();
  project.provide("baseDatabasePath", base);
  return () => rmSync(dir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    baseDatabasePath: string;
  }
}
