import { z } from "zod";
import { parseKronor } from "@/lib/format/amount";

/*
 * Field schemas shared by every form, import and CLI command, so the same input gets the same Swedish message
 * wherever it is entered.
 */

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

/** A calendar date as YYYY-MM-DD that really exists (no 2026-02-30). */
export const isoDateField = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Ange datumet som ÅÅÅÅ-MM-DD, till exempel 2026-11-23.")
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, "Datumet finns inte.");
