import { uiFormat } from "@/lib/format/ui";
import type { Locale } from "@/lib/i18n/config";
import en from "@/lib/i18n/messages/en/terms.json";
import sv from "@/lib/i18n/messages/sv/terms.json";

/** Field names as an officer knows them, for the history of an application and its decision, per language. */
type Field = keyof typeof sv.history.labels;
const TERMS: Record<Locale, typeof sv.history> = { sv: sv.history, en: en.history };
const FIELDS = Object.keys(sv.history.labels) as Field[];
const isField = (key: string): key is Field => key in sv.history.labels;

const AMOUNTS = new Set(["requestedAmount", "grantedAmount"]);
const DAYS = new Set(["decidedOn"]);

function show(key: string, value: unknown, locale: Locale): string {
  if (value === null || value === undefined || value === "") return "–";
  if (AMOUNTS.has(key) && typeof value === "number") return uiFormat(locale).amount(value);
  // Swedish history keeps the day as stored ("2026-06-01"); English names the month.
  if (DAYS.has(key) && typeof value === "string" && locale !== "sv" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return uiFormat(locale).day(value);
  if (Array.isArray(value)) return value.join(", ") || "–";
  if (typeof value === "string") return (TERMS[locale].values as Record<string, string>)[value] ?? value;
  return String(value);
}

// A rejection stores 0 as its granted amount; "Beviljat belopp: 0 kronor" would read as if something was granted.
function fieldOf(record: Record<string, unknown> | null, key: string): unknown {
  if (key === "grantedAmount" && record?.outcome === "rejected") return null;
  return record?.[key];
}

/**
 * One line per field an event changed ("Sökt belopp: 1 000 000 kronor → 1 200 000 kronor"); for a creation, the
 * fields it set; for a removal (a withdrawn decision), what was removed. Only fields an officer knows are shown (not
 * ids, versions or timestamps). The reason given for a change or a withdrawal is not a field of its own but a note
 * on the event, so it comes last, as "Skäl: …". In English mode the labels, words and amounts are English
 * ("Amount requested: SEK 1,000,000 → SEK 1,200,000"); what people typed stays as they typed it.
 */
export function describeChanges(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  locale: Locale = "sv",
): string[] {
  const labels = TERMS[locale].labels;
  const reason = typeof after?.reason === "string" ? after.reason.trim() : "";
  // A withdrawal's "after" holds only the reason: the decision itself is gone.
  const removed = after !== null && !Object.keys(after).some((k) => k !== "reason" && isField(k));
  const to = removed ? null : after;
  const keys = FIELDS.filter((k) => k !== "reason" && ((before && k in before) || (to && k in to)));
  const lines: string[] = [];
  for (const key of keys) {
    const from = show(key, fieldOf(before, key), locale);
    const next = show(key, fieldOf(to, key), locale);
    if (from === next) continue;
    if (!before) lines.push(`${labels[key]}: ${next}`);
    else if (!to) {
      if (from !== "–") lines.push(`${labels[key]}: ${from}`);
    } else lines.push(`${labels[key]}: ${from} → ${next}`);
  }
  // A grant over the requested amount was confirmed by the officer (lib/decisions/record.ts notes it on the event).
  if (typeof after?.exceedsRequestBy === "number" && !removed) {
    lines.push(TERMS[locale].exceedsRequest.replace("{amount}", uiFormat(locale).amount(after.exceedsRequestBy)));
  }
  if (reason) lines.push(`${labels.reason}: ${reason}`);
  return lines;
}
