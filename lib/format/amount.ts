/**
 * Kronor amounts in Swedish print.
 *
 * Two spacing conventions exist on purpose:
 * - `formatKronor` groups thousands with U+00A0 (NO-BREAK SPACE) so that a web
 *   page or PDF never breaks "1 200 000" across lines.
 * - `formatKronorPlain` and the press forms (`formatAmountInPress`,
 *   `formatAmountsRespektive`) use ordinary spaces, because they feed plain-text
 *   exports, e-mail and press releases, and must reproduce published sentences
 *   such as "1,7 respektive 1,2 miljoner kronor" byte for byte.
 */

const NBSP = "\u00a0";
const MILLION = 1_000_000;

function assertWholeKronor(amount: number): void {
  if (!Number.isSafeInteger(amount)) {
    throw new RangeError(`Expected a whole number of kronor, got ${amount}`);
  }
}

function groupThousands(n: number, separator: string): string {
  const digits = String(Math.abs(n));
  // Walk from the right so the first group may be 1-3 digits long.
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 3) {
    groups.unshift(digits.slice(Math.max(0, end - 3), end));
  }
  return groups.join(separator);
}

/** "1 200 000 kronor" with U+00A0 between digit groups (for HTML/PDF). */
export function formatKronor(amount: number): string {
  assertWholeKronor(amount);
  // U+2212 is the typographic minus sign; a hyphen looks wrong in print.
  const sign = amount < 0 ? "\u2212" : "";
  return `${sign}${groupThousands(amount, NBSP)} kronor`;
}

/** "1 200 000 kronor" with ordinary spaces (for plain-text and CSV exports). */
export function formatKronorPlain(amount: number): string {
  assertWholeKronor(amount);
  // ASCII hyphen-minus so spreadsheets read it back as a negative number.
  const sign = amount < 0 ? "-" : "";
  return `${sign}${groupThousands(amount, " ")} kronor`;
}

export interface PressAmountOptions {
  /** Append " kronor" (default true). Headlines drop it: "1,2 miljoner till …". */
  unit?: boolean;
}

function assertPressAmount(amount: number): void {
  assertWholeKronor(amount);
  if (amount < 0) {
    throw new RangeError(`Press amounts cannot be negative, got ${amount}`);
  }
}

/** Tenths of a million, rounded half up, as press style wants one decimal at most. */
function tenthsOfMillion(amount: number): number {
  return Math.round(amount / 100_000);
}

/** "17" tenths -> "1,7"; "20" -> "2"; "2250" -> "225"; "10000" -> "1 000". */
function formatTenths(tenths: number): string {
  const whole = Math.floor(tenths / 10);
  const decimal = tenths % 10;
  const wholeText = groupThousands(whole, " ");
  return decimal === 0 ? wholeText : `${wholeText},${decimal}`;
}

function shownAsMillions(amount: number): boolean {
  // The threshold is the exact amount: 999 960 stays "999 960 kronor" rather
  // than being rounded up into "1 miljon kronor".
  return amount >= MILLION;
}

/**
 * Press form: "1,7 miljoner kronor", "1 miljon kronor", "750 000 kronor".
 * Millions are rounded to one decimal even when that hides up to 50 000 kr,
 * which is what Swedish press releases do.
 */
export function formatAmountInPress(amount: number, options: PressAmountOptions = {}): string {
  assertPressAmount(amount);
  const unit = options.unit ?? true;
  if (!shownAsMillions(amount)) {
    return unit ? `${groupThousands(amount, " ")} kronor` : groupThousands(amount, " ");
  }
  const tenths = tenthsOfMillion(amount);
  const word = tenths === 10 ? "miljon" : "miljoner";
  return `${formatTenths(tenths)} ${word}${unit ? " kronor" : ""}`;
}

function joinRespektive(parts: string[]): string {
  const last = parts[parts.length - 1] ?? "";
  if (parts.length < 2) return last;
  return `${parts.slice(0, -1).join(", ")} respektive ${last}`;
}

/**
 * The unit "miljoner" is factored out only when every amount can be written
 * exactly enough as tenths of a million: 900 000 reads fine as "0,9" next to
 * "1,7", but 750 000 would need "0,75", so then each amount keeps its own unit.
 */
function canShareMillions(amounts: number[]): boolean {
  return (
    amounts.some(shownAsMillions) &&
    amounts.every((a) => shownAsMillions(a) || (a > 0 && a % 100_000 === 0))
  );
}

/**
 * "1,7 respektive 1,2 miljoner kronor", "1,7, 1,2 respektive 0,9 miljoner kronor",
 * or, when the unit cannot be shared, "1,7 miljoner kronor respektive 750 000 kronor".
 */
export function formatAmountsRespektive(amounts: number[], options: PressAmountOptions = {}): string {
  amounts.forEach(assertPressAmount);
  const unit = options.unit ?? true;
  if (amounts.length === 0) return "";
  if (amounts.length === 1) return formatAmountInPress(amounts[0] ?? 0, options);
  if (canShareMillions(amounts)) {
    const numbers = amounts.map((a) => formatTenths(tenthsOfMillion(a)));
    return `${joinRespektive(numbers)} miljoner${unit ? " kronor" : ""}`;
  }
  return joinRespektive(amounts.map((a) => formatAmountInPress(a, { unit })));
}

/** Two amounts, as in "beviljas 1,7 respektive 1,2 miljoner kronor". */
export function formatAmountPairInPress(a: number, b: number, options: PressAmountOptions = {}): string {
  return formatAmountsRespektive([a, b], options);
}

// Ordinary space, no-break space and narrow no-break space all occur as digit
// group separators depending on the program that produced the text.
const SPACE = "[ \\u00a0\\u202f]";
const KRONOR_PATTERN = new RegExp(
  "^(" +
    "\\d+" + // 1200000
    `|\\d{1,3}(?:${SPACE}\\d{3})+` + // 1 200 000
    "|\\d{1,3}(?:\\.\\d{3})+" + // 1.200.000
    ")" +
    "(?:,00?)?" + // Excel's ",00"; öre are not accepted (money is whole kronor)
    `(?:${SPACE}?(?:kr|kronor))?$`,
  "i",
);

/**
 * Parses a whole-kronor amount as typed by a Swedish user or exported from a
 * Swedish-locale spreadsheet. Returns null for anything ambiguous or invalid
 * ("1,5", "-100", "12 00", "", amounts with non-zero öre).
 */
export function parseKronor(input: string): number | null {
  const match = KRONOR_PATTERN.exec(input.trim());
  const integerPart = match?.[1];
  if (integerPart === undefined) return null;
  const value = Number(integerPart.replace(/[ \u00a0\u202f.]/g, ""));
  return Number.isSafeInteger(value) ? value : null;
}
