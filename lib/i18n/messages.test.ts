import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import en from "./messages/en";
import sv from "./messages/sv";

/*
 * Every string the UI shows exists in both languages: a key in one language and not the other fails here, and
 * so does a message file that its language's index does not load (its keys would silently be missing).
 */

type Tree = { [key: string]: string | Tree };

function keysOf(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
}

function valueAt(tree: Tree, path: string): string {
  return path.split(".").reduce<string | Tree>((node, key) => (node as Tree)[key]!, tree) as string;
}

const dir = join(import.meta.dirname, "messages");

describe("message catalogues", () => {
  it("have the same keys in Swedish and English", () => {
    const svKeys = new Set(keysOf(sv as Tree));
    const enKeys = new Set(keysOf(en as Tree));
    expect([...svKeys].filter((k) => !enKeys.has(k)), "in Swedish only").toEqual([]);
    expect([...enKeys].filter((k) => !svKeys.has(k)), "in English only").toEqual([]);
  });

  it("have no empty message", () => {
    const empty = [...keysOf(sv as Tree).map((k) => ["sv", k]), ...keysOf(en as Tree).map((k) => ["en", k])].filter(
      ([locale, key]) => valueAt((locale === "sv" ? sv : en) as Tree, key!).trim() === "",
    );
    expect(empty).toEqual([]);
  });

  it("load every message file of each language, and the same files in both", () => {
    const files = (locale: string) => readdirSync(join(dir, locale)).filter((f) => f.endsWith(".json")).sort();
    expect(files("en")).toEqual(files("sv"));
    for (const locale of ["sv", "en"]) {
      const loaded = keysOf((locale === "sv" ? sv : en) as Tree);
      for (const file of files(locale)) {
        const tree = JSON.parse(readFileSync(join(dir, locale, file), "utf8")) as Tree;
        const missing = keysOf(tree).filter((k) => !loaded.includes(k));
        expect(missing, `${locale}/${file} keys not loaded by its index`).toEqual([]);
      }
    }
  });
});
