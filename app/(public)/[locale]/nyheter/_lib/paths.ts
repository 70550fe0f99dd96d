import { GRANT_SORTS, type GrantSort, type SortDirection } from "@/db/queries/newsroom";
import { PRESS_TOPICS, type PressTopic } from "@/lib/enums";
import type { Locale } from "@/lib/i18n/config";
import { publicHref } from "@/lib/i18n/public-paths";

/*
 * The newsroom's addresses. Filters and pages are path segments, not query strings, so every list is a page of its
 * own that Next caches (a query string would make each request render): /nyheter, /nyheter/sida/2,
 * /nyheter/amne/<topic>[/region/<county>][/sida/<n>], /nyheter/region/<county>[/sida/<n>]; a grants list sorts at
 * /beviljade/<round>/sortera/<column>/<stigande|fallande>.
 */

export type ListFilter = { topic: PressTopic | null; regionCode: string | null; page: number };

export function newsroomHref(locale: Locale, filter: Partial<ListFilter> = {}): string {
  let path = "/nyheter";
  if (filter.topic) path += `/amne/${filter.topic}`;
  if (filter.regionCode) path += `/region/${filter.regionCode}`;
  if (filter.page && filter.page > 1) path += `/sida/${filter.page}`;
  return publicHref(path, locale);
}

/** The RSS feed of a list: "/nyheter/feed.xml" for all, "/nyheter/feed/amne/utbildning/region/24.xml" for a filter. */
export function feedHref(locale: Locale, filter: Partial<Pick<ListFilter, "topic" | "regionCode">> = {}): string {
  if (!filter.topic && !filter.regionCode) return publicHref("/nyheter/feed.xml", locale);
  let path = "/nyheter/feed";
  if (filter.topic) path += `/amne/${filter.topic}`;
  if (filter.regionCode) path += `/region/${filter.regionCode}`;
  return publicHref(`${path}.xml`, locale);
}

/** The filter a feed's path segments name ("amne", "utbildning", "region", "24.xml"), or null for anything else. */
export function parseFeedPath(segments: readonly string[]): Pick<ListFilter, "topic" | "regionCode"> | null {
  const last = segments.at(-1);
  if (!last?.endsWith(".xml")) return null;
  const parts = [...segments.slice(0, -1), last.slice(0, -4)];
  let topic: PressTopic | null = null;
  if (parts[0] === "amne") {
    if (!parts[1] || !isTopic(parts[1])) return null;
    topic = parts[1];
    parts.splice(0, 2);
  }
  let regionCode: string | null = null;
  if (parts[0] === "region") {
    if (!parts[1] || !COUNTY_CODE.test(parts[1])) return null;
    regionCode = parts[1];
    parts.splice(0, 2);
  }
  return parts.length === 0 && (topic || regionCode) ? { topic, regionCode } : null;
}

/** The subscription form, with a list's filter as its choice ("/nyheter/prenumerera?amne=utbildning&lan=24"). */
export function subscribeHref(locale: Locale, filter: Partial<Pick<ListFilter, "topic" | "regionCode">> = {}): string {
  const query = new URLSearchParams();
  if (filter.topic) query.set("amne", filter.topic);
  if (filter.regionCode) query.set("lan", filter.regionCode);
  const search = query.toString();
  return publicHref(`/nyheter/prenumerera${search ? `?${search}` : ""}`, locale);
}

export function releaseHref(locale: Locale, slug: string): string {
  return publicHref(`/nyheter/${slug}`, locale);
}

export function isTopic(value: string): value is PressTopic {
  return (PRESS_TOPICS as readonly string[]).includes(value);
}

/** A page number from its segment: a positive whole number written plainly ("2", not "02" or "2.0"), else null. */
export function pageOf(segment: string | undefined): number | null {
  if (segment === undefined) return 1;
  return /^[1-9][0-9]{0,5}$/.test(segment) ? Number(segment) : null;
}

const COUNTY_CODE = /^[0-9]{2}$/;

/**
 * What follows a topic ([] | ["sida", n] | ["region", code] | ["region", code, "sida", n]) or a region
 * ([] | ["sida", n]); null for anything else (a 404).
 */
export function parseListRest(rest: readonly string[] | undefined, allowRegion: boolean): { regionCode: string | null; page: number } | null {
  const segments = [...(rest ?? [])];
  let regionCode: string | null = null;
  if (allowRegion && segments[0] === "region") {
    const code = segments[1];
    if (!code || !COUNTY_CODE.test(code)) return null;
    regionCode = code;
    segments.splice(0, 2);
  }
  if (segments.length === 0) return { regionCode, page: 1 };
  if (segments.length === 2 && segments[0] === "sida") {
    const page = pageOf(segments[1]);
    return page === null ? null : { regionCode, page };
  }
  return null;
}

export function isCountyCode(value: string): boolean {
  return COUNTY_CODE.test(value);
}

/** The grants list's columns in its addresses (Swedish words) and their sort. */
export const SORT_SEGMENTS: Record<GrantSort, string> = { organisation: "organisation", county: "lan", amount: "belopp", date: "datum" };
const DIRECTION_SEGMENTS: Record<SortDirection, string> = { asc: "stigande", desc: "fallande" };

export function grantsHref(locale: Locale, roundId: number, sort: GrantSort = "organisation", direction: SortDirection = "asc"): string {
  const base = `/beviljade/${roundId}`;
  return publicHref(sort === "organisation" && direction === "asc" ? base : `${base}/sortera/${SORT_SEGMENTS[sort]}/${DIRECTION_SEGMENTS[direction]}`, locale);
}

/** [] | ["sortera", column, direction] -> the sort, or null (a 404). */
export function parseGrantSort(rest: readonly string[] | undefined): { sort: GrantSort; direction: SortDirection } | null {
  const segments = rest ?? [];
  if (segments.length === 0) return { sort: "organisation", direction: "asc" };
  if (segments.length !== 3 || segments[0] !== "sortera") return null;
  const sort = GRANT_SORTS.find((s) => SORT_SEGMENTS[s] === segments[1]);
  const direction = (Object.keys(DIRECTION_SEGMENTS) as SortDirection[]).find((d) => DIRECTION_SEGMENTS[d] === segments[2]);
  return sort && direction ? { sort, direction } : null;
}

/** A round id from its segment: digits only, no leading zero. */
export function roundIdOf(segment: string): number | null {
  return /^[1-9][0-9]{0,9}$/.test(segment) ? Number(segment) : null;
}

/** The absolute address of a page for the sitemap, the feed, JSON-LD and Open Graph. */
export function siteUrl(path: string): string {
  return new URL(path, siteOrigin()).toString();
}

/** Where the public site is: ANSLAG_PUBLIC_URL (e.g. https://anslag.skl.se), else the local server. */
export function siteOrigin(): string {
  return process.env.ANSLAG_PUBLIC_URL?.replace(/\/+$/, "") || `http://localhost:${process.env.PORT ?? 3000}`;
}
