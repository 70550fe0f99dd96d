import { z } from "zod";
import { DECISION_OUTCOMES } from "@/db/schema";
import { isoDateField, kronorField } from "@/lib/validation/fields";

export const DECISION_OUTCOME_LABELS: Record<(typeof DECISION_OUTCOMES)[number], string> = {
  approved: "Beviljas",
  rejected: "Avslås",
};

/** The fields of a decision, without the cross-field rule (so forms can `.extend()` it). */
export const decisionFieldsSchema = z.object({
  outcome: z.enum(DECISION_OUTCOMES, { error: "Välj om ansökan beviljas eller avslås." }),
  grantedAmount: kronorField,
  motivation: z.string().trim().max(5000, "Motiveringen får ha högst 5 000 tecken.").default(""),
  decidedOn: isoDateField,
});

/**
 * A decision as the form, the import and recordDecision accept it: an approval grants more than 0 kronor, a
 * rejection grants nothing (a leftover amount in the form is set to 0 rather than refused).
 */
export const decisionSchema = decisionFieldsSchema
  .superRefine((value, ctx) => {
    if (value.outcome === "approved" && value.grantedAmount <= 0) {
      ctx.addIssue({ code: "custom", path: ["grantedAmount"], message: "Ange det beviljade beloppet (mer än 0 kronor)." });
    }
  })
  .transform((value) => (value.outcome === "rejected" ? { ...value, grantedAmount: 0 } : value));
export type DecisionFields = z.output<typeof decisionSchema>;
export type DecisionFieldsInput = z.input<typeof decisionSchema>;

/** The decision form: the fields plus which application, and the decision's version the officer saw (if any). */
export const recordDecisionSchema = decisionFieldsSchema
  .extend({
    applicationId: z.coerce.number().int().positive(),
    expectedVersion: z.union([z.literal("").transform(() => undefined), z.coerce.number().int().positive()]).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.outcome === "approved" && value.grantedAmount <= 0) {
      ctx.addIssue({ code: "custom", path: ["grantedAmount"], message: "Ange det beviljade beloppet (mer än 0 kronor)." });
    }
  })
  .transform((value) => (value.outcome === "rejected" ? { ...value, grantedAmount: 0 } : value));
export type RecordDecisionFormInput = z.input<typeof recordDecisionSchema>;

export const withdrawDecisionSchema = z.object({
  applicationId: z.coerce.number().int().positive(),
  reason: z.string().trim().min(1, "Ange varför beslutet tas tillbaka.").max(2000, "Skälet får ha högst 2 000 tecken."),
  expectedVersion: z.coerce.number().int().positive(),
});
