import type { MetadataRoute } from "next";
import { getDb } from "@/db";
import { listSitemapEntries } from "@/db/queries/newsroom";
import { LOCALES } from "@/lib/i18n/config";
import { publicHref } from "@/lib/i18n/public-paths";
import { isBuildPhase } from "@/lib/press/newsroom-cache";
import { grantsHref, releaseHref, siteUrl } from "./(public)/[locale]/nyheter/_lib/paths";

/*
 * /sitemap.xml: the public pages in both languages, every public release and every announced round's grants list,
 * all through the visibility rule. Static, made again when something is published (lib/press/newsroom-cache.ts).
 * The build has no database: it lists the fixed pages only, and the start-up revalidation replaces it.
 */

export const revalidate = 300;

const FIXED = ["/nyheter", "/tillganglighetsredogorelse", "/logga-in"] as const;

export default function sitemap(): MetadataRoute.Sitemap {
  const alternates = (path: (l: (typeof LOCALES)[number]) => string) => ({
    languages: Object.fromEntries(LOCALES.map((l) => [l, siteUrl(path(l))])),
  });
  const entries: MetadataRoute.Sitemap = FIXED.map((path) => ({ url: siteUrl(path), alternates: alternates((l) => publicHref(path, l)) }));
  if (isBuildPhase()) return entries;
  const { releases, rounds } = listSitemapEntries(getDb(), new Date());
  for (const r of releases) {
    entries.push({ url: siteUrl(releaseHref("sv", r.slug)), lastModified: r.lastModified, alternates: alternates((l) => releaseHref(l, r.slug)) });
  }
  for (const r of rounds) {
    entries.push({ url: siteUrl(grantsHref("sv", r.roundId)), lastModified: r.lastModified, alternates: alternates((l) => grantsHref(l, r.roundId)) });
  }
  return entries;
}
