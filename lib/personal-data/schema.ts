import { z } from "zod";
import { textField } from "@/lib/validation/fields";

/**
 * Erasing what is stored about a person, from the page that listed it: the search term (an email address or a
 * name), the counts the page showed (a change since then is refused rather than erasing what the admin did not see),
 * and the confirmation box.
 */
export const erasePersonalDataSchema = z.object({
  term: textField({ max: 200, required: "Ange en text." }),
  userCount: z.coerce.number().int().nonnegative(),
  contactCount: z.coerce.number().int().nonnegative(),
  confirmed: z.literal(true),
});
export type ErasePersonalDataInput = z.input<typeof erasePersonalDataSchema>;
