"use server";

import { getTranslations } from "next-intl/server";
import { fail, failureOf, type ActionResult } from "@/lib/actions";
import { getDb } from "@/db";
import { DomainError } from "@/lib/errors";
import { toLocale } from "@/lib/i18n/config";
import { subscribeSchema, tokenSchema } from "@/lib/press/subscription-schema";
import { confirmSubscription, subscribe, unsubscribe } from "@/lib/press/subscriptions";
import { fieldErrorsOf } from "@/lib/validation/errors";

/*
 * The newsroom's subscription actions are public by nature (a journalist has no account): each validates its input
 * with zod here, whatever the form did, and none tells whether an address subscribes. Confirming and unsubscribing
 * take the link's token, which is the only key.
 */

export async function subscribeAction(raw: unknown): Promise<ActionResult> {
  const locale = toLocale(typeof (raw as { locale?: unknown })?.locale === "string" ? (raw as { locale: string }).locale : undefined);
  const t = await getTranslations({ locale, namespace: "actions" });
  const parsed = subscribeSchema.safeParse(raw);
  if (!parsed.success) return fail(t("invalid"), fieldErrorsOf(parsed.error), "invalid");
  try {
    subscribe(getDb(), parsed.data);
    return { ok: true, data: undefined };
  } catch (error) {
    if (error instanceof DomainError) return failureOf(error);
    console.error(error);
    return fail(t("error"), undefined, "error");
  }
}

export async function confirmSubscriptionAction(raw: unknown): Promise<ActionResult<{ confirmed: boolean; choice: string | null }>> {
  const input = (raw ?? {}) as { token?: unknown; locale?: unknown };
  const locale = toLocale(typeof input.locale === "string" ? input.locale : undefined);
  const token = tokenSchema.safeParse(input.token);
  if (!token.success) return { ok: true, data: { confirmed: false, choice: null } };
  const result = confirmSubscription(getDb(), token.data, locale);
  return { ok: true, data: result.ok ? { confirmed: true, choice: result.choice } : { confirmed: false, choice: null } };
}

export async function unsubscribeAction(raw: unknown): Promise<ActionResult> {
  const input = (raw ?? {}) as { token?: unknown };
  const token = tokenSchema.safeParse(input.token);
  if (token.success) unsubscribe(getDb(), token.data);
  // The same answer for a link already used: the address gets no more mail either way.
  return { ok: true, data: undefined };
}
