import { z } from "zod";
import { ORGANISATION_KINDS } from "@/db/schema";
import { countyCodeField, municipalityCodeField } from "@/lib/validation/fields";

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

/**
 * An organisation named on an application: an existing one (matched by name, case-insensitively) or a new one,
 * created on the spot. A new kommun's county comes from the reference list when its name or code is known.
 */
export const organisationRefSchema = z.object({
  name: z.string().trim().min(1, "Ange organisationens namn.").max(200, "Namnet får ha högst 200 tecken."),
  kind: z.union([z.literal("").transform(() => undefined), z.enum(ORGANISATION_KINDS, { error: "Välj en organisationstyp." })]).optional(),
  municipalityCode: optionalCode(municipalityCodeField),
  countyCode: optionalCode(countyCodeField),
});
export type OrganisationRef = z.output<typeof organisationRefSchema>;
