import { eq } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { organisations, type NewOrganisation, type Organisation } from "../schema";
import { swedishSortKey } from "@/lib/format/sort";

/** The identity of an organisation's name: case-insensitive for every letter, å, ä and ö included. */
export function organisationNameKey(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLocaleLowerCase("sv");
}

export function getOrganisationByName(db: DbOrTx, name: string): Organisation | null {
  return db.select().from(organisations).where(eq(organisations.nameKey, organisationNameKey(name))).get() ?? null;
}

/** Every organisation row is written here, so its name key and Swedish sort key always follow its name. */
export function insertOrganisation(db: DbOrTx, values: Omit<NewOrganisation, "id" | "nameKey" | "sortName">): Organisation {
  return db
    .insert(organisations)
    .values({ ...values, nameKey: organisationNameKey(values.name), sortName: swedishSortKey(values.name) })
    .returning()
    .get();
}
