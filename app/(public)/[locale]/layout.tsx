import type { Metadata, Viewport } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider, hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { PageShell } from "@/components/layout/page-shell";
import { PublicLanguageLink } from "@/components/layout/public-language-link";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { clientMessages } from "@/lib/i18n/client-messages";
import { LOCALES } from "@/lib/i18n/config";
import "../../globals.css";

/*
 * The root layout of public pages (sign-in, the accessibility statement, the newsroom). It reads no cookie and no
 * session: the language comes from the URL (Swedish at "/logga-in", English at "/en/logga-in"; proxy.ts rewrites the
 * plain path to "/sv/…"), so each page is rendered once per language at build time. Every page under it calls
 * setRequestLocale(locale) before it translates anything, or next-intl would read the request and make it dynamic.
 */

type Props = { children: ReactNode; params: Promise<{ locale: string }> };

// No `dynamicParams = false` here: Next applies it to every dynamic segment below (a newsroom release, a grants
// list), which would then all be 404. A locale other than sv and en is refused by notFound() below instead.

export function generateStaticParams() {
  return LOCALES.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: Omit<Props, "children">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "app" });
  return { title: { default: t("name"), template: `%s – ${t("name")}` }, description: t("tagline") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function PublicLayout({ children, params }: Props) {
  const { locale } = await params;
  if (!hasLocale(LOCALES, locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations("app");
  const footer = await getTranslations("footer");
  return (
    <PageShell
      lang={locale}
      skipLabel={t("skipToContent")}
      header={<SiteHeader user={null} />}
      footer={<SiteFooter languageSwitch={<PublicLanguageLink locale={locale} label={footer("switchTo")} />} />}
    >
      <NextIntlClientProvider messages={await clientMessages("public")}>{children}</NextIntlClientProvider>
    </PageShell>
  );
}
