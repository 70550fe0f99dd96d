import { z } from "zod";
import { DECISION_OUTCOMES } from "@/lib/enums";
import { isoDateField, kronorField } from "@/lib/validation/fields";

const APPROVAL_NEEDS_AMOUNT = "Ange det beviljade beloppet (mer än 0 kronor).";

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
  .superRefine(approvalNeedsAmount)
  .transform((value) => (value.outcome === "rejected" ? { ...value, grantedAmount: 0 } : value));
export type DecisionFields = z.output<typeof decisionSchema>;
export type DecisionFieldsInput = z.input<typeof decisionSchema>;

const applicationIdField = z.coerce.number().int().positive();

/*
 * A rejection grants nothing, so whatever is left in its (hidden) amount field must not stop it: "-5" typed before
 * switching to "Avslås" would otherwise be refused at a field the officer can no longer see.
 */
function ignoreAmountOfRejection<T>(raw: T): T {
  return raw && typeof raw === "object" && "outcome" in raw && raw.outcome === "rejected" ? { ...raw, grantedAmount: 0 } : raw;
}

function approvalNeedsAmount(value: { outcome: string; grantedAmount: number }, ctx: z.RefinementCtx): void {
  if (value.outcome === "approved" && value.grantedAmount <= 0) {
    ctx.addIssue({ code: "custom", path: ["grantedAmount"], message: APPROVAL_NEEDS_AMOUNT });
  }
}

const recordDecisionObject = decisionFieldsSchema.extend({
  applicationId: applicationIdField,
  expectedVersion: z.union([z.literal("").transform(() => undefined), z.coerce.number().int().positive()]).optional(),
});
export type RecordDecisionFormInput = z.input<typeof recordDecisionObject>;

/** The decision form: the fields plus which application, and the decision's version the officer saw (if any). */
export const recordDecisionSchema = z
  .preprocess((raw: RecordDecisionFormInput) => ignoreAmountOfRejection(raw), recordDecisionObject)
  .superRefine(approvalNeedsAmount)
  .transform((value) => (value.outcome === "rejected" ? { ...value, grantedAmount: 0 } : value));

const changeDecisionObject = decisionFieldsSchema.extend({
  applicationId: applicationIdField,
  expectedVersion: z.coerce.number().int().positive(),
  /** Kept in the audit event, so the history says why a decision changed. */
  reason: z.string().trim().min(1, "Ange skälet till ändringen.").max(2000, "Skälet får ha högst 2 000 tecken."),
});
export type ChangeDecisionFormInput = z.input<typeof changeDecisionObject>;

/** Changing a decision: the form above for an existing decision, whose version is required, plus a reason. */
export const changeDecisionSchema = z
  .preprocess((raw: ChangeDecisionFormInput) => ignoreAmountOfRejection(raw), changeDecisionObject)
  .superRefine(approvalNeedsAmount)
  .transform((value) => (value.outcome === "rejected" ? { ...value, grantedAmount: 0 } : value));

/** Taking a decision back: which application, why, and the decision's version the officer saw. */
export const withdrawDecisionSchema = z.object({
  applicationId: applicationIdField,
  reason: z.string().trim().min(1, "Ange varför beslutet tas tillbaka.").max(2000, "Skälet får ha högst 2 000 tecken."),
  expectedVersion: z.coerce.number().int().positive(),
});
export type WithdrawDecisionFormInput = z.input<typeof withdrawDecisionSchema>;
