import { z } from "zod";
import { parseKronor } from "@/lib/format/amount";
import { formatDateLong } from "@/lib/format/date";
import "@/lib/i18n/zod-locale";
import "@/lib/validation/no-eval";

/*
 * Field schemas shared by every form, import and CLI command, so the same input gets the same Swedish message
 * wherever it is entered.
 */

/*
 * Text as people type and paste it, made safe to store, print and export. Every free-text field goes through
 * textField: NFC (so "å" typed and "å" pasted from a PDF are the same letters), no control characters (NUL, the
 * C1 range), no bidirectional overrides (U+202A-U+202E, U+2066-U+2069, which make a printed name read backwards),
 * no lone surrogates (they cannot be stored as UTF-8), and no value made only of invisible characters.
 * Single-line fields also turn tabs, line breaks and no-break spaces (as Excel and Word write them) into plain
 * spaces and collapse runs of them, so "Lycksele\u00a0kommun" and "Lycksele kommun" are one name.
 */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Characters that print as nothing: zero-width spaces and joiners, marks, the BOM, the soft hyphen. */
const INVISIBLE = /[\s\u00AD\u034F\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u2060-\u2064\u3164\uFEFF\uFFA0]/gu;

export type TextFieldOptions = {
  /** Longest value in characters, after normalising. */
  max: number;
  /** The message for an empty value; without it the field may be left empty (""). */
  required?: string;
  /** The message for a value that is too long; defaults to "Högst N tecken.". */
  maxMessage?: string;
  /** Keep line breaks and tabs (a description, a motivation). */
  multiline?: boolean;
};

/** Normalises one text value as textField does; exported for matching names that were not parsed by a schema. */
export function normaliseText(value: string, multiline = false): string {
  const nfc = value.normalize("NFC");
  const lines = multiline
    ? nfc.replace(/\r\n?/g, "\n")
    : nfc.replace(/[\t\n\r\u00A0\u2007\u202F]+/g, " ").replace(/ {2,}/g, " ");
  return lines.trim();
}

/** Why a text value is refused, or null when it is fine. */
export function textProblem(value: string): string | null {
  if (LONE_SURROGATE.test(value)) return "Texten innehåller ett tecken som inte går att spara. Skriv om det.";
  if (CONTROL_CHARACTERS.test(value)) return "Texten innehåller styrtecken som inte hör hemma i en text. Ta bort dem.";
  if (BIDI_CONTROLS.test(value)) return "Texten innehåller tecken som vänder läsriktningen. Ta bort dem.";
  const trimmed = value.trim();
  if (trimmed !== "" && trimmed.replace(INVISIBLE, "") === "") return "Texten består bara av osynliga tecken.";
  return null;
}

export function textField(options: TextFieldOptions) {
  const { max, required, multiline = false } = options;
  const maxMessage = options.maxMessage ?? `Högst ${max.toLocaleString("sv-SE")} tecken.`;
  return z
    .string({ error: required ?? "Ange en text." })
    .transform((value, ctx) => {
      const problem = textProblem(value);
      if (problem) {
        ctx.addIssue({ code: "custom", message: problem });
        return z.NEVER;
      }
      return normaliseText(value, multiline);
    })
    .pipe(required ? z.string().min(1, required).max(max, maxMessage) : z.string().max(max, maxMessage));
}

/** Upper bound for one amount: far above any real grant, low enough to catch a pasted phone number. */
export const MAX_KRONOR = 1_000_000_000;

export const emailField = z
  .string({ error: "Ange en e-postadress." })
  .trim()
  .toLowerCase()
  .min(1, "Ange en e-postadress.")
  .max(254, "E-postadressen är för lång.")
  .pipe(z.email("Ange en giltig e-postadress, till exempel namn@kommun.se."));

export const optionalEmailField = z.union([z.literal(""), emailField]);

/**
 * Whole kronor, as a number or as a Swedish user types it ("1 200 000", "1 200 000 kr"). Negative, fractional or
 * absurdly large amounts are refused with a message that says which.
 */
export const kronorField = z
  .union([z.number(), z.string()], { error: "Ange ett belopp i hela kronor." })
  .transform((value, ctx) => {
    if (typeof value === "number") {
      if (!Number.isFinite(value) || !Number.isInteger(value)) {
        ctx.addIssue({ code: "custom", message: "Beloppet ska anges i hela kronor, utan ören." });
        return z.NEVER;
      }
      return value;
    }
    const trimmed = value.trim();
    if (trimmed === "") {
      ctx.addIssue({ code: "custom", message: "Ange ett belopp i hela kronor." });
      return z.NEVER;
    }
    if (/^[-−]/.test(trimmed)) {
      ctx.addIssue({ code: "custom", message: "Beloppet kan inte vara negativt." });
      return z.NEVER;
    }
    const parsed = parseKronor(trimmed);
    if (parsed === null) {
      ctx.addIssue({
        code: "custom",
        message: /[.,]\d*[1-9]/.test(trimmed)
          ? "Beloppet ska anges i hela kronor, utan ören."
          : "Ange ett belopp i hela kronor, till exempel 1 200 000.",
      });
      return z.NEVER;
    }
    return parsed;
  })
  .pipe(
    z
      .number()
      .int("Beloppet ska anges i hela kronor, utan ören.")
      .min(0, "Beloppet kan inte vara negativt.")
      .max(MAX_KRONOR, "Beloppet är orimligt stort (högst 1 miljard kronor)."),
  );

export const phoneField = z
  .string()
  .trim()
  .max(40, "Telefonnumret är för långt.")
  .regex(/^[0-9+\-\s()]*$/, "Telefonnumret får bara innehålla siffror, mellanslag, +, - och parenteser.");

export const countyCodeField = z.string().trim().regex(/^\d{2}$/, "Länskoden ska vara två siffror, till exempel 24.");
export const municipalityCodeField = z
  .string()
  .trim()
  .regex(/^\d{4}$/, "Kommunkoden ska vara fyra siffror, till exempel 2480.");

export const passwordField = z
  .string({ error: "Ange ett lösenord." })
  .min(12, "Lösenordet ska ha minst 12 tecken.")
  .max(200, "Lösenordet får ha högst 200 tecken.");

export type IsoDateOptions = {
  /** Earliest accepted day, YYYY-MM-DD; defaults to 2000-01-01 (nothing in Anslag happened before). */
  min?: string;
  /** Latest accepted day, YYYY-MM-DD, or a function giving it when the value is parsed (today for a decision). */
  max?: string | (() => string);
  minMessage?: string;
  maxMessage?: string;
};

export const EARLIEST_DATE = "2000-01-01";
export const LATEST_DATE = "2100-12-31";

/**
 * A calendar date as YYYY-MM-DD that really exists (no 2026-02-30) and lies in a plausible range. Years 0000-0099
 * are not a typo the database should keep: JavaScript reads them as 1900-1999, and every page printing them broke.
 * ISO strings of the same length compare as dates, so the range check is a string comparison.
 */
export function isoDate(options: IsoDateOptions = {}) {
  const min = options.min ?? EARLIEST_DATE;
  return z
    .string({ error: "Ange ett datum." })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Ange datumet som ÅÅÅÅ-MM-DD, till exempel 2026-11-23.")
    .refine((value) => {
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
    }, "Datumet finns inte.")
    .superRefine((value, ctx) => {
      const max = typeof options.max === "function" ? options.max() : (options.max ?? LATEST_DATE);
      if (value < min) {
        ctx.addIssue({ code: "custom", message: options.minMessage ?? `Datumet kan inte vara före ${formatDateLong(min)}.` });
      } else if (value > max) {
        ctx.addIssue({ code: "custom", message: options.maxMessage ?? `Datumet kan inte vara efter ${formatDateLong(max)}.` });
      }
    });
}

/** A calendar date between 2000-01-01 and 2100-12-31 (rounds, imports); decisions use a narrower one. */
export const isoDateField = isoDate();
