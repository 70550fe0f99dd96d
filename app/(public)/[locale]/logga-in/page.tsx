import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Suspense } from "react";
import Link from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { toLocale } from "@/lib/i18n/config";
import { publicHref } from "@/lib/i18n/public-paths";
import { SignInForm } from "./sign-in-form";
import { SignInNotice } from "./sign-in-notice";

/*
 * Static (rendered at build time, once per language): nothing here reads the request. Where to go afterwards
 * (callbackUrl) and the notices after signing out are read in the browser; a signed-in visitor never sees this page,
 * as proxy.ts sends them on.
 */

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "signIn" }))("title") };
}

export default async function SignInPage({ params }: Props) {
  const locale = toLocale((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations("signIn");
  const tLink = await getTranslations("passwordLink");
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title={t("title")} description={t("intro")} />
      <Suspense fallback={null}>
        <SignInNotice />
      </Suspense>
      <SignInForm locale={locale} />
      <p className="mt-6">
        <Link href={publicHref("/glomt-losenord", locale)} className="font-medium underline">
          {tLink("forgotLink")}
        </Link>
      </p>
    </div>
  );
}
