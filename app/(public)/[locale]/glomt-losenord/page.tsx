import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import Link from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { toLocale } from "@/lib/i18n/config";
import { publicHref } from "@/lib/i18n/public-paths";
import { ForgotPasswordForm } from "./forgot-password-form";

/* Static, once per language, as the sign-in page: the form's action does the work (lib/users/forgot-password.ts). */

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale: toLocale(locale), namespace: "passwordLink" }))("forgotTitle") };
}

export default async function ForgotPasswordPage({ params }: Props) {
  const locale = toLocale((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations("passwordLink");
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title={t("forgotTitle")} description={t("forgotIntro")} />
      <ForgotPasswordForm locale={locale} />
      <p className="mt-6">
        <Link href={publicHref("/logga-in", locale)} className="font-medium underline">
          {t("backToSignIn")}
        </Link>
      </p>
    </div>
  );
}
