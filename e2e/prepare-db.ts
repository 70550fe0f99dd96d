import { rmSync } from "node:fs";
import { openDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { seedDemo } from "@/db/seed/demo";
import { seedReferenceData } from "@/db/seed/reference";

/** A brand-new database for the server under test: migrated from scratch and seeded with the demo. */
const path = process.env.DATABASE_PATH;
if (!path) throw new Error("DATABASE_PATH must name the end-to-end database");
for (const suffix of ["", "-wal", "-shm"]) rmSync(`${path}${suffix}`, { force: true });
const db = openDatabase(path);
runMigrations(db);
seedReferenceData(db);
await seedDemo(db);
db.$client.close();
console.log(`E2E database ready at ${path}`);
