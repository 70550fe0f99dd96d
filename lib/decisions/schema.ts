import { z } from "zod";
import { DECISION_OUTCOMES } from "@/lib/enums";
import { todayIso } from "@/lib/format/date";
import { EARLIEST_DATE, isoDate, kronorField, textField } from "@/lib/validation/fields";

const APPROVAL_NEEDS_AMOUNT = "Ange det beviljade beloppet (mer än 0 kronor).";
export const MOTIVATION_REQUIRED = "Skriv en motivering. Den är beslutets skäl och står i beslutsbrevet.";
export const MOTIVATION_MAX = 5000;
export const CONFIRM_OVER_REQUEST =
  "Det beviljade beloppet är större än det sökta. Bekräfta att ansökan ska få mer än den sökte om.";
export const FUTURE_DECISION_DATE = "Beslutsdatumet kan inte ligga i framtiden.";

/** Swedish words for print and files (letters, imports); the interface takes its words from the decision and meeting messages. */
export const DECISION_OUTCOME_LABELS: Record<(typeof DECISION_OUTCOMES)[number], string> = {
  approved: "Beviljas",
  rejected: "Avslås",
};

/**
 * The day a decision was made: a real date from 2000 up to today in Stockholm, never in the future. `today` is read
 * when the value is parsed, so a server that runs for days keeps the right bound. In the browser the same rule runs
 * on the browser's clock; the server's answer is the one that counts.
 */
export const decisionDateField = isoDate({
  min: EARLIEST_DATE,
  max: () => todayIso(),
  minMessage: "Beslutsdatumet kan inte vara före 1 januari 2000.",
  maxMessage: FUTURE_DECISION_DATE,
});

/** A decision's motivation: the letter's reason, required for every decision made in Anslag. */
export const motivationField = textField({ max: MOTIVATION_MAX, required: MOTIVATION_REQUIRED, multiline: true, maxMessage: "Motiveringen får ha högst 5 000 tecken." });
/** A past decision loaded by import may come without one: it was motivated elsewhere. */
export const importedMotivationField = textField({ max: MOTIVATION_MAX, multiline: true, maxMessage: "Motiveringen får ha högst 5 000 tecken." });

/** "Yes, grant more than was requested": a checkbox (true, "on", "true") or nothing. */
const confirmationField = z
  .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false"), z.literal(""), z.undefined(), z.null()])
  .transform((value) => value === true || value === "on" || value === "true");

/** The fields of a decision, without the cross-field rule (so forms can `.extend()` it). */
export const decisionFieldsSchema = z.object({
  outcome: z.enum(DECISION_OUTCOMES, { error: "Välj om ansökan beviljas eller avslås." }),
  grantedAmount: kronorField,
  motivation: motivationField,
  decidedOn: decisionDateField,
  confirmOverRequest: confirmationField.optional(),
});

/**
 * A decision as the form, the meeting and recordDecision accept it: an approval grants more than 0 kronor, a
 * rejection grants nothing (a leftover amount in the form is set to 0 rather than refused).
 */
export const decisionSchema = decisionFieldsSchema
  .superRefine(approvalNeedsAmount)
  .transform((value) => (value.outcome === "rejected" ? { ...value, grantedAmount: 0 } : value));
export type DecisionFields = z.output<typeof decisionSchema>;
export type DecisionFieldsInput = z.input<typeof decisionSchema>;

/** The same, for a past round's decision loaded by import: the motivation may be empty. */
export const importedDecisionSchema = decisionFieldsSchema
  .extend({ motivation: importedMotivationField })
  .superRefine(approvalNeedsAmount)
  .transform((value) => (value.outcome === "rejected" ? { ...value, grantedAmount: 0 } : value));

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

/**
 * Granting more than was requested is allowed, but never by a slip of the keyboard: the form shows a checkbox once
 * the amount is over the request, and the server refuses the decision without it (lib/decisions/record.ts).
 */
export function exceedsRequest(value: { outcome: string; grantedAmount: number }, requestedAmount: number): boolean {
  return value.outcome === "approved" && value.grantedAmount > requestedAmount;
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

const reasonField = (required: string) =>
  textField({ max: 2000, required, multiline: true, maxMessage: "Skälet får ha högst 2 000 tecken." });

const changeDecisionObject = decisionFieldsSchema.extend({
  applicationId: applicationIdField,
  expectedVersion: z.coerce.number().int().positive(),
  /** Kept in the audit event, so the history says why a decision changed. */
  reason: reasonField("Ange skälet till ändringen."),
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
  reason: reasonField("Ange varför beslutet tas tillbaka."),
  expectedVersion: z.coerce.number().int().positive(),
});
export type WithdrawDecisionFormInput = z.input<typeof withdrawDecisionSchema>;
