import { Feed } from "feed";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { listFeedItems } from "@/db/queries/newsroom";
import { toLocale } from "@/lib/i18n/config";
import { publicHref } from "@/lib/i18n/public-paths";
import { PRESS_SENDER } from "@/lib/press/context";
import { isBuildPhase } from "@/lib/press/newsroom-cache";
import { getCounty } from "@/db/queries/reference";
import { feedHref, newsroomHref, releaseHref, siteUrl, type ListFilter } from "./paths";

/*
 * The newsroom's feed (the `feed` library writes RSS 2.0 and Atom 1.0): the newest public releases, through the
 * visibility rule like every public channel. Route handlers under /nyheter serve it, cached like the pages: the
 * whole newsroom (feed.xml, atom.xml), and the releases of one topic, one county or both (feed/amne/<topic>.xml,
 * feed/region/<code>.xml, feed/amne/<topic>/region/<code>.xml), since journalists follow by topic and by region.
 */
export async function newsroomFeed(rawLocale: string, format: "rss" | "atom", filter: Omit<ListFilter, "page"> = { topic: null, regionCode: null }): Promise<Response> {
  const locale = toLocale(rawLocale);
  const t = await getTranslations({ locale, namespace: "newsroom" });
  const db = getDb();
  const items = isBuildPhase() ? [] : listFeedItems(db, new Date(), undefined, filter);
  const region = filter.regionCode ? getCounty(db, filter.regionCode)?.shortName ?? filter.regionCode : null;
  const parts = [filter.topic ? t(`topics.${filter.topic}`) : null, region].filter(Boolean);
  const listPath = newsroomHref(locale, filter);
  const feed = new Feed({
    id: siteUrl(format === "rss" ? feedHref(locale, filter) : listPath),
    title: parts.length > 0 ? `${t("feedTitle")}: ${parts.join(", ")}` : t("feedTitle"),
    description: t("intro"),
    link: siteUrl(listPath),
    language: "sv",
    copyright: PRESS_SENDER.name,
    updated: items[0]?.publishAt ?? new Date(0),
    generator: false,
    feedLinks: parts.length > 0 ? { rss: siteUrl(feedHref(locale, filter)) } : { rss: siteUrl(publicHref("/nyheter/feed.xml", locale)), atom: siteUrl(publicHref("/nyheter/atom.xml", locale)) },
    author: { name: PRESS_SENDER.name, link: `https://${PRESS_SENDER.website}` },
  });
  for (const item of items) {
    const link = siteUrl(releaseHref(locale, item.slug));
    feed.addItem({
      title: item.headline,
      id: link,
      link,
      description: item.ingress,
      date: item.publishAt,
      published: item.publishAt,
      category: item.topics.map((topic) => ({ name: topic })),
    });
  }
  return new Response(format === "rss" ? feed.rss2() : feed.atom1(), {
    headers: { "Content-Type": `${format === "rss" ? "application/rss+xml" : "application/atom+xml"}; charset=utf-8` },
  });
}
