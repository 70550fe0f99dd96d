import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { applicationFieldsSchema } from "@/lib/applications/schema";
import { updateOrganisationSchema } from "@/lib/organisations/schema";
import { roundFormSchema } from "@/lib/rounds/schema";
import { createUserSchema } from "@/lib/users/schema";
import { emailField, isoDateField, kronorField, passwordField, textField } from "@/lib/validation/fields";
import en from "./messages/en/validation.json";
import sv from "./messages/sv/validation.json";
import { matchValidationMessage, translateValidationMessage } from "./validation";

const root = join(__dirname, "..", "..");

/** Every file whose zod schemas produce messages a form shows: lib/<domain>/schema.ts, the shared fields, the import columns. */
function schemaSources(): string[] {
  const lib = join(root, "lib");
  const schemas = readdirSync(lib, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(lib, entry.name, "schema.ts"))
    .filter((file) => {
      try {
        readFileSync(file);
        return true;
      } catch {
        return false;
      }
    });
  return [...schemas, join(lib, "validation", "fields.ts"), join(lib, "import", "columns.ts")];
}

/**
 * The message literals of a source file: strings that read as a Swedish sentence ("Ange ett namn.", "Högst 20
 * medsökande."). A template literal's `${…}` becomes a number, as the schemas fill in numbers there.
 */
function messageLiterals(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const found: string[] = [];
  for (const match of code.matchAll(/"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g)) {
    const text = (match[1] ?? match[2] ?? "").replace(/\$\{[^}]*\}/g, "12");
    if (/^[A-ZÅÄÖ].*[.?!]$/s.test(text) && (text.includes(" ") || /^[A-ZÅÄÖ]\S*\.$/.test(text))) found.push(text);
  }
  return found;
}

function messagesOf(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe("validation messages in English", () => {
  it("finds the schema sources and their messages", () => {
    const all = schemaSources().flatMap((file) => messageLiterals(readFileSync(file, "utf8")));
    expect(all.length).toBeGreaterThan(40);
    expect(all).toContain("Ange projektets titel.");
  });

  it("has an English text for every message a schema source holds", () => {
    const missing: string[] = [];
    for (const file of schemaSources()) {
      for (const message of messageLiterals(readFileSync(file, "utf8"))) {
        const english = translateValidationMessage(message, "en");
        if (english === message) missing.push(`${relative(root, file)}: ${message}`);
      }
    }
    expect(missing, "add these to lib/i18n/messages/{sv,en}/validation.json").toEqual([]);
  });

  it("has an English text for what the schemas really produce from bad input", () => {
    const produced = [
      ...messagesOf(textField({ max: 300 }), "x".repeat(301)),
      ...messagesOf(textField({ max: 10_000 }), "x".repeat(10_001)),
      ...messagesOf(textField({ max: 10, required: "Ange ett namn." }), "\u200b"),
      ...messagesOf(textField({ max: 10 }), "a\u202eb"),
      ...messagesOf(textField({ max: 10 }), "a\u0000b"),
      ...messagesOf(textField({ max: 10 }), "a\ud800b"),
      ...messagesOf(kronorField, "-5"),
      ...messagesOf(kronorField, "12,50"),
      ...messagesOf(kronorField, "tolv"),
      ...messagesOf(kronorField, "2000000000"),
      ...messagesOf(emailField, "inte-en-adress"),
      ...messagesOf(passwordField, "kort"),
      ...messagesOf(isoDateField, "2026-02-30"),
      ...messagesOf(isoDateField, "23/11"),
      ...messagesOf(applicationFieldsSchema, { leadOrganisation: { name: "Umeå kommun" }, projectTitle: "", requestedAmount: "0", contactEmail: "x", contactPhone: "abc" }),
      ...messagesOf(roundFormSchema, { programmeId: "", ordinal: "99", year: "1999", budget: "-1", opensOn: "2026-05-01", closesOn: "2026-04-01", decisionOn: "" }),
      ...messagesOf(updateOrganisationSchema, { organisationId: 1, version: 1, name: "", shortName: "", kind: "x", municipalityCode: "12", countyCode: "1" }),
      ...messagesOf(createUserSchema, { email: "", name: "", role: "chef", organisationId: null, password: "kort" }),
    ];
    expect(produced.length).toBeGreaterThan(20);
    const untranslated = [...new Set(produced)].filter((message) => translateValidationMessage(message, "en") === message);
    expect(untranslated).toEqual([]);
  });

  it("keeps the numbers of a message and writes them the English way", () => {
    expect(translateValidationMessage("Högst 300 tecken.", "en")).toBe("At most 300 characters.");
    expect(translateValidationMessage("Högst 10\u00a0000 tecken.", "en")).toBe("At most 10,000 characters.");
    expect(translateValidationMessage("Beskrivningen får ha högst 10 000 tecken.", "en")).toBe(
      "The description may have at most 10,000 characters.",
    );
    expect(translateValidationMessage("Ange ett årtal mellan 2000 och 2100.", "en")).toBe("Enter a year between 2000 and 2100.");
  });

  it("leaves Swedish as it is, and a message it does not know", () => {
    expect(translateValidationMessage("Högst 300 tecken.", "sv")).toBe("Högst 300 tecken.");
    expect(translateValidationMessage("Något helt annat.", "en")).toBe("Något helt annat.");
    expect(matchValidationMessage("Namnet är för långt.")?.key).toBe("nameTooLong");
  });

  it("picks the most specific message when a looser one would match too", () => {
    expect(translateValidationMessage("Umeå kommun (2480) ligger i län 24, inte i län 01.", "en")).toBe(
      "Umeå kommun (2480) is in county 24, not in county 01.",
    );
    expect(translateValidationMessage("Lycksele kommun ligger i län 24, inte 01.", "en")).toBe("Lycksele kommun is in county 24, not 01.");
  });

  it("has the same keys and parameters in both catalogues", () => {
    const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(en.validation).sort()).toEqual(Object.keys(sv.validation).sort());
    for (const [key, text] of Object.entries(sv.validation)) {
      expect(params((en.validation as Record<string, string>)[key] ?? ""), key).toEqual(params(text));
    }
  });
});
