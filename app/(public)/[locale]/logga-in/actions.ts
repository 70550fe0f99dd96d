"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { cookies, headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { fail, type ActionFailure } from "@/lib/actions";
import { signIn } from "@/lib/auth/auth";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { makeSignInSchema, type SignInMessages } from "@/lib/auth/schema";
import { THROTTLE } from "@/lib/auth/throttle";
import { appCookieOptions } from "@/lib/auth/config";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/config";
import { fieldErrorsOf } from "@/lib/validation/errors";

// The sign-in action is public by nature: it is how a visitor gets a session. It is throttled per address and per
// client (lib/auth/throttle.ts) and validates its input with the same zod schema as the form.

/**
 * Public by nature (it is how one gets a session). Input is validated here whatever the form did, and every
 * failure gets the same message, so it never tells whether an address has an account. The page's language becomes
 * the staff pages' language (their cookie), so signing in on /en/logga-in continues in English.
 */
export async function signInAction(raw: { email: string; password: string; callbackUrl?: string; locale: string }): Promise<ActionFailure> {
  const locale = toLocale(typeof raw?.locale === "string" ? raw.locale : undefined);
  const t = await getTranslations({ locale, namespace: "signIn" });
  const parsed = makeSignInSchema(t.raw("errors") as SignInMessages).safeParse(raw);
  if (!parsed.success) return fail(t("invalid"), fieldErrorsOf(parsed.error), "invalid");
  (await cookies()).set(LOCALE_COOKIE, locale, appCookieOptions(60 * 60 * 24 * 365));
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeCallbackUrl(parsed.data.callbackUrl),
    });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      return error.code === "locked"
        ? fail(t("locked", { minutes: THROTTLE.lockMs / 60_000 }), undefined, "domain")
        : fail(t("invalid"), undefined, "invalid");
    }
    if (error instanceof AuthError) return fail(t("error"), undefined, "error");
    throw error; // the redirect after a successful sign-in
  }
  return fail(t("error"), undefined, "error");
}

/**
 * The same sign-in for a browser without JavaScript: the form posts here (POST, never the password in a URL), and
 * the page comes back with the failure, or the redirect follows. The page is static, so where to go afterwards is
 * read from the sign-in page's address, which the browser sends as the Referer of its own form.
 */
export async function signInFormAction(_previous: ActionFailure | null, formData: FormData): Promise<ActionFailure> {
  const field = (name: string) => (formData instanceof FormData ? formData.get(name) : null);
  const text = (name: string) => {
    const value = field(name);
    return typeof value === "string" ? value : "";
  };
  return signInAction({ email: text("email"), password: text("password"), callbackUrl: callbackFromReferer(await headers()), locale: text("locale") });
}

function callbackFromReferer(requestHeaders: Headers): string | undefined {
  const referer = requestHeaders.get("referer");
  if (!referer) return undefined;
  try {
    return new URL(referer).searchParams.get("callbackUrl") ?? undefined;
  } catch {
    return undefined;
  }
}
