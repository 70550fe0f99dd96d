import { rmSync } from "node:fs";
import { ROLES } from "@/lib/enums";
import { storageStatePath } from "./storage-state";

/** Removes this run's database and the saved sessions of its demo roles, unless the caller named the database. */
export default function globalTeardown() {
  const path = process.env.E2E_DATABASE_PATH;
  if (!path || process.env.E2E_DATABASE_TEMPORARY !== "1") return;
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${path}${suffix}`, { force: true });
  for (const role of ROLES) rmSync(storageStatePath(role), { force: true });
}
