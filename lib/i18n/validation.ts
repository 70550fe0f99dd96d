import en from "./messages/en/validation.json";
import sv from "./messages/sv/validation.json";
import type { Locale } from "./config";

/*
 * Validation messages are written in Swedish in the zod schemas, because the CLI, the import reports and the
 * letters are Swedish documents and the schemas are shared by the browser and the server. Where a message is shown
 * to a person (components/ui/field-shell.tsx, components/forms/failure-alert.tsx), it is translated here: the
 * Swedish catalogue (messages/sv/validation.json) says which message it is, with its numbers as parameters
 * ("Högst {max} tecken." matches "Högst 300 tecken."), and the visitor's catalogue gives it in their language.
 * A message that is not in the catalogue is shown as it is; lib/i18n/validation.test.ts fails when a schema can
 * produce one.
 */

type Catalogue = Record<string, string>;
const CATALOGUES: Record<Locale, Catalogue> = { sv: sv.validation, en: en.validation };

const NUMBER = "(\\d{1,3}(?:[ \\u00a0\\u202f]\\d{3})+|\\d+)";
const TEXT = "(.+?)";

type Pattern = { key: string; regex: RegExp; names: string[] };

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// Parameters named as counts or bounds are numbers; anything else (a list of roles) is text.
const NUMERIC = new Set(["max", "min", "count"]);

function compile(key: string, template: string): Pattern {
  const names: string[] = [];
  const source = template
    .split(/(\{\w+\})/)
    .map((part) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      if (!name) return escape(part);
      names.push(name);
      return NUMERIC.has(name) ? NUMBER : TEXT;
    })
    .join("");
  return { key, regex: new RegExp(`^${source}$`, "s"), names };
}

// The most specific message first: the one with the most fixed text. A message that a looser pattern would also
// match ("… ligger i län 24, inte i län 01." and "… ligger i län {county}, inte {other}.") has more fixed text.
const fixedLength = (template: string) => template.replace(/\{\w+\}/g, "").length;
const PATTERNS: Pattern[] = Object.entries(CATALOGUES.sv)
  .map(([key, template]) => ({ ...compile(key, template), fixed: fixedLength(template) }))
  .sort((a, b) => b.fixed - a.fixed);

/** The catalogue key and parameters of a Swedish validation message, or null when it is not catalogued. */
export function matchValidationMessage(message: string): { key: string; values: Record<string, string> } | null {
  for (const pattern of PATTERNS) {
    const match = pattern.regex.exec(message);
    if (!match) continue;
    const values: Record<string, string> = {};
    pattern.names.forEach((name, i) => (values[name] = match[i + 1] ?? ""));
    return { key: pattern.key, values };
  }
  return null;
}

function formatValue(name: string, value: string, locale: Locale): string {
  if (!NUMERIC.has(name)) return value;
  const digits = value.replace(/[ \u00a0\u202f]/g, "");
  // Grouped as the Swedish text grouped it: "10 000" becomes "10,000", a year such as 2100 stays as it is.
  if (digits === value) return value;
  return Number(digits).toLocaleString(locale === "sv" ? "sv-SE" : "en-GB");
}

/** A Swedish validation message in the given language; unknown messages come back unchanged. */
export function translateValidationMessage(message: string, locale: Locale): string {
  if (locale === "sv") return message;
  const found = matchValidationMessage(message);
  if (!found) return message;
  const template = CATALOGUES[locale][found.key];
  if (!template) return message;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => formatValue(name, found.values[name] ?? "", locale));
}
