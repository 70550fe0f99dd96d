import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import Link from "@/components/ui/link";
import { PRESS_TOPICS } from "@/lib/enums";
import { formatDay } from "@/lib/format/ui";
import { toLocale, type Locale } from "@/lib/i18n/config";
import { roundTitle } from "@/lib/i18n/round-title";
import { PRESS_SENDER } from "@/lib/press/context";
import { jsonLdText } from "@/lib/press/json-ld";
import { roundInSentence } from "../../beviljade/read-grants";
import { grantsHref, newsroomHref, releaseHref, siteUrl } from "../_lib/paths";
import { readPublicRelease } from "../_lib/read-release";
import { ReleaseBlocks } from "@/components/press/release-article";
import { documentOf, quoteLine } from "@/lib/press/document";

/*
 * /nyheter/<slug>: one public release, with schema.org NewsArticle JSON-LD and Open Graph / Twitter metadata. Before
 * its time a release answers 404 here exactly as a missing one, its metadata included: generateMetadata reads
 * through the same visibility rule and names nothing of it. Rendered on first visit, then cached.
 */

export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ locale: string; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const release = readPublicRelease(slug);
  if (!release) notFound();
  const url = siteUrl(releaseHref(toLocale(locale), release.slug));
  const published = release.publishAt!.toISOString();
  return {
    title: release.headline,
    description: release.ingress,
    alternates: { canonical: releaseHref(toLocale(locale), release.slug) },
    openGraph: {
      type: "article",
      title: release.headline,
      description: release.ingress,
      url,
      siteName: PRESS_SENDER.name,
      locale: "sv_SE",
      publishedTime: published,
      modifiedTime: release.updatedAt.toISOString(),
      tags: release.topics,
    },
    twitter: { card: "summary", title: release.headline, description: release.ingress },
  };
}

function topicLabel(t: (key: `topics.${(typeof PRESS_TOPICS)[number]}`) => string, topic: string): string {
  return (PRESS_TOPICS as readonly string[]).includes(topic) ? t(`topics.${topic as (typeof PRESS_TOPICS)[number]}`) : topic;
}

export default async function ReleasePage({ params }: Props) {
  const { locale: raw, slug } = await params;
  const locale: Locale = toLocale(raw);
  setRequestLocale(locale);
  const release = readPublicRelease(slug);
  if (!release) notFound();
  const t = await getTranslations("newsroom");
  const tRoot = await getTranslations();
  const doc = documentOf(release);
  const round = roundInSentence(roundTitle((key, values) => tRoot(key, values), { ordinal: release.roundOrdinal, year: release.roundYear }), locale);
  const publishAt = release.publishAt!;
  const url = siteUrl(releaseHref(locale, release.slug));
  const article = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: release.headline,
    description: release.ingress,
    articleBody: [doc.ingress, ...doc.blocks.map((b) => (b.kind === "paragraph" ? b.text : quoteLine(b)))].filter(Boolean).join("\n\n"),
    datePublished: publishAt.toISOString(),
    dateModified: release.updatedAt.toISOString(),
    inLanguage: "sv",
    keywords: release.topics.join(", "),
    url,
    mainEntityOfPage: url,
    author: { "@type": "Organization", name: PRESS_SENDER.name },
    publisher: { "@type": "Organization", name: PRESS_SENDER.name, url: `https://${PRESS_SENDER.website}` },
  };

  return (
    <article lang="sv" className="max-w-prose">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdText(article) }} />
      <p className="mb-2 text-sm font-medium uppercase tracking-wide text-slate-700" lang={locale}>
        {t("release.kind")}
      </p>
      <h1 className="text-3xl font-bold text-brand-900">{doc.headline}</h1>
      <p className="mt-2 text-sm text-slate-700" lang={locale}>
        <time dateTime={publishAt.toISOString()}>{t("published", { date: formatDay(publishAt, locale) })}</time>
        {release.regionName ? ` · ${release.regionName}` : ""}
      </p>
      {doc.ingress ? <p className="mt-6 text-lg font-semibold">{doc.ingress}</p> : null}
      <div className="mt-4 flex flex-col gap-4">
        <ReleaseBlocks blocks={doc.blocks} />
      </div>
      <p className="mt-6" lang={locale}>
        <Link href={grantsHref(locale, release.roundId)} className="font-semibold text-brand-700 underline">
          {t("release.grantsLink", { round })}
        </Link>
      </p>
      {doc.contacts.length > 0 ? (
        <section aria-labelledby="kontakter" className="mt-8">
          <h2 id="kontakter" className="mb-2 text-xl font-semibold" lang={locale}>
            {t("release.contacts")}
          </h2>
          <ul className="flex flex-col gap-1">
            {doc.contacts.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {doc.boilerplate.length > 0 ? (
        <section aria-label={t("release.about", { sender: PRESS_SENDER.short_name })} className="mt-8 rounded-md bg-slate-100 p-4 text-slate-800">
          {doc.boilerplate.map((p, i) => (
            <p key={i} className="mt-2 first:mt-0 whitespace-pre-line">
              {p}
            </p>
          ))}
        </section>
      ) : null}
      <dl className="mt-8 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm" lang={locale}>
        {release.topics.length > 0 ? (
          <>
            <dt className="font-semibold">{t("release.topics")}</dt>
            <dd>
              {release.topics.map((topic, i) => (
                <span key={topic}>
                  {i > 0 ? ", " : ""}
                  {(PRESS_TOPICS as readonly string[]).includes(topic) ? (
                    <Link href={newsroomHref(locale, { topic: topic as (typeof PRESS_TOPICS)[number] })} className="text-brand-700 underline">
                      {topicLabel(t, topic)}
                    </Link>
                  ) : (
                    topic
                  )}
                </span>
              ))}
            </dd>
          </>
        ) : null}
        <dt className="font-semibold">{t("release.region")}</dt>
        <dd>
          {release.regionCode && release.regionName ? (
            <Link href={newsroomHref(locale, { regionCode: release.regionCode })} className="text-brand-700 underline">
              {release.regionName}
            </Link>
          ) : (
            t("wholeCountry")
          )}
        </dd>
      </dl>
      <p className="mt-8" lang={locale}>
        <Link href={newsroomHref(locale)} className="text-brand-700 underline">
          {t("release.back")}
        </Link>
      </p>
    </article>
  );
}
