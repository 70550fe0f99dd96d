export type Gender = "common" | "neuter";

const SMALL_NUMBERS = [
  "noll", "en", "två", "tre", "fyra", "fem", "sex",
  "sju", "åtta", "nio", "tio", "elva", "tolv",
] as const;

function assertCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`Expected a non-negative whole count, got ${n}`);
  }
}

/**
 * Newspaper style: zero to twelve in words ("en"/"ett" by the noun's gender),
 * 13 and up in digits. Numbers of five digits or more get space-grouped
 * ("10 000"), as Språkrådet recommends; four-digit numbers stay ungrouped.
 */
export function countInWords(n: number, gender: Gender = "common"): string {
  assertCount(n);
  if (n === 1) return gender === "neuter" ? "ett" : "en";
  const word = SMALL_NUMBERS[n];
  if (word !== undefined) return word;
  const digits = String(n);
  return n < 10_000 ? digits : digits.replace(/\B(?=(\d{3})+$)/g, " ");
}

export interface ShareOfOptions {
  /** Gender of the noun; only affects a part of one: "en av" / "ett av". */
  gender?: Gender;
}

/**
 * "två av de 17 kommuner", "ett av de 12 landsting". The part follows
 * `countInWords`; the whole is always digits, as in the published releases,
 * because it is the reference figure the reader compares against.
 */
export function formatShareOf(part: number, whole: number, noun: string, options: ShareOfOptions = {}): string {
  assertCount(part);
  assertCount(whole);
  if (part > whole) {
    throw new RangeError(`Part ${part} is larger than the whole ${whole}`);
  }
  return `${countInWords(part, options.gender)} av de ${whole} ${noun}`;
}

/** Upper-cases the first letter for sentence-initial use: "två av …" -> "Två av …". */
export function capitalizeFirst(text: string): string {
  const first = text.codePointAt(0);
  if (first === undefined) return text;
  const firstChar = String.fromCodePoint(first);
  return firstChar.toLocaleUpperCase("sv") + text.slice(firstChar.length);
}
