import { z } from "zod";
import { organisationRefSchema } from "@/lib/organisations/schema";
import { kronorField, optionalEmailField, phoneField, textField } from "@/lib/validation/fields";

/** Splits "a; b;c" into ["a", "b", "c"]: how a form field or a spreadsheet cell lists several values. */
export function splitList(value: string): string[] {
  return value
    .split(";")
    .map((part) => part.trim())
    .filter(Boolean);
}

const listField = (max: number, message: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((value) => (typeof value === "string" ? splitList(value) : value.map((v) => v.trim()).filter(Boolean)))
    .pipe(z.array(textField({ max: 100, maxMessage: "Varje värde får ha högst 100 tecken." })).max(max, message));

/** A row of the form's co-applicant list left empty (no name, no kind, no county): not a co-applicant at all. */
function isBlankRow(value: unknown): boolean {
  if (!value || typeof value !== "object") return false;
  return Object.values(value as Record<string, unknown>).every((v) => v === undefined || v === null || (typeof v === "string" && v.trim() === ""));
}

/** A grant is applied for: zero kronor is no application. */
export const requestedAmountField = kronorField.pipe(z.number().min(1, "Det sökta beloppet ska vara större än 0 kronor."));

/** The fields of an application, shared by the registration form, the edit form, the import and the CLI. */
export const applicationFieldsSchema = z.object({
  leadOrganisation: organisationRefSchema,
  // Names separated by ";" (a spreadsheet cell, the CLI) or full references, each with its own kind and county for
  // an organisation not registered yet (the form's rows, the import).
  coApplicants: z
    .union([
      z.string().transform((value) => splitList(value).map((name) => ({ name }))),
      z.array(z.unknown()).transform((rows) => rows.filter((row) => !isBlankRow(row))),
    ])
    .pipe(z.array(organisationRefSchema).max(20, "Högst 20 medsökande."))
    .default([]),
  projectTitle: textField({ max: 300, required: "Ange projektets titel.", maxMessage: "Titeln får ha högst 300 tecken." }),
  description: textField({ max: 10_000, multiline: true, maxMessage: "Beskrivningen får ha högst 10 000 tecken." }).default(""),
  focusAreas: listField(20, "Högst 20 fokusområden.").default([]),
  requestedAmount: requestedAmountField,
  contactName: textField({ max: 200, maxMessage: "Namnet får ha högst 200 tecken." }).default(""),
  contactTitle: textField({ max: 200, maxMessage: "Titeln får ha högst 200 tecken." }).default(""),
  contactPhone: phoneField.default(""),
  contactEmail: optionalEmailField.default(""),
});
export type ApplicationFields = z.output<typeof applicationFieldsSchema>;
export type ApplicationFieldsInput = z.input<typeof applicationFieldsSchema>;

export const registerApplicationSchema = applicationFieldsSchema.extend({
  roundId: z.coerce.number().int().positive(),
});
export type RegisterApplicationInput = z.input<typeof registerApplicationSchema>;

export const updateApplicationSchema = applicationFieldsSchema.extend({
  applicationId: z.coerce.number().int().positive(),
  /** The version the officer started editing: a save against a newer one is refused, never silently merged. */
  version: z.coerce.number().int().positive(),
});
export type UpdateApplicationInput = z.input<typeof updateApplicationSchema>;
