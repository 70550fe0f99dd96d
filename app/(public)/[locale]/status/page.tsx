import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { formatMoment } from "@/lib/format/ui";
import { toLocale } from "@/lib/i18n/config";

/*
 * /status: a health page for monitoring, rendered on every request (the server answers, now). It touches no
 * database. It is also the bench's measure of a bare dynamic page, against which the cached newsroom is compared.
 */

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "status" }))("title"), robots: { index: false } };
}

export default async function StatusPage({ params }: Props) {
  const locale = toLocale((await params).locale);
  setRequestLocale(locale);
  await connection();
  const t = await getTranslations("status");
  return <PageHeader title={t("title")} description={t("running", { time: formatMoment(new Date(), locale) })} />;
}
