import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { toLocale } from "@/lib/i18n/config";
import { NewsroomList, newsroomMetadata } from "../../_lib/newsroom-list";
import { pageOf, type ListFilter } from "../../_lib/paths";

/* /nyheter/sida/<n>: rendered on its first visit (no build-time params), then cached like /nyheter. */

export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ locale: string; page: string }> };

async function filterOf(params: Props["params"]): Promise<{ locale: ReturnType<typeof toLocale>; filter: ListFilter }> {
  const p = await params;
  const page = pageOf(p.page);
  if (page === null) notFound();
  return { locale: toLocale(p.locale), filter: { topic: null, regionCode: null, page } };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, filter } = await filterOf(params);
  return newsroomMetadata(locale, filter);
}

export default async function NewsroomPageN({ params }: Props) {
  const { locale, filter } = await filterOf(params);
  setRequestLocale(locale);
  return <NewsroomList locale={locale} filter={filter} />;
}
