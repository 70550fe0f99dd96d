import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getAnnouncedRound, listRoundGrants, type GrantSort, type SortDirection } from "@/db/queries/newsroom";
import type { Locale } from "@/lib/i18n/config";
import { roundTitle } from "@/lib/i18n/round-title";
import { toLocale } from "@/lib/i18n/config";
import { grantsCsv, grantsJson } from "@/lib/press/grants-data";
import { isBuildPhase } from "@/lib/press/newsroom-cache";
import { roundIdOf } from "../nyheter/_lib/paths";

/*
 * A round's grants list for its page and its data files: null (a 404) when the round does not exist or is not
 * announced yet, the same answer for both, in all three formats.
 */
export async function readGrants(segment: string, locale: Locale, sort: GrantSort = "organisation", direction: SortDirection = "asc") {
  const roundId = roundIdOf(segment);
  if (roundId === null || isBuildPhase()) return null;
  const db = getDb();
  const round = getAnnouncedRound(db, roundId, new Date());
  if (!round) return null;
  const t = await getTranslations({ locale });
  return { round, title: roundInSentence(roundTitle((key, values) => t(key, values), round), locale), grants: listRoundGrants(db, round.id, sort, direction) };
}

/** "femte omgången 2013" inside a Swedish sentence (roundTitle capitalises it as a heading); English keeps "Round 5". */
export function roundInSentence(title: string, locale: Locale): string {
  return locale === "sv" ? title.charAt(0).toLocaleLowerCase("sv") + title.slice(1) : title;
}

const DATA_FILES = {
  csv: { write: grantsCsv, contentType: "text/csv; charset=utf-8", disposition: "attachment" },
  json: { write: grantsJson, contentType: "application/json; charset=utf-8", disposition: "inline" },
} as const;

/**
 * /beviljade/<round>.csv and .json (proxy.ts rewrites them to data.csv/ and data.json/): the grants list as 360Giving
 * data, or 404 for a round that does not exist or is not announced, as the page. A Response, not notFound(): a thrown
 * 404 is cached without the route's tags, so no revalidation would ever replace it once the round is announced.
 */
export async function grantsDataResponse(params: Promise<{ locale: string; round: string }>, format: keyof typeof DATA_FILES): Promise<Response> {
  const p = await params;
  const data = await readGrants(p.round, toLocale(p.locale));
  if (!data) return new Response("Sidan finns inte.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const file = DATA_FILES[format];
  const name = `beviljade-${data.round.programmeCode}-${data.round.year}-omgang-${data.round.ordinal}.${format}`;
  return new Response(file.write(data.round, data.title, data.grants), {
    headers: { "Content-Type": file.contentType, "Content-Disposition": `${file.disposition}; filename="${name}"` },
  });
}
