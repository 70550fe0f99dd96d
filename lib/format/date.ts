/**
 * Dates in Swedish print (and, for staff pages in English, the same dates with English month names). Instants (Date objects, ISO timestamps) are shown in
 * Europe/Stockholm regardless of the server's time zone; bare "YYYY-MM-DD"
 * strings are calendar dates (decision dates, deadlines) and are never shifted.
 */

const TIME_ZONE = "Europe/Stockholm";

const MONTHS = [
  "januari", "februari", "mars", "april", "maj", "juni",
  "juli", "augusti", "september", "oktober", "november", "december",
] as const;

// The English interface's months (lib/format/ui.ts): "23 November 2026", day first as in British English.
const MONTHS_EN = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
] as const;

interface CalendarDate {
  year: number;
  month: number; // 1-12
  day: number;
}

interface StockholmDateTime extends CalendarDate {
  hour: number;
  minute: number;
}

const stockholmParts = new Intl.DateTimeFormat("en-US", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  hourCycle: "h23",
});

function toStockholm(date: Date): StockholmDateTime {
  if (Number.isNaN(date.getTime())) {
    throw new RangeError("Invalid Date");
  }
  const parts = stockholmParts.formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value);
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour"),
    minute: get("minute"),
  };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseIsoDate(text: string): CalendarDate | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  // Round-trip through UTC to reject dates like 2026-02-30. setUTCFullYear, because Date.UTC reads the years 0-99
  // as 1900-1999 and would call "0012-05-01" impossible.
  const check = new Date(0);
  check.setUTCFullYear(year, month - 1, day);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`Invalid calendar date: ${text}`);
  }
  return { year, month, day };
}

function toCalendarDate(date: Date | string): CalendarDate {
  if (typeof date === "string") {
    return parseIsoDate(date) ?? toStockholm(new Date(date));
  }
  return toStockholm(date);
}

const pad2 = (n: number): string => String(n).padStart(2, "0");

function isoOf({ year, month, day }: CalendarDate): string {
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

function longOf({ year, month, day }: CalendarDate): string {
  return `${day} ${MONTHS[month - 1] ?? ""} ${year}`;
}

function longOfEnglish({ year, month, day }: CalendarDate): string {
  return `${day} ${MONTHS_EN[month - 1] ?? ""} ${year}`;
}

/*
 * Formatting what is stored never throws: a page, a letter or an export showing one odd date (an old import, a
 * year 0012 typed before dates had a range) must still render. The fallback is the stored text itself, or "–".
 */
function fallbackOf(date: Date | string): string {
  if (typeof date === "string") return date.trim() || "–";
  return Number.isNaN(date.getTime()) ? "–" : date.toISOString().slice(0, 10);
}

function safely(date: Date | string, format: (calendar: CalendarDate) => string): string {
  try {
    const calendar = toCalendarDate(date);
    // "12 maj 12" would read as a typo of ours; the ISO text at least says what is stored.
    if (!Number.isFinite(calendar.year) || calendar.year < 1000) return fallbackOf(date);
    return format(calendar);
  } catch {
    return fallbackOf(date);
  }
}

/** "23 november 2026"; a date that cannot be read is shown as it is stored. */
export function formatDateLong(date: Date | string): string {
  return safely(date, longOf);
}

/**
 * "23 November 2026": the same calendar day as formatDateLong, for the English interface; with the same fallback, so
 * it never throws either. Letters and press texts are Swedish documents and use formatDateLong.
 */
export function formatDateLongEnglish(date: Date | string): string {
  return safely(date, longOfEnglish);
}

/** "2026-11-23"; a date that cannot be read is shown as it is stored. */
export function formatDateShort(date: Date | string): string {
  return safely(date, isoOf);
}

/**
 * "23 november 2026 kl. 14.05" in Stockholm time. Print style uses a full stop
 * between hours and minutes (ICU gives a colon) and no leading zero on the
 * hour: "kl. 9.05".
 */
export function formatDateTime(date: Date): string {
  if (Number.isNaN(date.getTime())) return "–";
  const t = toStockholm(date);
  return `${longOf(t)} kl. ${t.hour}.${pad2(t.minute)}`;
}

/** Today's calendar date in Stockholm as "YYYY-MM-DD". */
export function todayIso(now: Date = new Date()): string {
  return isoOf(toStockholm(now));
}

/**
 * "2026-12-01T10:00" (or with seconds, "2026-12-01T10:00:30") as a datetime-local field gives it, read as Stockholm wall-clock time, to the instant it names
 * (summer and winter time alike). Null for anything else, or a wall-clock time that does not exist (the hour skipped
 * when summer time starts).
 */
export function parseStockholmDateTime(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second = 0] = match.slice(1).map((v) => (v === undefined ? 0 : Number(v))) as number[] as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  // Stockholm is UTC+1 or UTC+2: try both offsets and keep the one whose Stockholm time reads back the same.
  for (const offsetHours of [1, 2]) {
    const candidate = new Date(wall - offsetHours * 3_600_000);
    const t = toStockholm(candidate);
    if (t.year === year && t.month === month && t.day === day && t.hour === hour && t.minute === minute) return candidate;
  }
  return null;
}

/** An instant as a datetime-local field's value in Stockholm time: "2026-12-01T10:00". */
export function toStockholmDateTimeInput(date: Date): string {
  const t = toStockholm(date);
  return `${isoOf(t)}T${pad2(t.hour)}:${pad2(t.minute)}`;
}
