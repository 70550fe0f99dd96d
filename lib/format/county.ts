/**
 * A county's short name from its full name, as press text writes it after "i": "Västerbottens län" -> "Västerbotten",
 * "Skåne län" -> "Skåne", "Västra Götalands län" -> "Västra Götaland". Every county name is "<name>s län" or
 * "<name> län" and no short name ends in s, so dropping " län" and a genitive s gives SCB's short name for all 21
 * (county.test.ts checks them against db/reference/counties.csv). A name without " län" is returned as it is.
 */
export function countyShortName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed.endsWith(" län")) return trimmed;
  const stem = trimmed.slice(0, -" län".length);
  return stem.endsWith("s") ? stem.slice(0, -1) : stem;
}
