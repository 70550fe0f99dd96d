import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LocaleSwitchForm } from "@/components/layout/locale-switch-form";
import { PageShell } from "@/components/layout/page-shell";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { getCurrentUser } from "@/lib/auth/session";
import { clientMessages } from "@/lib/i18n/client-messages";
import "../globals.css";

/*
 * The root layout of staff pages: it reads the session (for the header) and the language cookie, so every page
 * under it is rendered per request. Public pages have their own root layout, app/(public)/[locale]/layout.tsx,
 * which reads neither (docs/decisions/0005-route-groups-and-data-boundary.md).
 */

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: { default: t("name"), template: `%s – ${t("name")}` }, description: t("tagline") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function StaffLayout({ children }: { children: ReactNode }) {
  const [locale, user, t] = await Promise.all([getLocale(), getCurrentUser(), getTranslations("app")]);
  return (
    <PageShell
      lang={locale}
      skipLabel={t("skipToContent")}
      header={<SiteHeader user={user} />}
      footer={<SiteFooter languageSwitch={<LocaleSwitchForm />} />}
    >
      <NextIntlClientProvider messages={await clientMessages("staff")}>{children}</NextIntlClientProvider>
    </PageShell>
  );
}
