import { asc } from "drizzle-orm";
import type { Db } from "../client";
import { municipalities, organisations } from "../schema";

/**
 * Names offered while typing an organisation: every registered organisation and every municipality of the
 * reference list (picking "Lycksele kommun" creates it with its county). Swedish order, duplicates removed.
 */
export function listOrganisationNameSuggestions(db: Db, limit = 2000): string[] {
  const orgs = db.select({ name: organisations.name, key: organisations.sortName }).from(organisations).orderBy(asc(organisations.sortName)).limit(limit).all();
  const munis = db.select({ name: municipalities.name, key: municipalities.sortName }).from(municipalities).orderBy(asc(municipalities.sortName)).all();
  const seen = new Set<string>();
  return [...orgs, ...munis]
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .filter(({ name }) => {
      const key = name.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((r) => r.name);
}
