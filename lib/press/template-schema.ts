import { z } from "zod";
import { textField } from "@/lib/validation/fields";

/*
 * The template editor's forms (app/(staff)/press/mallar/), shared by the form (zodResolver), its server actions and
 * lib/press/template-store.ts, so the browser and the server refuse the same input with the same Swedish message.
 * Whether the source is a template that parses and names known variables is the store's check (validate.ts), made
 * on the server: it needs liquidjs, which stays out of the browser bundle.
 */

export const MAX_TEMPLATE_NAME_LENGTH = 120;
/** sandbox.ts's PARSE_LIMIT (not imported: that module brings liquidjs into the browser); a test keeps them equal. */
export const MAX_TEMPLATE_SOURCE_LENGTH = 100_000;

const id = (message: string) => z.coerce.number({ error: message }).int(message).positive(message);

export const saveTemplateSchema = z.object({
  templateId: id("Mallen finns inte."),
  version: id("Ladda om sidan och försök igen."),
  name: textField({ max: MAX_TEMPLATE_NAME_LENGTH, required: "Ange mallens namn." }),
  source: textField({
    max: MAX_TEMPLATE_SOURCE_LENGTH,
    multiline: true,
    required: "Mallen kan inte vara tom.",
    maxMessage: "Mallen får ha högst 100 000 tecken.",
  }),
});
export type SaveTemplateInput = z.input<typeof saveTemplateSchema>;
export type SaveTemplateValues = z.output<typeof saveTemplateSchema>;

export const restoreTemplateSchema = z.object({
  templateId: id("Mallen finns inte."),
  version: id("Ladda om sidan och försök igen."),
  restoreVersion: id("Versionen finns inte."),
});
export type RestoreTemplateInput = z.input<typeof restoreTemplateSchema>;

/** The preview: the unsaved source and the scope it is filled in with (a round; a county in it; one grant). */
export const previewTemplateSchema = z.object({
  templateId: id("Mallen finns inte."),
  // Not normalised: the preview shows what the writer typed, at the lines and columns they see.
  source: z.string().max(MAX_TEMPLATE_SOURCE_LENGTH, "Mallen får ha högst 100 000 tecken."),
  roundId: id("Välj en omgång."),
  countyCode: z
    .string()
    .regex(/^(\d{2})?$/, "Välj ett län.")
    .default(""),
  applicationId: z.union([z.literal(""), id("Välj en mottagare.")]).default(""),
});
export type PreviewTemplateInput = z.input<typeof previewTemplateSchema>;
