import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import Link from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { toLocale } from "@/lib/i18n/config";
import { publicHref } from "@/lib/i18n/public-paths";
import { tokenSchema } from "@/lib/press/subscription-schema";
import { CONFIRM_LINK_DAYS, subscriptionToConfirm, subscriptionToEnd } from "@/lib/press/subscriptions";
import { LinkForm } from "./link-form";

/*
 * The page a subscription mail's link opens (bekrafta/<token>, avsluta/<token>): what the link is for, and a button
 * to do it, since opening a link must not do it (mail scanners open links). Read per request, never cached.
 */

export type LinkPageProps = { params: Promise<{ locale: string; token: string }> };
type Kind = "confirm" | "unsubscribe";

const TEXT = {
  confirm: { title: "confirmTitle", intro: "confirmIntro" },
  unsubscribe: { title: "unsubscribeTitle", intro: "unsubscribeIntro" },
} as const;

export async function linkPageMetadata(kind: Kind, { params }: LinkPageProps): Promise<Metadata> {
  const locale = toLocale((await params).locale);
  return { title: (await getTranslations({ locale, namespace: "subscriptions" }))(TEXT[kind].title), robots: { index: false } };
}

export async function LinkPage({ kind, params }: LinkPageProps & { kind: Kind }) {
  const { locale: raw, token } = await params;
  const locale = toLocale(raw);
  setRequestLocale(locale);
  const t = await getTranslations("subscriptions");
  const valid = tokenSchema.safeParse(token);
  const read = kind === "confirm" ? subscriptionToConfirm : subscriptionToEnd;
  const found = valid.success ? read(getDb(), valid.data, locale) : { ok: false as const };
  return (
    <div className="max-w-xl">
      <PageHeader title={t(TEXT[kind].title)} />
      {found.ok ? (
        <>
          <p className="mb-4">{t(TEXT[kind].intro, { choice: found.choice })}</p>
          <LinkForm kind={kind} token={token} locale={locale} choice={found.choice} days={CONFIRM_LINK_DAYS} />
        </>
      ) : (
        <Alert tone="error">{kind === "confirm" ? t("linkInvalid", { days: CONFIRM_LINK_DAYS }) : t("unsubscribeUnknown")}</Alert>
      )}
      <p className="mt-8">
        <Link href={publicHref("/nyheter", locale)} className="text-brand-700 underline">
          {t("backToNewsroom")}
        </Link>
      </p>
    </div>
  );
}
