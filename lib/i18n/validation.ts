import { formatAmount, ordinalInEnglish } from "@/lib/format/ui";
import { formatDateLongEnglish } from "@/lib/format/date";
import { ordinalInWords } from "@/lib/format/ordinal";
import enRefusals from "./messages/en/refusals.json";
import en from "./messages/en/validation.json";
import svRefusals from "./messages/sv/refusals.json";
import sv from "./messages/sv/validation.json";
import type { Locale } from "./config";

/*
 * Validation messages and refusals are written in Swedish in the zod schemas and the rules of lib/, because the CLI,
 * the import reports and the letters are Swedish documents and the schemas are shared by the browser and the server.
 * Where a message is shown to a person (components/ui/field-shell.tsx, components/forms/failure-alert.tsx, the
 * decision meeting), it is translated here: the Swedish catalogues (messages/sv/validation.json for the schemas,
 * messages/sv/refusals.json for the rules' refusals and zod's own Swedish messages) say which message it is, with its
 * parameters ("Högst {max} tecken." matches "Högst 300 tecken."), and the visitor's catalogue gives it in their
 * language. A parameter is given in the visitor's language too, by its name: amounts ("1 700 000 kronor" becomes
 * "SEK 1,700,000"), ordinals ("femte" becomes "fifth"), dates ("1 januari 2000" becomes "1 January 2000"), and a
 * message inside a message is translated in turn. A message that is not in a catalogue is shown as it is;
 * lib/i18n/validation.test.ts fails when a schema or a rule can produce one.
 */

type Catalogue = Record<string, string>;
const CATALOGUES: Record<Locale, Catalogue> = {
  sv: { ...sv.validation, ...svRefusals.refusals },
  en: { ...en.validation, ...enRefusals.refusals },
};

const DIGITS = "\\d{1,3}(?:[ \\u00a0\\u202f]\\d{3})+|\\d+";
const SWEDISH_ORDINALS = Array.from({ length: 12 }, (_, i) => ordinalInWords(i + 1));
const SWEDISH_MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];

type Kind = "number" | "amount" | "ordinal" | "date" | "message" | "registrationNumber" | "zodType" | "zodOrigin" | "zodUnit" | "text";

// What a parameter is, by its name. Anything not named here is text and is shown as it is (a name, a list of roles).
const KINDS: Record<string, Kind> = {
  max: "number",
  min: "number",
  count: "number",
  row: "number",
  left: "amount",
  proposed: "amount",
  budget: "amount",
  over: "amount",
  granted: "amount",
  ordinal: "ordinal",
  date: "date",
  message: "message",
  registrationNumber: "registrationNumber",
  expected: "zodType",
  received: "zodType",
  origin: "zodOrigin",
  unit: "zodUnit",
  format: "zodUnit",
};

const PATTERN_OF: Record<Kind, string> = {
  number: `(${DIGITS})`,
  amount: `([\\u2212-]?(?:${DIGITS})[ \\u00a0]kronor)`,
  ordinal: `(${SWEDISH_ORDINALS.join("|")}|\\d+:[ae])`,
  date: "(.+?)",
  message: "(.+?)",
  // "HJ-2013-0042", "DEMO-2026-0001": a row's number never holds the ": " that ends it.
  registrationNumber: "([A-ZÅÄÖ0-9]+-\\d{4}-\\d+)",
  zodType: "(.+?)",
  zodOrigin: "(.+?)",
  zodUnit: "(.+?)",
  text: "(.+?)",
};

type Pattern = { key: string; regex: RegExp; names: string[]; fixed: number };

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const kindOf = (name: string): Kind => KINDS[name] ?? "text";

function compile(key: string, template: string): Pattern {
  const names: string[] = [];
  const source = template
    .split(/(\{\w+\})/)
    .map((part) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      if (!name) return escape(part);
      names.push(name);
      return PATTERN_OF[kindOf(name)];
    })
    .join("");
  return { key, regex: new RegExp(`^${source}$`, "s"), names, fixed: template.replace(/\{\w+\}/g, "").length };
}

// The most specific message first: the one with the most fixed text. A message that a looser pattern would also
// match ("… ligger i län 24, inte i län 01." and "… ligger i län {county}, inte {other}.") has more fixed text.
const PATTERNS: Pattern[] = Object.entries(CATALOGUES.sv)
  .map(([key, template]) => compile(key, template))
  .sort((a, b) => b.fixed - a.fixed);

/** The catalogue key and parameters of a Swedish message, or null when it is not catalogued. */
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

const digitsOf = (text: string) => text.replace(/[ \u00a0\u202f]/g, "");

/** "femte" is 5, "13:e" is 13; null when it is no Swedish ordinal. */
export function parseSwedishOrdinal(text: string): number | null {
  const word = SWEDISH_ORDINALS.indexOf(text);
  if (word >= 0) return word + 1;
  const figure = /^(\d+):[ae]$/.exec(text);
  return figure ? Number(figure[1]) : null;
}

/** "1 januari 2000" as "2000-01-01"; null when it is not a Swedish long date. */
function parseSwedishDate(text: string): string | null {
  const match = /^(\d{1,2}) ([a-zåäö]+) (\d{4})$/.exec(text);
  const month = match ? SWEDISH_MONTHS.indexOf(match[2] ?? "") + 1 : 0;
  if (!match || month === 0) return null;
  return `${match[3]}-${String(month).padStart(2, "0")}-${(match[1] ?? "").padStart(2, "0")}`;
}

// zod's Swedish locale names a few types and units in Swedish; its English locale uses these words.
const ZOD_WORDS: Record<string, string> = {
  antal: "number",
  lista: "array",
  värdet: "value",
  tecken: "characters",
  objekt: "items",
  "e-postadress": "email address",
  "ISO-datum": "ISO date",
  "ISO-datum och tid": "ISO datetime",
};

function formatValue(name: string, value: string, locale: Locale): string {
  switch (kindOf(name)) {
    case "number": {
      // Grouped as the Swedish text grouped it: "10 000" becomes "10,000", a year such as 2100 stays as it is.
      const digits = digitsOf(value);
      return digits === value ? value : Number(digits).toLocaleString(locale === "sv" ? "sv-SE" : "en-GB");
    }
    case "amount": {
      const negative = /^[\u2212-]/.test(value);
      const kronor = Number(digitsOf(value.replace(/^[\u2212-]/, "").replace(/[ \u00a0]kronor$/, "")));
      return formatAmount(negative ? -kronor : kronor, locale);
    }
    case "ordinal": {
      const n = parseSwedishOrdinal(value);
      return n === null || locale === "sv" ? value : ordinalInEnglish(n);
    }
    case "date": {
      const iso = parseSwedishDate(value);
      return iso === null || locale === "sv" ? value : formatDateLongEnglish(iso);
    }
    case "message":
      return translateValidationMessage(value, locale);
    case "zodType":
    case "zodOrigin":
    case "zodUnit":
      return locale === "sv" ? value : (ZOD_WORDS[value] ?? value);
    default:
      return value;
  }
}

/** A Swedish validation message or refusal in the given language; unknown messages come back unchanged. */
export function translateValidationMessage(message: string, locale: Locale): string {
  if (locale === "sv") return message;
  const found = matchValidationMessage(message);
  if (!found) return message;
  const template = CATALOGUES[locale][found.key];
  if (!template) return message;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => formatValue(name, found.values[name] ?? "", locale));
}
