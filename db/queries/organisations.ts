import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { organisations, type Organisation } from "../schema";

/** Case-insensitive, as the unique index on lower(name) is. */
export function getOrganisationByName(db: DbOrTx, name: string): Organisation | null {
  return db.select().from(organisations).where(eq(sql`lower(${organisations.name})`, name.trim().toLowerCase())).get() ?? null;
}
