import { z } from "zod";
import { isoDateField, kronorField, textField } from "@/lib/validation/fields";

/*
 * The round form, shared by the new-round and edit pages (zodResolver), their server actions and lib/rounds, so
 * the browser and the server refuse the same input with the same Swedish message.
 *
 * Every output is valid input again (numbers stay numbers, an empty date becomes null and null is accepted): the
 * form sends its parsed values to the action, which parses them once more.
 */

/** A day as YYYY-MM-DD, or none: an empty field (or null) means the date is not set yet. */
const optionalDateField = z
  .union([z.string(), z.null(), z.undefined()])
  .transform((value) => (value ?? "").trim())
  .pipe(z.union([z.literal("").transform(() => null), isoDateField]));

const wholeNumber = (message: string, min: number, max: number) =>
  z.coerce.number({ error: message }).int(message).min(min, message).max(max, message);

export const MAX_CRITERIA_LENGTH = 5000;

const roundFields = z.object({
  programmeId: z.coerce.number({ error: "Välj ett program." }).int("Välj ett program.").positive("Välj ett program."),
  ordinal: wholeNumber("Ange omgångens nummer som en siffra mellan 1 och 50.", 1, 50),
  year: wholeNumber("Ange ett årtal mellan 2000 och 2100.", 2000, 2100),
  budget: kronorField,
  opensOn: optionalDateField,
  closesOn: optionalDateField,
  decisionOn: optionalDateField,
  criteria: textField({
    max: MAX_CRITERIA_LENGTH,
    multiline: true,
    maxMessage: "Kriterierna får ha högst 5 000 tecken.",
  }).default(""),
  isLast: z.boolean().default(false),
});

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

type DatedRound = { opensOn?: string | null; closesOn?: string | null; decisionOn?: string | null };

export const CLOSES_BEFORE_OPENS = "Sista ansökningsdag kan inte vara före den dag omgången öppnar.";
export const DECISION_BEFORE_CLOSES = "Beslutsdagen kan inte vara före sista ansökningsdag.";
export const DECISION_BEFORE_OPENS = "Beslutsdagen kan inte vara före den dag omgången öppnar.";

/**
 * The days must come in order: opens, closes, decided. The message sits on the later field, the one that is
 * wrong given the earlier. ISO dates compare correctly as strings.
 */
function checkDateOrder(round: DatedRound, ctx: z.RefinementCtx): void {
  // A field that failed its own check has its own message already; compare only real dates.
  const day = (value: string | null | undefined) => (value && ISO_DAY.test(value) ? value : null);
  const [opensOn, closesOn, decisionOn] = [day(round.opensOn), day(round.closesOn), day(round.decisionOn)];
  if (opensOn && closesOn && closesOn < opensOn) {
    ctx.addIssue({ code: "custom", path: ["closesOn"], message: CLOSES_BEFORE_OPENS });
  }
  if (decisionOn && closesOn && decisionOn < closesOn) {
    ctx.addIssue({ code: "custom", path: ["decisionOn"], message: DECISION_BEFORE_CLOSES });
  } else if (decisionOn && !closesOn && opensOn && decisionOn < opensOn) {
    ctx.addIssue({ code: "custom", path: ["decisionOn"], message: DECISION_BEFORE_OPENS });
  }
}

export const roundFormSchema = roundFields
  .extend({
    /**
     * The officer's yes to adding a round after the one marked as the programme's last: without it such a round is
     * refused (lib/rounds asks the database), so a last round is never followed by accident.
     */
    confirmAfterLast: z.boolean().default(false),
  })
  .superRefine(checkDateOrder);
export type RoundFormInput = z.input<typeof roundFormSchema>;
export type RoundFormValues = z.output<typeof roundFormSchema>;

export const updateRoundSchema = roundFields
  .extend({
    roundId: z.coerce.number().int().positive(),
    /** The version the officer started editing: a save against a newer one is refused, never silently merged. */
    version: z.coerce.number().int().positive(),
  })
  .superRefine(checkDateOrder);
export type UpdateRoundInput = z.input<typeof updateRoundSchema>;
export type UpdateRoundValues = z.output<typeof updateRoundSchema>;

/** Opening and closing a round for new applications (planned and decided are not set by hand). */
export const ROUND_STATUS_CHANGES = ["open", "closed"] as const;

export const setRoundStatusSchema = z.object({
  roundId: z.coerce.number().int().positive(),
  status: z.enum(ROUND_STATUS_CHANGES, { error: "Omgången kan bara öppnas eller stängas här." }),
  version: z.coerce.number().int().positive(),
});
export type SetRoundStatusInput = z.input<typeof setRoundStatusSchema>;
export type SetRoundStatusValues = z.output<typeof setRoundStatusSchema>;
