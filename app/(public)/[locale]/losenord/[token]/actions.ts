"use server";

import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { fail, failureOf, type ActionResult } from "@/lib/actions";
import { DomainError } from "@/lib/errors";
import { toLocale } from "@/lib/i18n/config";
import { setPasswordFromLink } from "@/lib/users/password-links";
import { setPasswordSchema } from "@/lib/users/schema";
import { fieldErrorsOf } from "@/lib/validation/errors";

/**
 * This action is public by nature, so no permission is checked: whoever holds the link sets the password. The link
 * is the credential (256 random bits, stored only as its hash, used once); input is validated here with the form's
 * schema whatever the browser did, and a dead link gets the one message every dead link gets.
 */
export async function setPasswordAction(raw: { token: string; password: string; confirmPassword: string; locale: string }): Promise<ActionResult> {
  const locale = toLocale(typeof raw?.locale === "string" ? raw.locale : undefined);
  const t = await getTranslations({ locale, namespace: "passwordLink" });
  const parsed = setPasswordSchema.safeParse(raw);
  if (!parsed.success) return fail(t("error"), fieldErrorsOf(parsed.error), "invalid");
  try {
    await setPasswordFromLink(getDb(), parsed.data);
    return { ok: true, data: undefined };
  } catch (error) {
    if (error instanceof DomainError) return failureOf(error);
    console.error(error);
    return fail(t("error"), undefined, "error");
  }
}
