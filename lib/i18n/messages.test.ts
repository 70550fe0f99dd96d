import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import en from "./messages/en/index";
import sv from "./messages/sv/index";

/* Every message exists in both languages, and the area files never claim the same top-level namespace. */

function keysOf(value: unknown, prefix = ""): string[] {
  if (value === null || typeof value !== "object") return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

// Keys one language lacks on purpose, each with its reason. The lead empties this at the merge if the owner fixes it.
// statistics.summary: the Swedish sentence is composed by lib/format (counts in words), the English one by ICU.
const KNOWN_GAPS = new Set(["statistics.summary"]);

const dir = (locale: string) => join(__dirname, "messages", locale);
const files = (locale: string) => readdirSync(dir(locale)).filter((f) => f.endsWith(".json")).sort();

describe("messages", () => {
  it("has the same files in both languages", () => {
    expect(files("en")).toEqual(files("sv"));
  });

  it("has every key in both languages", () => {
    const svKeys = new Set(keysOf(sv).filter((k) => !KNOWN_GAPS.has(k)));
    const enKeys = new Set(keysOf(en).filter((k) => !KNOWN_GAPS.has(k)));
    expect([...svKeys].filter((k) => !enKeys.has(k)), "missing in English").toEqual([]);
    expect([...enKeys].filter((k) => !svKeys.has(k)), "missing in Swedish").toEqual([]);
  });

  it("loads every file's namespaces, none claimed by two files", () => {
    for (const locale of ["sv", "en"]) {
      const owner = new Map<string, string>();
      for (const file of files(locale)) {
        for (const namespace of Object.keys(JSON.parse(readFileSync(join(dir(locale), file), "utf8")) as object)) {
          expect(owner.get(namespace), `${locale}: "${namespace}" in ${file} and ${owner.get(namespace)}`).toBeUndefined();
          owner.set(namespace, file);
        }
      }
      expect([...owner.keys()].sort()).toEqual(Object.keys(locale === "sv" ? sv : en).sort());
    }
  });

  it("has no empty message", () => {
    for (const [locale, messages] of [["sv", sv], ["en", en]] as const) {
      const empty = keysOf(messages).filter((key) => {
        const value = key.split(".").reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], messages);
        return typeof value === "string" && value.trim() === "";
      });
      expect(empty, locale).toEqual([]);
    }
  });
});
