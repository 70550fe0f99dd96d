import type { Role } from "@/lib/enums";

/**
 * Where a role's signed-in state is kept for this run: beside the run's database, since a session is valid only with
 * this run's database and AUTH_SECRET (both made new for each run by playwright.config.ts).
 */
export function storageStatePath(role: Role): string {
  const database = process.env.E2E_DATABASE_PATH;
  if (!database) throw new Error("E2E_DATABASE_PATH is not set");
  return `${database}.${role}.storage-state.json`;
}
