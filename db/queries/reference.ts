import { asc } from "drizzle-orm";
import type { Db } from "../client";
import { counties } from "../schema";

/** The 21 counties in Swedish order, for filters and pickers. */
export function listCounties(db: Db) {
  return db.select({ code: counties.code, name: counties.name }).from(counties).orderBy(asc(counties.sortName)).all();
}
