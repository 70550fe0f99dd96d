"use server";

import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { fail, failureOf, type ActionResult } from "@/lib/actions";
import { clientAddressOf } from "@/lib/auth/client-address";
import { DomainError } from "@/lib/errors";
import { toLocale } from "@/lib/i18n/config";
import { nudgeMailDelivery } from "@/lib/mail/delivery-loop";
import { requestPasswordReset } from "@/lib/users/forgot-password";
import { forgotPasswordSchema } from "@/lib/users/schema";
import { fieldErrorsOf } from "@/lib/validation/errors";

/**
 * This action is public by nature, so no permission is checked (the visitor cannot sign in). The answer is the same
 * for every well-formed address, known or not, disabled or throttled (lib/users/forgot-password.ts); only a
 * malformed address is refused, at its field.
 */
export async function forgotPasswordAction(raw: { email: string; locale: string }): Promise<ActionResult<{ message: string }>> {
  const locale = toLocale(typeof raw?.locale === "string" ? raw.locale : undefined);
  const t = await getTranslations({ locale, namespace: "passwordLink" });
  const parsed = forgotPasswordSchema.safeParse(raw);
  if (!parsed.success) return fail(t("error"), fieldErrorsOf(parsed.error), "invalid");
  try {
    requestPasswordReset(getDb(), parsed.data, clientAddressOf(await headers()), { locale });
    nudgeMailDelivery();
    return { ok: true, data: { message: t("answer") } };
  } catch (error) {
    if (error instanceof DomainError) return failureOf(error);
    console.error(error);
    return fail(t("error"), undefined, "error");
  }
}
