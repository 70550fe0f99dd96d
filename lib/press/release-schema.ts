import { z } from "zod";
import { PRESS_TARGET_KINDS, PRESS_TOPICS } from "@/lib/enums";
import { textField } from "@/lib/validation/fields";
import { RELEASE_STEPS } from "./workflow";

/*
 * What a release's forms send, checked the same in the browser and on the server. Limits are generous for a press
 * release and bound what one save can write.
 */

const id = z.coerce.number({ error: "Välj ett värde." }).int().positive({ error: "Välj ett värde." });

export const quoteSchema = z.object({
  text: textField({ max: 2_000, required: "Skriv citatet.", multiline: true }),
  speaker: textField({ max: 200, required: "Ange vem som säger det." }),
  title: textField({ max: 200 }),
  afterParagraph: z.coerce.number().int().min(0).max(200),
});

export const releaseContentSchema = z.object({
  headline: textField({ max: 200, required: "Skriv en rubrik." }),
  ingress: textField({ max: 1_500, multiline: true }),
  body: textField({ max: 30_000, multiline: true }),
  quotes: z.array(quoteSchema).max(20, { error: "Högst 20 citat." }),
  contacts: textField({ max: 3_000, multiline: true }),
  boilerplate: textField({ max: 3_000, multiline: true }),
  topics: z.array(z.enum(PRESS_TOPICS, { error: "Välj ett ämne i listan." })).max(PRESS_TOPICS.length),
  regionCode: z
    .string()
    .regex(/^(\d{2})?$/, { error: "Välj ett län i listan." })
    .transform((v) => (v === "" ? null : v))
    .nullable(),
});
export type ReleaseContentInput = z.input<typeof releaseContentSchema>;

export const saveReleaseSchema = releaseContentSchema.extend({ releaseId: id, version: z.coerce.number().int().positive() });

export const generateReleaseSchema = z
  .object({
    templateId: id,
    targetKind: z.enum(PRESS_TARGET_KINDS),
    roundId: id,
    countyCode: z.string().regex(/^(\d{2})?$/, { error: "Välj ett län i listan." }).default(""),
    applicationId: z.union([z.literal(""), id]).default(""),
  })
  .superRefine((v, ctx) => {
    if (v.targetKind === "county" && !v.countyCode) ctx.addIssue({ code: "custom", path: ["countyCode"], message: "Välj ett län." });
    if (v.targetKind === "recipient" && v.applicationId === "") {
      ctx.addIssue({ code: "custom", path: ["applicationId"], message: "Välj en beviljad ansökan." });
    }
  });

export const releaseStepSchema = z.object({
  releaseId: id,
  version: z.coerce.number().int().positive(),
  step: z.enum(RELEASE_STEPS),
  /** Stockholm local time as the datetime-local field gives it: "2026-12-01T10:00". */
  publishAt: z.string().max(40).default(""),
  comment: textField({ max: 2_000, multiline: true }).default(""),
});

export const acceptFactsSchema = z.object({
  releaseId: id,
  version: z.coerce.number().int().positive(),
  /** The changed facts the user accepted, by name (path): must be exactly the changes there are now. */
  accepted: z.array(z.string().max(300)).max(500),
});

export const regenerateReleaseSchema = z.object({ releaseId: id, version: z.coerce.number().int().positive() });

export const commentSchema = z.object({
  releaseId: id,
  body: textField({ max: 2_000, required: "Skriv en kommentar.", multiline: true }),
});

export const previewLinkSchema = z.object({
  releaseId: id,
  label: textField({ max: 200 }),
  days: z.coerce.number({ error: "Välj hur länge länken gäller." }).int().min(1, { error: "Minst en dag." }).max(30, { error: "Högst 30 dagar." }),
});

export const revokePreviewLinkSchema = z.object({ releaseId: id, linkId: id });
