/*
 * Spreadsheet formula injection (OWASP "CSV injection"): Excel runs a cell that starts with =, +, -, @ (or a tab or
 * line break before one) as a formula, and with an East Asian input method it takes the fullwidth forms (＝ ＋ － ＠)
 * as the same signs. A cell that starts with an invisible character (a zero-width space, a word joiner, a BOM) hides
 * what follows from a reader and from naive guards, so it is treated as suspect too. Such a text cell gets a
 * leading apostrophe: Excel shows it as text and runs nothing. Numbers never pass through here: they stay numbers.
 */

/** Signs that start a formula, in their ASCII, fullwidth and small forms, and the minus sign. */
const FORMULA_STARTERS = "=+\\-@\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B\u2212";
/** Characters that print as nothing; a cell beginning with one is always guarded. */
const INVISIBLE_START = /^[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u2028-\u202F\u2060-\u206F\u3164\uFEFF\uFFA0]/u;
/** A formula starter after nothing but spaces, tabs and line breaks (Excel skips those before a formula). */
const FORMULA_START = new RegExp(`^[\\s]*[${FORMULA_STARTERS}]`, "u");

/** True when Excel could take the text for a formula. */
export function looksLikeFormula(text: string): boolean {
  return INVISIBLE_START.test(text) || FORMULA_START.test(text);
}

export function guardFormula(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}

/**
 * The inverse, for a file that comes back from Excel to the import: a cell that starts with the guard's apostrophe
 * before something the guard would have guarded loses that apostrophe, so an exported round imports as it was.
 */
export function unguardFormula(text: string): string {
  return text.startsWith("'") && looksLikeFormula(text.slice(1)) ? text.slice(1) : text;
}

/**
 * A phone number as people write it internationally, "+46 90 12 34 56": only digits, spaces, dashes and
 * parentheses after the plus. Excel would read it as a formula in a CSV cell, but in an XLSX cell of the Text
 * format ("@") it is shown as it is and stays text even when someone edits the cell, so the XLSX export writes it
 * without the apostrophe.
 */
export function isPlainPhoneNumber(text: string): boolean {
  return /^\+[0-9][0-9 ()-]*$/.test(text);
}
