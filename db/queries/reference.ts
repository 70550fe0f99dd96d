import { asc, eq } from "drizzle-orm";
import type { Db, DbOrTx } from "../client";
import { counties, municipalities, type County, type Municipality } from "../schema";
import { swedishSortKey } from "@/lib/format/sort";

/** The 21 counties in Swedish order, for filters and pickers. */
export function listCounties(db: Db) {
  return db.select({ code: counties.code, name: counties.name }).from(counties).orderBy(asc(counties.sortName)).all();
}

/** One municipality by its SCB code ("2480"), or null. */
export function getMunicipality(db: DbOrTx, code: string): Municipality | null {
  return db.select().from(municipalities).where(eq(municipalities.code, code)).get() ?? null;
}

/** One municipality by its name as the reference list has it ("Umeå kommun"), compared by the Swedish sort key. */
export function findMunicipalityByName(db: DbOrTx, name: string) {
  return db.select().from(municipalities).where(eq(municipalities.sortName, swedishSortKey(name))).get() ?? null;
}

export function countyExists(db: DbOrTx, code: string): boolean {
  return db.select({ code: counties.code }).from(counties).where(eq(counties.code, code)).get() !== undefined;
}

/** Every county's code and short name ("Västra Götaland"), for finding the county a region's name mentions. */
export function listCountyShortNames(db: DbOrTx) {
  return db.select({ code: counties.code, shortName: counties.shortName }).from(counties).all();
}

export function getCounty(db: DbOrTx, code: string): County | null {
  return db.select().from(counties).where(eq(counties.code, code)).get() ?? null;
}
