import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import Link from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { getDb } from "@/db";
import { listPublicRegions, listPublicReleases } from "@/db/queries/newsroom";
import { PRESS_TOPICS } from "@/lib/enums";
import { formatDay } from "@/lib/format/ui";
import type { Locale } from "@/lib/i18n/config";
import { publicHref } from "@/lib/i18n/public-paths";
import { isBuildPhase } from "@/lib/press/newsroom-cache";
import { feedHref, type ListFilter, newsroomHref, releaseHref, subscribeHref } from "./paths";

/*
 * One page of the newsroom's list, for every filter address (see ./paths.ts). Read at render time through the
 * visibility rule; the page is then cached until the next publication revalidates it. During `next build` it reads
 * nothing (no database there) and renders empty; the scheduler revalidates it when the server starts.
 */

function read(filter: ListFilter) {
  if (isBuildPhase()) return { list: { rows: [], total: 0, page: 1, pageCount: 1 }, regions: [] };
  const db = getDb();
  const now = new Date();
  return {
    list: listPublicReleases(db, now, { topic: filter.topic, regionCode: filter.regionCode, page: filter.page }),
    regions: listPublicRegions(db, now),
  };
}

export async function newsroomMetadata(locale: Locale, filter: ListFilter): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: "newsroom" });
  const names: string[] = [];
  if (filter.topic) names.push(t(`topics.${filter.topic}`));
  if (filter.regionCode) {
    const region = isBuildPhase() ? null : listPublicRegions(getDb(), new Date()).find((r) => r.code === filter.regionCode);
    names.push(region?.name ?? filter.regionCode);
  }
  return {
    title: names.length > 0 ? t("filteredTitle", { filter: names.join(", ") }) : t("title"),
    description: t("intro"),
    alternates: {
      canonical: newsroomHref(locale, filter),
      types: {
        "application/rss+xml": [
          ...(names.length > 0 ? [{ url: feedHref(locale, filter), title: `${t("feedTitle")}: ${names.join(", ")}` }] : []),
          { url: publicHref("/nyheter/feed.xml", locale), title: t("feedTitle") },
        ],
      },
    },
  };
}

export async function NewsroomList({ locale, filter }: { locale: Locale; filter: ListFilter }) {
  const t = await getTranslations("newsroom");
  const ts = await getTranslations("subscriptions");
  const { list, regions } = read(filter);
  if (filter.page > list.pageCount) notFound();
  const region = filter.regionCode ? regions.find((r) => r.code === filter.regionCode) : null;
  if (filter.regionCode && !region && !isBuildPhase()) notFound();

  const title = [filter.topic ? t(`topics.${filter.topic}`) : null, region?.name ?? null].filter(Boolean).join(", ");
  return (
    <>
      <PageHeader title={title ? t("filteredTitle", { filter: title }) : t("title")} description={t("intro")} />
      <nav aria-label={t("filters")} className="mb-6 grid gap-4 md:grid-cols-2">
        <FilterGroup
          heading={t("topic")}
          links={[
            { label: t("allTopics"), href: newsroomHref(locale, { regionCode: filter.regionCode }), current: filter.topic === null },
            ...PRESS_TOPICS.map((topic) => ({
              label: t(`topics.${topic}`),
              href: newsroomHref(locale, { topic, regionCode: filter.regionCode }),
              current: filter.topic === topic,
            })),
          ]}
        />
        <FilterGroup
          heading={t("region")}
          links={[
            { label: t("allRegions"), href: newsroomHref(locale, { topic: filter.topic }), current: filter.regionCode === null },
            ...regions.map((r) => ({ label: r.name, href: newsroomHref(locale, { topic: filter.topic, regionCode: r.code }), current: filter.regionCode === r.code })),
          ]}
        />
      </nav>
      <p className="mb-4 text-slate-700" role="status">
        {t("count", { count: list.total })}
      </p>
      {list.rows.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ol className="flex flex-col gap-6" lang="sv">
          {list.rows.map((r) => (
            <li key={r.id}>
              <article className="border-b border-slate-200 pb-6">
                <h2 className="text-xl font-semibold">
                  <Link href={releaseHref(locale, r.slug)} className="text-brand-700 underline underline-offset-2">
                    {r.headline}
                  </Link>
                </h2>
                <p className="mt-1 text-sm text-slate-700" lang={locale}>
                  <time dateTime={r.publishAt.toISOString()}>{t("published", { date: formatDay(r.publishAt, locale) })}</time>
                  {r.regionName ? ` · ${r.regionName}` : ""}
                  {r.topics.length > 0 ? ` · ${r.topics.map((topic) => (isKnownTopic(topic) ? t(`topics.${topic}`) : topic)).join(", ")}` : ""}
                </p>
                {r.ingress ? <p className="mt-2 max-w-prose">{r.ingress}</p> : null}
              </article>
            </li>
          ))}
        </ol>
      )}
      <Pagination
        page={list.page}
        pages={list.pageCount}
        hrefFor={(page) => newsroomHref(locale, { ...filter, page })}
        labels={{ nav: t("pagination.nav"), previous: t("pagination.previous"), next: t("pagination.next"), page: t("pagination.page", { page: list.page, pages: list.pageCount }) }}
      />
      <ul className="mt-8 flex flex-col gap-2">
        {filter.topic || filter.regionCode ? (
          <li>
            <a href={feedHref(locale, filter)} className="text-brand-700 underline">
              {t("filteredFeed")}
            </a>
          </li>
        ) : null}
        <li>
          <a href={publicHref("/nyheter/feed.xml", locale)} className="text-brand-700 underline">
            {t("feed")}
          </a>
        </li>
        <li>
          <Link href={subscribeHref(locale, filter)} className="text-brand-700 underline">
            {ts("link")}
          </Link>
        </li>
      </ul>
    </>
  );
}

function isKnownTopic(topic: string): topic is (typeof PRESS_TOPICS)[number] {
  return (PRESS_TOPICS as readonly string[]).includes(topic);
}

function FilterGroup({ heading, links }: { heading: string; links: { label: string; href: string; current: boolean }[] }) {
  return (
    <div>
      <h2 className="mb-2 text-lg font-semibold">{heading}</h2>
      <ul className="flex flex-wrap gap-2">
        {links.map((link) => (
          <li key={link.href}>
            <Link
              href={link.href}
              aria-current={link.current ? "page" : undefined}
              className={`inline-flex min-h-11 items-center rounded-md border px-3 py-1 ${link.current ? "border-brand-800 bg-brand-800 text-white" : "border-slate-400 text-brand-800 underline underline-offset-2"}`}
            >
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
