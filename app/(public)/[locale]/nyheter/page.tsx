import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { toLocale } from "@/lib/i18n/config";
import { NewsroomList, newsroomMetadata } from "./_lib/newsroom-list";

/*
 * /nyheter: the newest public releases. A static page, cached and revalidated when something is published
 * (lib/press/newsroom-cache.ts); `revalidate` is only the safety net (NEWSROOM_REVALIDATE_SECONDS).
 */

export const revalidate = 300;

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return newsroomMetadata(toLocale((await params).locale), { topic: null, regionCode: null, page: 1 });
}

export default async function NewsroomPage({ params }: Props) {
  const locale = toLocale((await params).locale);
  setRequestLocale(locale);
  return <NewsroomList locale={locale} filter={{ topic: null, regionCode: null, page: 1 }} />;
}
