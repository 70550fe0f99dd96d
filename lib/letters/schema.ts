import { z } from "zod";

export const LETTER_FORMATS = ["docx", "pdf"] as const;
export type LetterFormat = (typeof LETTER_FORMATS)[number];

/** The query of GET /ansokningar/<id>/beslutsbrev?format=docx|pdf. */
export const decisionLetterQuerySchema = z.object({
  format: z.enum(LETTER_FORMATS, { error: "Ange format=docx eller format=pdf." }),
});
