import { capitalizeFirst, ordinalInWords } from "@/lib/format";

type Translate = (key: "round.title", values: { ordinal: string; number: number; year: number }) => string;

/** "Femte omgången 2013" / "Round 5, 2013": how a round is named everywhere in the interface. */
export function roundTitle(t: Translate, round: { ordinal: number; year: number }): string {
  return capitalizeFirst(t("round.title", { ordinal: ordinalInWords(round.ordinal), number: round.ordinal, year: round.year }));
}
