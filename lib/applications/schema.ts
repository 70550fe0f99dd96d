import { z } from "zod";
import { organisationRefSchema } from "@/lib/organisations/schema";
import { kronorField, optionalEmailField, phoneField } from "@/lib/validation/fields";

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
    .pipe(z.array(z.string().max(100, "Varje värde får ha högst 100 tecken.")).max(max, message));

/** The fields of an application, shared by the registration form, the edit form, the import and the CLI. */
export const applicationFieldsSchema = z.object({
  leadOrganisation: organisationRefSchema,
  // Names separated by ";" (a form field, a spreadsheet cell) or full references (the API, the import).
  coApplicants: z
    .union([z.string().transform((value) => splitList(value).map((name) => ({ name }))), z.array(z.unknown())])
    .pipe(z.array(organisationRefSchema).max(20, "Högst 20 medsökande."))
    .default([]),
  projectTitle: z.string().trim().min(1, "Ange projektets titel.").max(300, "Titeln får ha högst 300 tecken."),
  description: z.string().trim().max(10_000, "Beskrivningen får ha högst 10 000 tecken.").default(""),
  focusAreas: listField(20, "Högst 20 fokusområden.").default([]),
  requestedAmount: kronorField,
  contactName: z.string().trim().max(200, "Namnet får ha högst 200 tecken.").default(""),
  contactTitle: z.string().trim().max(200, "Titeln får ha högst 200 tecken.").default(""),
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
