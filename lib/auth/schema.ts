import { z } from "zod";
import "@/lib/validation/no-eval";
import sv from "@/lib/i18n/messages/sv/common.json";

/** The sign-in form's messages, in the visitor's language (the form passes its translations; the server uses Swedish). */
export type SignInMessages = typeof sv.signIn.errors;

export function makeSignInSchema(messages: SignInMessages = sv.signIn.errors) {
  return z.object({
    email: z
      .string({ error: messages.emailRequired })
      .trim()
      .toLowerCase()
      .min(1, messages.emailRequired)
      .max(254, messages.emailTooLong)
      .pipe(z.email(messages.emailInvalid)),
    password: z.string({ error: messages.passwordRequired }).min(1, messages.passwordRequired).max(200, messages.passwordTooLong),
    callbackUrl: z.string().max(2000).optional(),
  });
}

export const signInSchema = makeSignInSchema();
export type SignInInput = z.input<typeof signInSchema>;
