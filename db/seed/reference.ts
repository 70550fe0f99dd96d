import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import Papa from "papaparse";
import type { Db } from "../client";
import { counties, municipalities } from "../schema";
import { swedishSortKey } from "@/lib/format/sort";

/*
 * Reference data: the 21 counties (län) and 290 municipalities (kommuner) with their SCB codes, from
 * db/reference/*.csv. Located relative to this module so the CLI (tsx) and vitest both find them.
 */

const COUNTIES_CSV = new URL("../reference/counties.csv", import.meta.url);
const MUNICIPALITIES_CSV = new URL("../reference/municipalities.csv", import.meta.url);

export type CountyRow = { code: string; name: string; shortName: string };
export type MunicipalityRow = { code: string; name: string; shortName: string; countyCode: string };

function parseCsv(url: URL, columns: readonly string[]): Record<string, string>[] {
  const text = readFileSync(url, "utf8");
  const result = Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => h.trim().replace(/^\uFEFF/, ""),
    transform: (v) => v.trim(),
  });
  const file = decodeURIComponent(url.pathname.split("/").pop() ?? url.pathname);
  const first = result.errors[0];
  if (first) throw new Error(`${file}: row ${first.row ?? "?"}: ${first.message}`);
  const missing = columns.filter((c) => !result.meta.fields?.includes(c));
  if (missing.length) throw new Error(`${file}: missing column(s) ${missing.join(", ")}`);
  result.data.forEach((row, i) => {
    for (const c of columns) {
      if (!row[c]) throw new Error(`${file}: row ${i + 2}: empty ${c}`);
    }
  });
  return result.data;
}

/** The counties of db/reference/counties.csv ("24", "Västerbottens län", "Västerbotten"). */
export function readCounties(): CountyRow[] {
  return parseCsv(COUNTIES_CSV, ["county_code", "county_name", "county_name_short"]).map((r) => ({
    code: r.county_code!,
    name: r.county_name!,
    shortName: r.county_name_short!,
  }));
}

/** The municipalities of db/reference/municipalities.csv ("2480", "Umeå kommun", "Umeå", "24"). */
export function readMunicipalities(): MunicipalityRow[] {
  return parseCsv(MUNICIPALITIES_CSV, [
    "municipality_code",
    "municipality_name",
    "municipality_name_short",
    "county_code",
  ]).map((r) => ({
    code: r.municipality_code!,
    name: r.municipality_name!,
    shortName: r.municipality_name_short!,
    countyCode: r.county_code!,
  }));
}

/**
 * Loads (upserts) all counties and municipalities in one transaction. Idempotent: running it again rewrites the same
 * values and never fails; a corrected CSV updates names in place (codes are the keys and are never deleted, since
 * organisations refer to them). Returns how many rows of each the files hold.
 */
export function seedReferenceData(db: Db): { counties: number; municipalities: number } {
  const countyRows = readCounties();
  const municipalityRows = readMunicipalities();
  const countyCodes = new Set(countyRows.map((c) => c.code));
  for (const m of municipalityRows) {
    if (!countyCodes.has(m.countyCode)) {
      throw new Error(`municipalities.csv: ${m.code} ${m.name} refers to unknown county ${m.countyCode}`);
    }
  }

  db.transaction(
    (tx) => {
      for (const c of countyRows) {
        tx.insert(counties)
          .values({ ...c, sortName: swedishSortKey(c.name) })
          .onConflictDoUpdate({
            target: counties.code,
            set: {
              name: sql`excluded.name`,
              shortName: sql`excluded.short_name`,
              sortName: sql`excluded.sort_name`,
            },
          })
          .run();
      }
      for (const m of municipalityRows) {
        tx.insert(municipalities)
          .values({ ...m, sortName: swedishSortKey(m.name) })
          .onConflictDoUpdate({
            target: municipalities.code,
            set: {
              name: sql`excluded.name`,
              shortName: sql`excluded.short_name`,
              countyCode: sql`excluded.county_code`,
              sortName: sql`excluded.sort_name`,
            },
          })
          .run();
      }
    },
    { behavior: "immediate" },
  );

  return { counties: countyRows.length, municipalities: municipalityRows.length };
}
