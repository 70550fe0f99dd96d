import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import Link from "@/components/ui/link";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { toLocale } from "@/lib/i18n/config";
import { publicHref } from "@/lib/i18n/public-paths";
import { tokenSchema } from "@/lib/press/subscription-schema";
import { CONFIRM_LINK_DAYS, subscriptionToConfirm } from "@/lib/press/subscriptions";
import { LinkForm } from "../../link-form";

// The page a mail's link opens: what the link is for, and a button to do it (read per request; never cached).
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = toLocale((await params).locale);
  return { title: (await getTranslations({ locale, namespace: "subscriptions" }))("confirmTitle"), robots: { index: false } };
}

export default async function Page({ params }: Props) {
  const { locale: raw, token } = await params;
  const locale = toLocale(raw);
  setRequestLocale(locale);
  const t = await getTranslations("subscriptions");
  const valid = tokenSchema.safeParse(token);
  const found = valid.success ? subscriptionToConfirm(getDb(), valid.data, locale) : { ok: false as const };
  return (
    <div className="max-w-xl">
      <PageHeader title={t("confirmTitle")} />
      {found.ok ? (
        <>
          <p className="mb-4">{t("confirmIntro", { choice: found.choice })}</p>
          <LinkForm kind="confirm" token={token} locale={locale} choice={found.choice} days={CONFIRM_LINK_DAYS} />
        </>
      ) : (
        <Alert tone="error">{t("linkInvalid", { days: CONFIRM_LINK_DAYS })}</Alert>
      )}
      <p className="mt-8">
        <Link href={publicHref("/nyheter", locale)} className="text-brand-700 underline">
          {t("backToNewsroom")}
        </Link>
      </p>
    </div>
  );
}
