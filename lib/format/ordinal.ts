const ORDINALS = [
  "första", "andra", "tredje", "fjärde", "femte", "sjätte",
  "sjunde", "åttonde", "nionde", "tionde", "elfte", "tolfte",
] as const;

/**
 * "första" … "tolfte" in words, then "13:e", "21:a", "22:a", "111:e".
 * The suffix follows the spoken word: :a when it ends in "första"/"andra"
 * (tjugoförsta, trettioandra), so last digit 1 or 2 except 11 and 12 (elfte,
 * tolfte); :e for everything else.
 */
export function ordinalInWords(n: number): string {
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new RangeError(`Expected a positive whole number, got ${n}`);
  }
  const word = ORDINALS[n - 1];
  if (word !== undefined) return word;
  const lastTwo = n % 100;
  const last = n % 10;
  const suffix = (last === 1 || last === 2) && lastTwo !== 11 && lastTwo !== 12 ? "a" : "e";
  return `${n}:${suffix}`;
}
