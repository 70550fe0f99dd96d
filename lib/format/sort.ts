/**
 * Swedish alphabetical order: a-z, then å, ä, ö. Case-insensitive; accented
 * letters sort with their base letter (é as e), except that Swedish treats
 * æ as ä, ø as ö and ü as y.
 */

// The three ASCII code points right after "z", in Swedish alphabet order.
const AFTER_Z: Readonly<Record<string, string>> = { å: "{", ä: "|", ö: "}" };
const FOLD: Readonly<Record<string, string>> = { æ: "ä", ø: "ö", ü: "y" };
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * A key whose plain binary order (JS `<`, SQLite's BINARY collation) is the
 * Swedish order, so it can be stored in an indexed column and used in
 * ORDER BY. Names that differ only in case or accents get equal keys; add the
 * name itself as a second ORDER BY term if a stable order matters.
 */
export function swedishSortKey(name: string): string {
  const lower = name.normalize("NFC").toLocaleLowerCase("sv");
  let key = "";
  for (const ch of lower) {
    const folded = FOLD[ch] ?? ch;
    // Strip accents only from letters that are not å/ä/ö: in NFD those three
    // would lose their ring/diaeresis and collapse into a and o.
    key += AFTER_Z[folded] ?? folded.normalize("NFD").replace(COMBINING_MARKS, "");
  }
  return key;
}

const collator = new Intl.Collator("sv");

/** Comparator for Array.prototype.sort: `names.sort(compareSwedish)`. */
export function compareSwedish(a: string, b: string): number {
  return collator.compare(a, b);
}
