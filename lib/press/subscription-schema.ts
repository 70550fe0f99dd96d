import { z } from "zod";
import { PRESS_TOPICS } from "@/lib/enums";
import { emailField } from "@/lib/validation/fields";

/** The newsroom's subscription form: an address, a topic or all (""), a county or all (""), the page's language. */
export const subscribeSchema = z.object({
  email: emailField,
  topic: z.union([z.literal(""), z.enum(PRESS_TOPICS, { error: "Välj ett ämne i listan." })]).default(""),
  countyCode: z.union([z.literal(""), z.string().regex(/^[0-9]{2}$/, "Välj ett län i listan.")]).default(""),
  locale: z.enum(["sv", "en"]).default("sv"),
});
export type SubscribeInput = z.input<typeof subscribeSchema>;
export type SubscribeValues = z.output<typeof subscribeSchema>;

/** A link's token from its address: URL-safe base64 of 32 random bytes. */
export const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
