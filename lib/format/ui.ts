import type { Locale } from "@/lib/i18n/config";
import { formatAmountInPress, formatKronor } from "./amount";
import { formatDateLong, formatDateLongEnglish, formatDateTime } from "./date";

/*
 * Amounts and dates on staff pages, in the visitor's language. Swedish keeps the print forms of lib/format
 * ("1 700 000 kronor", "23 november 2026 kl. 14.05"), which letters and press texts use too; English reads
 * "SEK 1,700,000" and "23 November 2026, 14:05". Calendar dates ("YYYY-MM-DD") are never shifted; instants are
 * shown in Stockholm time, as in Swedish.
 */

const TIME_ZONE = "Europe/Stockholm";

const enAmount = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
const enDateTime = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: TIME_ZONE,
});

/** "1 700 000 kronor" / "SEK 1,700,000". */
export function formatAmount(amount: number, locale: Locale): string {
  if (locale === "sv") return formatKronor(amount);
  if (!Number.isInteger(amount)) throw new RangeError(`Not whole kronor: ${amount}`);
  return amount < 0 ? `\u2212SEK ${enAmount.format(-amount)}` : `SEK ${enAmount.format(amount)}`;
}

const enMillions = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });

/** A chart's short amount: "1,8 miljoner kronor" / "SEK 1.8 million"; below a million the exact amount. */
export function formatAmountShort(amount: number, locale: Locale): string {
  if (locale === "sv") return formatAmountInPress(amount);
  if (Math.abs(amount) < 1_000_000) return formatAmount(amount, locale);
  return `SEK ${enMillions.format(amount / 1_000_000)} million`;
}

/** "23 november 2026" / "23 November 2026". */
export function formatDay(date: Date | string, locale: Locale): string {
  // Both give the Stockholm calendar day of an instant, or the calendar date itself, and never throw: a stored date
  // that cannot be read (an old import's year 0012) is shown as it is stored.
  return locale === "sv" ? formatDateLong(date) : formatDateLongEnglish(date);
}

/** "23 november 2026 kl. 14.05" / "23 November 2026, 14:05". */
export function formatMoment(date: Date, locale: Locale): string {
  if (locale === "sv") return formatDateTime(date);
  if (Number.isNaN(date.getTime())) return "–";
  return enDateTime.format(date).replace(" at ", ", ");
}

const EN_ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"];

/** "fifth", as lib/format's ordinalInWords gives "femte": in words up to twelfth, then "13th", "21st", "22nd", "111th". */
export function ordinalInEnglish(n: number): string {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`Expected a positive whole number, got ${n}`);
  const word = EN_ORDINALS[n - 1];
  if (word !== undefined) return word;
  const lastTwo = n % 100;
  const suffix = lastTwo >= 11 && lastTwo <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th";
  return `${n}${suffix}`;
}

/** The formatters of one language, for a page or component: `const f = uiFormat(locale)`. */
export function uiFormat(locale: Locale) {
  return {
    locale,
    amount: (amount: number) => formatAmount(amount, locale),
    amountShort: (amount: number) => formatAmountShort(amount, locale),
    day: (date: Date | string) => formatDay(date, locale),
    moment: (date: Date) => formatMoment(date, locale),
  };
}
