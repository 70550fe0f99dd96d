import type { Locale } from "./config";

/**
 * A programme's name in the visitor's language: its English name (programmes.name_en) in English when it has one,
 * otherwise the Swedish name it is registered under. Letters, press texts and the CLI always use the Swedish name.
 */
export function programmeName(programme: { name: string; nameEn: string | null }, locale: Locale): string {
  return locale === "en" && programme.nameEn ? programme.nameEn : programme.name;
}

/** The same, for rows that carry the two names as programmeName and programmeNameEn. */
export function roundProgrammeName(round: { programmeName: string; programmeNameEn: string | null }, locale: Locale): string {
  return programmeName({ name: round.programmeName, nameEn: round.programmeNameEn }, locale);
}
