import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compareSwedish, swedishSortKey } from "./sort";

function readCsvColumns(file: string): Record<string, string>[] {
  const url = new URL(`../../db/reference/${file}`, import.meta.url);
  const [header, ...rows] = readFileSync(url, "utf8").trim().split(/\r?\n/);
  const columns = (header ?? "").split(",");
  // The region files contain no quoted fields, so a plain split is enough.
  return rows.map((row) => {
    const cells = row.split(",");
    return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? ""]));
  });
}

const collator = new Intl.Collator("sv");

function sortByKey(names: readonly string[]): string[] {
  return [...names]
    .map((name) => ({ name, key: swedishSortKey(name) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((entry) => entry.name);
}

// The files are in code order, which is far from alphabetical; reversing it
// as well makes sure the key sort really does the work.
const reversed = (names: readonly string[]): string[] => [...names].reverse();

describe("swedishSortKey", () => {
  const municipalities = readCsvColumns("municipalities.csv");
  const counties = readCsvColumns("counties.csv");

  it.each([
    ["municipality short names", municipalities.map((m) => m.municipality_name_short ?? "")],
    ["municipality full names", municipalities.map((m) => m.municipality_name ?? "")],
    ["county names", counties.map((c) => c.county_name ?? "")],
    ["county short names", counties.map((c) => c.county_name_short ?? "")],
  ])("orders all %s like Intl.Collator('sv')", (_label, names) => {
    expect(names.length).toBeGreaterThan(20);
    const expected = [...names].sort(collator.compare);
    expect(sortByKey(reversed(names))).toEqual(expected);
  });

  it("covers the real data set", () => {
    expect(municipalities).toHaveLength(290);
    expect(counties).toHaveLength(21);
  });

  it("puts å, ä, ö after z", () => {
    expect(sortByKey(["Örebro", "Åre", "Älvdalen", "Zinkgruvan", "Ale"])).toEqual([
      "Ale", "Zinkgruvan", "Åre", "Älvdalen", "Örebro",
    ]);
    expect(sortByKey(["Ängelholm", "Åstorp"])).toEqual(["Åstorp", "Ängelholm"]);
    expect(sortByKey(["Malå", "Malmö"])).toEqual(["Malmö", "Malå"]);
    expect(sortByKey(["Håbo", "Habo", "Hylte"])).toEqual(["Habo", "Hylte", "Håbo"]);
  });

  it("keeps spaces and hyphens significant", () => {
    expect(sortByKey(["Upplands-Bro", "Upplandsbro", "Upplands Väsby"])).toEqual([
      "Upplands Väsby", "Upplands-Bro", "Upplandsbro",
    ]);
  });

  it("matches the collator on case, digits and foreign letters", () => {
    const names = [
      "ale", "ALE", "Émile", "Eva", "Ester", "Ærø", "Ärla", "Øster", "Östra", "Über", "Ystad", "Uddevalla",
      "Åsa", "Ängby", "Ørjan", "Zürich", "Zaragoza", "2 kommuner", "10 kommuner", "Kommun 1", "São Paulo",
      "Ñandú", "Nacka", "Çorum", "Cypern", "Dals-Ed", "Dals Långed", "Dalsland", "Wien", "Vänersborg", "Växjö",
      "Värmdö", "Wanås", "Vara",
    ];
    const byKey = sortByKey(names).map(swedishSortKey);
    const byCollator = [...names].sort(collator.compare).map(swedishSortKey);
    // Names that only differ in case or accents share a key; compare the keys.
    expect(byKey).toEqual(byCollator);
  });

  it("folds case and accents into equal keys", () => {
    expect(swedishSortKey("ÅRE")).toBe(swedishSortKey("åre"));
    expect(swedishSortKey("Émile")).toBe(swedishSortKey("emile"));
    expect(swedishSortKey("Ærø")).toBe(swedishSortKey("ärö"));
    expect(swedishSortKey("Über")).toBe(swedishSortKey("yber"));
    // Decomposed input (as from some Mac file systems) gives the same key.
    expect(swedishSortKey("A\u030are")).toBe(swedishSortKey("Åre"));
  });
});

describe("compareSwedish", () => {
  it("sorts like Swedish", () => {
    expect(["Örebro", "Åre", "Älvdalen", "Zinkgruvan", "Ale"].sort(compareSwedish)).toEqual([
      "Ale", "Zinkgruvan", "Åre", "Älvdalen", "Örebro",
    ]);
    expect(compareSwedish("Malmö", "Malå")).toBeLessThan(0);
    expect(compareSwedish("Åstorp", "Ängelholm")).toBeLessThan(0);
    expect(compareSwedish("Ale", "Ale")).toBe(0);
  });
});
