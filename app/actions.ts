"use server";

import { cookies } from "next/headers";
import { signOut } from "@/lib/auth/auth";
import { SIGNED_OUT_PARAM } from "@/lib/auth/sign-in-params";
import { appCookieOptions } from "@/lib/auth/config";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/config";

// Open to everyone (public): signing out and choosing a language need no permission (they touch only the visitor's own
// cookies).

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: `/logga-in?${SIGNED_OUT_PARAM}=1` });
}

export async function setLocaleAction(formData: FormData): Promise<void> {
  // Anyone can call an action with arguments of their own making: anything but a form changes nothing (never a 500).
  if (!(formData instanceof FormData)) return;
  const locale = toLocale(String(formData.get("locale") ?? ""));
  (await cookies()).set(LOCALE_COOKIE, locale, appCookieOptions(60 * 60 * 24 * 365));
}
