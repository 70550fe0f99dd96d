import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import Link from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { listCounties } from "@/db/queries/reference";
import { PRESS_TOPICS } from "@/lib/enums";
import { toLocale } from "@/lib/i18n/config";
import { publicHref } from "@/lib/i18n/public-paths";
import { CONFIRM_LINK_DAYS } from "@/lib/press/subscriptions";
import { isCountyCode, isTopic } from "../_lib/paths";
import { SubscribeForm } from "./subscribe-form";

/*
 * /nyheter/prenumerera: subscribe to the newsroom by mail, for a topic and a county or all. Read per request (the
 * county list comes from the database, and ?amne=…&lan=… from a filtered list fills the choice in).
 */

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ amne?: string; lan?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = toLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: "subscriptions" });
  return { title: t("title"), description: t("intro"), robots: { index: false } };
}

export default async function SubscribePage({ params, searchParams }: Props) {
  const locale = toLocale((await params).locale);
  setRequestLocale(locale);
  const query = await searchParams;
  const t = await getTranslations("subscriptions");
  const tn = await getTranslations("newsroom");
  const topics = PRESS_TOPICS.map((topic) => ({ value: topic, label: tn(`topics.${topic}`) }));
  const counties = listCounties(getDb()).map((c) => ({ value: c.code, label: c.name }));
  const topic = typeof query.amne === "string" && isTopic(query.amne) ? query.amne : "";
  const countyCode = typeof query.lan === "string" && isCountyCode(query.lan) && counties.some((c) => c.value === query.lan) ? query.lan : "";
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <SubscribeForm locale={locale} topics={topics} counties={counties} defaults={{ topic, countyCode }} days={CONFIRM_LINK_DAYS} />
      <p className="mt-8">
        <Link href={publicHref("/nyheter", locale)} className="text-brand-700 underline">
          {t("backToNewsroom")}
        </Link>
      </p>
    </>
  );
}
