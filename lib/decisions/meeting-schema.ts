import { z } from "zod";
import { CONFIRM_OVER_REQUEST, decisionDateField, importedMotivationField, MOTIVATION_REQUIRED } from "@/lib/decisions/schema";
import { kronorField } from "@/lib/validation/fields";

/*
 * The decision meeting's form, shared by the table (zodResolver) and the server action, so both refuse a row with
 * the same message at the same field ("rows.3.grantedAmount"). A file of its own rather than part of
 * lib/decisions/meeting.ts because the browser imports it, and that file talks to the database.
 */

/** The most rows the meeting view renders: one form with a few hundred rows stays responsive; thousands do not. */
export const MEETING_ROW_LIMIT = 500;

export const MEETING_OUTCOMES = ["", "approved", "rejected"] as const;

const APPROVAL_NEEDS_AMOUNT = "Ange det beviljade beloppet (mer än 0 kronor).";
const CANNOT_CLEAR = "Ett fattat beslut kan inte tas bort i beslutsmötet.";

export const meetingRowSchema = z
  .object({
    applicationId: z.coerce.number().int().positive(),
    outcome: z.enum(MEETING_OUTCOMES, { error: "Välj Beviljas, Avslås eller Ej beslutad." }),
    grantedAmount: z.union([z.string(), z.number()]).default(""),
    /** Checked for a required motivation below, once the row's outcome is known. */
    motivation: importedMotivationField.default(""),
    /** Sent as the requested amount the table showed, so the browser can ask for the confirmation before sending. */
    requestedAmount: z.coerce.number().int().nonnegative().optional(),
    confirmOverRequest: z.boolean().default(false),
    expectedVersion: z.union([z.literal("").transform(() => undefined), z.coerce.number().int().positive()]).optional(),
  })
  .transform((row, ctx) => {
    const base = {
      applicationId: row.applicationId,
      expectedVersion: row.expectedVersion,
      motivation: row.motivation,
      confirmOverRequest: row.confirmOverRequest,
    };
    if (row.outcome === "") {
      if (row.expectedVersion !== undefined) {
        ctx.addIssue({ code: "custom", path: ["outcome"], message: CANNOT_CLEAR });
        return z.NEVER;
      }
      return { ...base, outcome: null, grantedAmount: 0 };
    }
    // Every decision the meeting makes needs its own motivation: it is the reason its letter gives. Reported beside
    // any amount error of the same row, so the officer sees both at once.
    const noMotivation = row.motivation === "";
    if (noMotivation) ctx.addIssue({ code: "custom", path: ["motivation"], message: MOTIVATION_REQUIRED });
    // A leftover amount beside "Avslås" is not an error: a rejection grants nothing.
    if (row.outcome === "rejected") return noMotivation ? z.NEVER : { ...base, outcome: "rejected" as const, grantedAmount: 0 };
    if (typeof row.grantedAmount === "string" && row.grantedAmount.trim() === "") {
      ctx.addIssue({ code: "custom", path: ["grantedAmount"], message: APPROVAL_NEEDS_AMOUNT });
      return z.NEVER;
    }
    const amount = kronorField.safeParse(row.grantedAmount);
    if (!amount.success) {
      for (const issue of amount.error.issues) ctx.addIssue({ code: "custom", path: ["grantedAmount"], message: issue.message });
      return z.NEVER;
    }
    if (amount.data <= 0) {
      ctx.addIssue({ code: "custom", path: ["grantedAmount"], message: APPROVAL_NEEDS_AMOUNT });
      return z.NEVER;
    }
    // The server checks this against the stored requested amount; this is the same rule, asked before sending.
    if (row.requestedAmount !== undefined && amount.data > row.requestedAmount && !row.confirmOverRequest) {
      ctx.addIssue({ code: "custom", path: ["confirmOverRequest"], message: CONFIRM_OVER_REQUEST });
      return z.NEVER;
    }
    if (noMotivation) return z.NEVER;
    return { ...base, outcome: "approved" as const, grantedAmount: amount.data };
  });

export const meetingSchema = z.object({
  roundId: z.coerce.number().int().positive(),
  decidedOn: decisionDateField,
  /** A text the officer may copy into the rows' motivations; it is not saved itself. */
  sharedMotivation: importedMotivationField.optional(),
  rows: z
    .array(meetingRowSchema)
    .min(1, "Omgången har inga ansökningar att besluta om.")
    .max(MEETING_ROW_LIMIT, `Beslutsmötet tar högst ${MEETING_ROW_LIMIT} ansökningar åt gången.`),
});
export type MeetingFormInput = z.input<typeof meetingSchema>;
export type MeetingFormOutput = z.output<typeof meetingSchema>;
