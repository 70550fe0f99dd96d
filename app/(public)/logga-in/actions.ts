"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { getTranslations } from "next-intl/server";
import { signIn } from "@/lib/auth/auth";
import { signInSchema } from "@/lib/auth/schema";
import { safeCallbackUrl } from "@/lib/auth/callback-url";

export type SignInState = { ok: false; formError: string; fieldErrors?: Record<string, string[] | undefined> };

/**
 * Public by nature (it is how one gets a session). Input is validated here whatever the form did, and every
 * failure gets the same message, so it never tells whether an address has an account.
 */
export async function signInAction(raw: unknown): Promise<SignInState> {
  const t = await getTranslations("signIn");
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, formError: t("invalid") };
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeCallbackUrl(parsed.data.callbackUrl),
    });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      return { ok: false, formError: error.code === "locked" ? t("locked") : t("invalid") };
    }
    if (error instanceof AuthError) return { ok: false, formError: t("error") };
    throw error; // the redirect after a successful sign-in
  }
  return { ok: false, formError: t("error") };
}
