import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getAnnouncedRound, listRoundGrants, type GrantSort, type SortDirection } from "@/db/queries/newsroom";
import type { Locale } from "@/lib/i18n/config";
import { roundTitle } from "@/lib/i18n/round-title";
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
