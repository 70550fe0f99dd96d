import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { toLocale } from "@/lib/i18n/config";
import { NewsroomList, newsroomMetadata } from "../../../_lib/newsroom-list";
import { isTopic, parseListRest, type ListFilter } from "../../../_lib/paths";

/* /nyheter/amne/<topic>[/region/<county>][/sida/<n>]: a topic's releases, rendered on first visit, then cached. */

export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ locale: string; topic: string; rest?: string[] }> };

async function filterOf(params: Props["params"]): Promise<{ locale: ReturnType<typeof toLocale>; filter: ListFilter }> {
  const p = await params;
  const rest = parseListRest(p.rest, true);
  if (!isTopic(p.topic) || rest === null) notFound();
  return { locale: toLocale(p.locale), filter: { topic: p.topic, ...rest } };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, filter } = await filterOf(params);
  return newsroomMetadata(locale, filter);
}

export default async function TopicPage({ params }: Props) {
  const { locale, filter } = await filterOf(params);
  setRequestLocale(locale);
  return <NewsroomList locale={locale} filter={filter} />;
}
