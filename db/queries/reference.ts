import { asc, eq } from "drizzle-orm";
import type { Db, DbOrTx } from "../client";
import { counties, municipalities, type County, type Municipality } from "../schema";

/** The 21 counties in Swedish order, for filters and pickers. */
export function listCounties(db: Db) {
  return db.select({ code: counties.code, name: counties.name }).from(counties).orderBy(asc(counties.sortName)).all();
}

export function getCounty(db: DbOrTx, code: string): County | null {
  return db.select().from(counties).where(eq(counties.code, code)).get() ?? null;
}

export function getMunicipality(db: DbOrTx, code: string): Municipality | null {
  return db.select().from(municipalities).where(eq(municipalities.code, code)).get() ?? null;
}
