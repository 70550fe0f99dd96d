import { z } from "zod";
import { ORGANISATION_KINDS } from "@/lib/enums";
import { countyCodeField, municipalityCodeField, textField } from "@/lib/validation/fields";

export const ORGANISATION_KIND_LABELS: Record<(typeof ORGANISATION_KINDS)[number], string> = {
  kommun: "Kommun",
  region: "Region",
  landsting: "Landsting",
  regionforbund: "Regionförbund",
  foretag: "Företag",
  samverkansorgan: "Samverkansorgan",
  annan: "Annan",
};

const optionalCode = <T extends z.ZodType<string>>(field: T) =>
  z.union([z.literal("").transform(() => undefined), field]).optional();

/** An organisation's name as printed: one line, NFC, no-break spaces (as Excel writes them) made plain spaces. */
const organisationNameField = textField({ max: 200, required: "Ange organisationens namn.", maxMessage: "Namnet får ha högst 200 tecken." });

/**
 * An organisation named on an application: an existing one (matched by name, case-insensitively) or a new one,
 * created on the spot. A new kommun's county comes from the reference list when its name or code is known.
 */
export const organisationRefSchema = z.object({
  name: organisationNameField,
  kind: z.union([z.literal("").transform(() => undefined), z.enum(ORGANISATION_KINDS, { error: "Välj en organisationstyp." })]).optional(),
  municipalityCode: optionalCode(municipalityCodeField),
  countyCode: optionalCode(countyCodeField),
});
export type OrganisationRef = z.output<typeof organisationRefSchema>;

/**
 * Correcting an organisation: its name as printed, short name, kind and codes. `version` is the row's updated_at in
 * epoch seconds as the form loaded it (organisations carry no version column): a save against a newer row is refused.
 * Every output is valid input again, so the form's parsed values pass the action's parse unchanged.
 */
export const updateOrganisationSchema = z.object({
  organisationId: z.coerce.number().int().positive(),
  version: z.coerce.number().int().nonnegative(),
  name: organisationNameField,
  shortName: textField({ max: 100, required: "Ange ett kortnamn.", maxMessage: "Kortnamnet får ha högst 100 tecken." }),
  kind: z.enum(ORGANISATION_KINDS, { error: "Välj en organisationstyp." }),
  countyCode: optionalCode(countyCodeField),
  municipalityCode: optionalCode(municipalityCodeField),
});
export type UpdateOrganisationInput = z.input<typeof updateOrganisationSchema>;
export type UpdateOrganisationValues = z.output<typeof updateOrganisationSchema>;
