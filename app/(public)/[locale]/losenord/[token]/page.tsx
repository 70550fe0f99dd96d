import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import Link from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { toLocale } from "@/lib/i18n/config";
import { publicHref } from "@/lib/i18n/public-paths";
import { usableLink } from "@/lib/users/password-links";
import { SetPasswordForm } from "./set-password-form";

/*
 * A link to set a password: an invitation or a reset (lib/users/password-links.ts). Rendered per request, never
 * cached or indexed, and it sends no referrer, so the token leaves the page with no request. A used, revoked,
 * expired or unknown link gets one and the same message; reading the page writes nothing.
 */

type Props = { params: Promise<{ locale: string; token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: toLocale(locale), namespace: "passwordLink" });
  return { title: t("setTitle"), robots: { index: false, follow: false, nocache: true }, referrer: "no-referrer" };
}

export default async function SetPasswordPage({ params }: Props) {
  const { locale: raw, token } = await params;
  const locale = toLocale(raw);
  setRequestLocale(locale);
  await connection();
  const t = await getTranslations("passwordLink");
  const link = usableLink(getDb(), token);
  if (!link) {
    return (
      <div className="mx-auto flex max-w-md flex-col gap-6">
        <PageHeader title={t("invalidTitle")} />
        <Alert tone="error">{t("invalid")}</Alert>
        <div className="flex flex-wrap gap-4">
          <Link href={publicHref("/glomt-losenord", locale)} className={buttonClasses("primary")}>
            {t("toForgot")}
          </Link>
          <Link href={publicHref("/logga-in", locale)} className={buttonClasses("link")}>
            {t("toSignIn")}
          </Link>
        </div>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-md">
      <PageHeader
        title={t("setTitle")}
        description={link.purpose === "invitation" ? t("invitationIntro", { name: link.name, email: link.email }) : t("resetIntro", { email: link.email })}
      />
      <p className="mb-6 max-w-prose text-slate-700">{t("rules")}</p>
      <SetPasswordForm token={token} email={link.email} locale={locale} />
    </div>
  );
}
