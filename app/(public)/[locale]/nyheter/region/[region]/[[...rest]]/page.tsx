import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { toLocale } from "@/lib/i18n/config";
import { NewsroomList, newsroomMetadata } from "../../../_lib/newsroom-list";
import { isCountyCode, parseListRest, type ListFilter } from "../../../_lib/paths";

/* /nyheter/region/<county>[/sida/<n>]: a region's releases, rendered on first visit, then cached. */

export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ locale: string; region: string; rest?: string[] }> };

async function filterOf(params: Props["params"]): Promise<{ locale: ReturnType<typeof toLocale>; filter: ListFilter }> {
  const p = await params;
  const rest = parseListRest(p.rest, false);
  if (!isCountyCode(p.region) || rest === null) notFound();
  return { locale: toLocale(p.locale), filter: { topic: null, regionCode: p.region, page: rest.page } };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, filter } = await filterOf(params);
  return newsroomMetadata(locale, filter);
}

export default async function RegionPage({ params }: Props) {
  const { locale, filter } = await filterOf(params);
  setRequestLocale(locale);
  return <NewsroomList locale={locale} filter={filter} />;
}
