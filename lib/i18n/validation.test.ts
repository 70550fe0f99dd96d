import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { applicationFieldsSchema } from "@/lib/applications/schema";
import { updateOrganisationSchema } from "@/lib/organisations/schema";
import { roundFormSchema } from "@/lib/rounds/schema";
import { createUserSchema } from "@/lib/users/schema";
import { emailField, isoDateField, kronorField, passwordField, textField } from "@/lib/validation/fields";
import { z } from "zod";
import { formatKronor } from "@/lib/format/amount";
import { meetingSchema } from "@/lib/decisions/meeting-schema";
import enRefusals from "./messages/en/refusals.json";
import en from "./messages/en/validation.json";
import svRefusals from "./messages/sv/refusals.json";
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
  return [...schemas, join(lib, "validation", "fields.ts"), join(lib, "import", "columns.ts"), join(lib, "decisions", "meeting-schema.ts"), join(lib, "press", "release-schema.ts"), join(lib, "press", "subscription-schema.ts"), join(lib, "applications", "contact-schema.ts")];
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

  it("has the same keys and parameters in both refusal catalogues", () => {
    const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(enRefusals.refusals).sort()).toEqual(Object.keys(svRefusals.refusals).sort());
    for (const [key, text] of Object.entries(svRefusals.refusals)) {
      expect(params((enRefusals.refusals as Record<string, string>)[key] ?? ""), key).toEqual(params(text));
    }
  });
});

/*
 * The refusals of the rules an officer meets on the decision screens and the round form, read from their sources:
 * each `${…}` is filled in with what the code puts there (an ordinal in words, an amount in kronor, a row's number),
 * so a new or reworded refusal without its English line fails here.
 */
const SAMPLES: [RegExp, string][] = [
  [/ordinalInWords/, "femte"],
  [/formatKronor/, formatKronor(1_700_000)],
  [/year/, "2013"],
  [/registrationNumber/, "HJ-2013-0042"],
  [/index \+ 1/, "3"],
  [/MEETING_NOTHING_WRITTEN/, "Inga beslut har fattats."],
  [/MEETING_ROW_LIMIT/, "200"],
  [/message/, "Ange det beviljade beloppet (mer än 0 kronor)."],
  // The import's rows (lib/import/validate.ts): the kinds it offers, an earlier row's number, a registered application.
  [/KIND_CHOICES/, "Kommun, Region, Landsting, Regionförbund, Företag, Samverkansorgan eller Annan"],
  [/earlier/, "3"],
  [/registered/, "HJ-2013-0042"],
];

function refusalLiterals(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const found: string[] = [];
  for (const match of code.matchAll(/"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g)) {
    const text = (match[1] ?? match[2] ?? "").replace(/\$\{([^}]*)\}/g, (_, expression: string) => {
      // Anything else is a name or a key, shown as it is.
      return SAMPLES.find(([pattern]) => pattern.test(expression))?.[1] ?? "Umeå kommun";
    });
    if (/^[A-ZÅÄÖ].*[.?!]$/s.test(text) && text.includes(" ")) found.push(text);
  }
  return found;
}

// The second half of a sentence the code puts together from two literals (meeting.ts, overBudgetMessage).
const FRAGMENTS = new Set(["Budgeten tar slut vid HJ-2013-0042. Inga beslut har fattats."]);

describe("refusals in English", () => {
  const sources = [
    "lib/decisions/record.ts",
    "lib/decisions/meeting.ts",
    "lib/decisions/meeting-schema.ts",
    "lib/rounds/index.ts",
    "lib/organisations/update.ts",
    "lib/applications/register.ts",
    "lib/applications/update.ts",
    "lib/import/validate.ts",
    "lib/import/limits.ts",
    "lib/press/releases.ts",
    "lib/organisations/merge.ts",
    "lib/personal-data/erase.ts",
    "lib/users/admin.ts",
    "lib/users/forgot-password.ts",
  ];

  it("has an English text for every refusal of the decision and round rules", () => {
    const missing: string[] = [];
    for (const file of sources) {
      const literals = refusalLiterals(readFileSync(join(root, file), "utf8"));
      expect(literals.length, file).toBeGreaterThan(0);
      for (const message of literals) {
        if (FRAGMENTS.has(message)) continue;
        if (translateValidationMessage(message, "en") === message) missing.push(`${file}: ${message}`);
      }
    }
    expect(missing, "add these to lib/i18n/messages/{sv,en}/refusals.json").toEqual([]);
  });

  it("reads an import row's refusal in English, its amount included", () => {
    expect(translateValidationMessage(`Beviljade belopp överstiger omgångens budget från och med denna rad: ${formatKronor(500_000)} återstår.`, "en")).toBe(
      "The granted amounts exceed the round's budget from this row on: SEK 500,000 left.",
    );
    expect(translateValidationMessage("Samma organisation och projekttitel som rad 3.", "en")).toBe("The same organisation and project title as row 3.");
  });

  it("writes an ordinal in a refusal as an English word", () => {
    expect(translateValidationMessage("Programmet har redan en femte omgång.", "en")).toBe("The programme already has a fifth round.");
    expect(translateValidationMessage("Programmet har redan en 13:e omgång.", "en")).toBe("The programme already has a 13th round.");
    expect(translateValidationMessage("Programmet har redan en sista omgång, den femte (2013). Bekräfta att du vill lägga till en omgång efter den.", "en")).toBe(
      "The programme already has a last round, the fifth (2013). Confirm that you want to add a round after it.",
    );
    expect(translateValidationMessage("Programmet har redan en femte omgång.", "sv")).toBe("Programmet har redan en femte omgång.");
  });

  it("writes amounts, dates and a message inside a message in the visitor's language", () => {
    expect(translateValidationMessage(`Beloppet överstiger det som finns kvar av omgångens budget: ${formatKronor(400_000)} återstår.`, "en")).toBe(
      "The amount is more than is left of the round's budget: SEK 400,000 left.",
    );
    expect(
      translateValidationMessage(
        `Förslagen beviljar ${formatKronor(3_200_000)} men budgeten är ${formatKronor(3_000_000)}: ${formatKronor(200_000)} för mycket. ` +
          "Budgeten tar slut vid DEMO-2026-0004. Inga beslut har fattats.",
        "en",
      ),
    ).toBe("The proposals grant SEK 3,200,000 but the budget is SEK 3,000,000: SEK 200,000 too much. The budget runs out at DEMO-2026-0004. No decisions were made.");
    expect(translateValidationMessage("HJ-2013-0042: Skriv en motivering. Den är beslutets skäl och står i beslutsbrevet. Inga beslut har fattats.", "en")).toBe(
      "HJ-2013-0042: Write a motivation. It is the decision's reason and is printed in the decision letter. No decisions were made.",
    );
    expect(translateValidationMessage("Datumet kan inte vara före 1 januari 2000.", "en")).toBe("The date cannot be before 1 January 2000.");
  });
});

describe("zod's own messages", () => {
  it("are Swedish wherever a schema runs, and English where the interface is", () => {
    const typeMessage = z.number().safeParse("x").error?.issues[0]?.message ?? "";
    expect(typeMessage).toBe("Ogiltig inmatning: förväntat antal, fick string");
    expect(translateValidationMessage(typeMessage, "en")).toBe("Invalid input: expected number, received string");
    const optionMessage = z.enum(["a", "b"]).safeParse("x").error?.issues[0]?.message ?? "";
    expect(translateValidationMessage(optionMessage, "en")).toBe('Invalid option: expected one of "a"|"b"');
    const longMessage = z.string().max(3).safeParse("abcde").error?.issues[0]?.message ?? "";
    expect(translateValidationMessage(longMessage, "en")).toBe("Too big: expected string to have <=3 characters");
  });

  it("reach a meeting row sent with no row id in Swedish, not zod's English", () => {
    const result = meetingSchema.safeParse({ roundId: 1, decidedOn: "2026-05-01", rows: [{ applicationId: "x", outcome: "rejected", motivation: "Skäl." }] });
    const messages = result.error?.issues.map((issue) => issue.message) ?? [];
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.join(" ")).not.toMatch(/Invalid input|expected/);
    for (const message of messages) expect(translateValidationMessage(message, "en")).not.toBe(message);
  });
});
