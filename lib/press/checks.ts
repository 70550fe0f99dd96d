import type { ReleaseQuote } from "@/db/schema";

/*
 * The Swedish checks a release gets on every save (issue 12): warnings at the line and column, never refusals. Each
 * rule is a pure function of a field's text. Messages are in lib/i18n/messages/{sv,en}/press-checks.json, one key per
 * rule under `pressChecks`, with the warning's `params` as ICU arguments:
 *   t(`pressChecks.${warning.rule}`, warning.params)
 * Lines and columns are 1-based; a column counts UTF-16 code units, as a textarea's selection does.
 */

export const PRESS_CHECK_RULES = [
  "quoteDash",
  "quoteFieldDash",
  "groupedNumber",
  "respektive",
  "smallNumber",
  "sentenceDigit",
  "mkr",
] as const;
export type PressCheckRule = (typeof PRESS_CHECK_RULES)[number];

export type ReleaseWarningField = "headline" | "ingress" | "body" | "contacts" | "boilerplate" | "quotes";

export type ReleaseWarning = {
  field: ReleaseWarningField;
  /** Which quote (0-based), for field "quotes". */
  index?: number;
  line: number;
  column: number;
  rule: PressCheckRule;
  /** The text the warning is about, as written. */
  excerpt: string;
  /** The message's ICU arguments: always `excerpt`, and for "respektive" `amounts` and `names`. */
  params: Record<string, string | number>;
};

/** What the checks read: a release's text fields (a ReleaseSnapshot is one). */
export type CheckableRelease = {
  headline: string;
  ingress: string;
  body: string;
  quotes: Pick<ReleaseQuote, "text">[];
  contacts: string;
  boilerplate: string;
};

/** The most warnings one check gives: beyond them a text needs rewriting, not a longer list. */
export const MAX_WARNINGS = 200;

type Hit = { offset: number; excerpt: string; rule: PressCheckRule; params?: Record<string, string | number> };
type Rule = (text: string, masked: string) => Hit[];

// ---------------------------------------------------------------------------------------------------------------
// What the number rules do not read: phone numbers, dates, times of day, addresses on the web. They are masked with
// "_" of the same length, so offsets stay those of the text.

/** A Swedish phone number as releases write it: 070-174 06 06, 08-452 74 23, 0950-164 22, +46 8-452 74 23. */
export const PHONE_NUMBER = /(?<![\p{N}])(?:\+46[ \u00a0]?\d{1,3}|0\d{1,3})[-–][ \u00a0]?\d{2,3}(?:[ \u00a0]\d{2,3})*(?![\p{N}])/gu;

const MASKS: RegExp[] = [
  PHONE_NUMBER,
  /(?<![\p{N}])\+46(?:[ \u00a0]?\d{1,4}){2,}/gu,
  // 2013-05-23, 23/5, 23.5.2013
  /(?<![\p{N}])\d{4}-\d{2}-\d{2}(?![\p{N}])/gu,
  /(?<![\p{N}])\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?(?![\p{N}])/gu,
  // kl. 10.00, 10:30
  /(?<![\p{N}])\d{1,2}[.:]\d{2}(?![\p{N}])/gu,
  // https://…, www…, /beviljade/2, name@host
  /(?:https?:\/\/|www\.)[^\s]+/gu,
  /(?<![^\s(])\/[^\s]+/gu,
  /[^\s@]{1,64}@[^\s@]{1,255}/gu,
];

function mask(text: string): string {
  let out = text;
  for (const re of MASKS) out = out.replace(re, (m) => "_".repeat(m.length));
  return out;
}

const NUMBER = String.raw`\d{1,3}(?:[ \u00a0\u202f]\d{3})*(?:,\d+)?`;

// ---------------------------------------------------------------------------------------------------------------
// Quotes open with a dash and a space: "– Vi …".

const PARAGRAPH_START = /(?:^|\n[ \t\u00a0]*\n)[ \t\u00a0]*/g;
const ATTRIBUTED = /,\s+(?:säger|förklarar)\s/u;

/** Where the paragraph a text starts with ends: at its first blank line, or the end. */
function paragraphEnd(text: string): number {
  const blank = /\n[ \t\u00a0]*\n/g.exec(text);
  return blank ? blank.index : text.length;
}

/** A body paragraph that opens like a quote but with a hyphen or em dash, or a dash with no space after it. */
const quoteDash: Rule = (text) => {
  const hits: Hit[] = [];
  for (const m of text.matchAll(PARAGRAPH_START)) {
    if (hits.length >= MAX_WARNINGS) break;
    const start = m.index + m[0].length;
    const rest = text.slice(start);
    const dash = /^([-—–])(\s?)/u.exec(rest);
    if (!dash) continue;
    const paragraph = rest.slice(0, paragraphEnd(rest));
    const spaced = dash[2] !== "";
    // "- Vi …" is a wrong dash only when the paragraph reads as a quote; "-punkt" and "–Vi" always miss the space.
    if (dash[1] === "–" && spaced) continue;
    if (spaced && !ATTRIBUTED.test(paragraph)) continue;
    hits.push({ offset: start, excerpt: firstWords(rest, 3), rule: "quoteDash" });
  }
  return hits;
};

/** A quote field's text carries no dash of its own: the layout puts "– " in front of it. */
const quoteFieldDash: Rule = (text) => {
  const m = /^[ \t\u00a0]*[-—–]/u.exec(text);
  return m ? [{ offset: m[0].length - 1, excerpt: firstWords(text.trimStart(), 3), rule: "quoteFieldDash" }] : [];
};

// ---------------------------------------------------------------------------------------------------------------
// Numbers.

/** "1 200 000" with an ordinary space between the groups breaks over two lines; U+00A0 or U+202F keeps it whole. */
const groupedNumber: Rule = (_text, masked) => {
  const hits: Hit[] = [];
  for (const m of masked.matchAll(/(?<![\p{N},.])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\p{N}])/gu)) {
    if (hits.length >= MAX_WARNINGS) break;
    if (m[0].includes(" ")) hits.push({ offset: m.index, excerpt: m[0], rule: "groupedNumber" });
  }
  return hits;
};

const NAMES_END = /\s+(?:för|som|att|med|inom|under|genom|efter|eftersom|när)\s|[.!?](?=\s|$)|[;:(]|$/u;

/**
 * Whether `names` organisation names joined by `ands` "och" can be `amounts` recipients. A joint application is one
 * recipient named by all its organisations ("Sjuhärads kommunalförbund, Borås Stad och Marks kommun"), so a list of
 * recipients may hold lists: the outer list has one "och", each joint recipient one more and two names or more.
 */
function namesCanBe(amounts: number, names: number, ands: number): boolean {
  if (ands <= 1) return names === amounts;
  const joint = ands - 1;
  return joint <= amounts && names >= amounts + joint;
}

const NUMBER_AT_END = new RegExp(String.raw`(?<![\p{N},])${NUMBER}$`, "u");
const NUMBER_AT_START = new RegExp(String.raw`^${NUMBER}(?![\p{N}])`, "u");
/** How far back from "respektive" its amounts are read, and how far on its names: a sentence, not a whole text. */
const RESPEKTIVE_WINDOW = 400;

/** The amounts that end `before`, "2,4, 1,7, 1,6": how many, and where the first begins (-1: none). */
function amountsEnding(before: string): { count: number; start: number } {
  let rest = before;
  let count = 0;
  let start = -1;
  for (;;) {
    const m = NUMBER_AT_END.exec(rest);
    if (!m) break;
    count++;
    start = m.index;
    const separator = /,\s+$/u.exec(rest.slice(0, m.index));
    if (!separator) break;
    rest = rest.slice(0, separator.index);
  }
  return { count, start };
}

/** "1,7 respektive 1,2 miljoner kronor till Umeå kommun och Lycksele kommun": as many amounts as names. */
const respektive: Rule = (text) => {
  const hits: Hit[] = [];
  // From the start of a run of white space only: "\s+respektive" tried at every space of a long run is quadratic.
  for (const r of text.matchAll(/(?<!\s)\s+respektive\s+/gu)) {
    if (hits.length >= MAX_WARNINGS) break;
    const windowStart = Math.max(0, r.index - RESPEKTIVE_WINDOW);
    const before = amountsEnding(text.slice(windowStart, r.index));
    const afterStart = r.index + r[0].length;
    const last = NUMBER_AT_START.exec(text.slice(afterStart, afterStart + 40));
    if (before.count === 0 || !last) continue;
    const amounts = before.count + 1;
    const offset = windowStart + before.start;
    const listEnd = afterStart + last[0].length;
    const following = text.slice(listEnd, listEnd + RESPEKTIVE_WINDOW);
    const sentenceEnd = /[.!?](?=\s|$)|\n[ \t]*\n/u.exec(following);
    const sentence = following.slice(0, sentenceEnd ? sentenceEnd.index : following.length);
    const till = /(?<!\p{L})till\s+/u.exec(sentence);
    if (!till) continue; // names before the amounts ("Umeå och Lycksele får …") are not read
    // A paragraph wrapped by hand ("till Umeå\nkommun och Lycksele kommun") is still one sentence.
    const namesText = sentence.slice(till.index + till[0].length).replace(/\s*\n\s*/g, " ");
    const end = NAMES_END.exec(namesText);
    const list = namesText.slice(0, end ? end.index : namesText.length);
    const names = list
      .split(/,\s+|\s+(?:och|samt)\s+/u)
      .map((n) => n.trim())
      .filter((n) => n !== "");
    const ands = list.match(/\s(?:och|samt)\s/gu)?.length ?? 0;
    if (names.length === 0 || namesCanBe(amounts, names.length, ands)) continue;
    const excerpt = `${text.slice(offset, listEnd)}${sentence.slice(0, till.index + till[0].length)}${list}`;
    hits.push({ offset, excerpt: excerpt.replace(/\s+/g, " ").trim(), rule: "respektive", params: { amounts, names: names.length } });
  }
  return hits;
};

const MONTHS = "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december";
/** After the number (and any numbers chained to it): a unit of money or a share. */
const AMOUNT_AFTER = new RegExp(
  String.raw`^(?:(?:,\s+|\s+(?:respektive|och|till|eller|à)\s+|\s*[–-]\s*)${NUMBER})*[ \u00a0\u202f]*(?:kronor|kr(?!\p{L})|kr\.|miljon|miljoner|miljard|miljarder|mnkr|mkr|mdkr|tkr|tusen|procent|%|procentenheter|euro|€|sek|dollar)`,
  "iu",
);
const DATE_AFTER = new RegExp(String.raw`^[ \u00a0](?:${MONTHS})(?!\p{L})`, "iu");
const ORDINAL_AFTER = /^:[ae](?!\p{L})/u;
const SECTION_AFTER = /^[ \u00a0]*§/u;
const BEFORE_EXEMPT =
  /(?:§|§§|kap\.?|kapitel|punkt|avsnitt|paragraf|bilaga|nr\.?|nummer|sid\.?|sidan|s\.|version|kl\.?|klockan|omgång|fas|steg|v\.|vecka)[ \u00a0]*$/iu;
const SMALL = /^(?:[1-9]|1[0-2])$/;

/** One to twelve as digits, outside amounts, dates, times, phone numbers, percentages, ordinals and section numbers. */
const smallNumber: Rule = (text, masked) => {
  const hits: Hit[] = [];
  for (const m of masked.matchAll(/(?<![\p{L}\p{N}_.,:/§-])(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\p{N})|\d+)(?:[.,:]\d+)*(?![\p{L}\p{N}_/])/gu)) {
    if (hits.length >= MAX_WARNINGS) break;
    if (!SMALL.test(m[0])) continue;
    // A few words on are enough to see an amount's unit ("2,4, 1,7 respektive 1,2 miljoner"); no scan to the end.
    const after = masked.slice(m.index + m[0].length, m.index + m[0].length + 120);
    const before = masked.slice(Math.max(0, m.index - 12), m.index);
    if (AMOUNT_AFTER.test(after) || DATE_AFTER.test(after) || ORDINAL_AFTER.test(after) || SECTION_AFTER.test(after)) continue;
    if (BEFORE_EXEMPT.test(before)) continue;
    hits.push({ offset: m.index, excerpt: text.slice(m.index, m.index + m[0].length), rule: "smallNumber" });
  }
  return hits;
};

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = new Set(
  ["kl", "t.ex", "bl.a", "ca", "nr", "s", "kap", "resp", "milj", "f.d", "dvs", "osv", "m.m", "tel", "tfn", "jfr", "p", "st", "ang", "inkl", "exkl", "fr.o.m", "t.o.m", "d.v.s", "o.d", "m.fl", "sek"].map(
    (a) => a.toLowerCase(),
  ),
);

/** No sentence opens with a digit ("21 kommuner får …" reads better as "Totalt 21 kommuner …" or in words). */
const sentenceDigit: Rule = (text) => {
  const hits: Hit[] = [];
  const starts = new Set<number>();
  for (const m of text.matchAll(PARAGRAPH_START)) starts.add(m.index + m[0].length);
  for (const m of text.matchAll(/[.!?…]["”»)]?\s+/gu)) {
    // The word the full stop ends ("kl", "t.ex"), read from a few characters back: no scan of the whole text.
    const word = /[^\s]*$/u.exec(text.slice(Math.max(0, m.index - 12), m.index))![0].replace(/^[("„«]+/u, "").toLowerCase();
    if (m[0][0] === "." && ABBREVIATIONS.has(word)) continue;
    starts.add(m.index + m[0].length);
  }
  for (const start of [...starts].sort((a, b) => a - b)) {
    if (hits.length >= MAX_WARNINGS) break;
    const lead = /^[–—\-"”„«»( \t\u00a0]*/u.exec(text.slice(start))![0];
    const at = start + lead.length;
    if (/^\p{N}/u.test(text.slice(at))) hits.push({ offset: at, excerpt: firstWords(text.slice(at), 2), rule: "sentenceDigit" });
  }
  return hits;
};

/** "mkr" is not how a release writes millions: "mnkr" or "miljoner kronor". */
const mkr: Rule = (text) =>
  [...text.matchAll(/(?<!\p{L})mkr(?!\p{L})/giu)].slice(0, MAX_WARNINGS).map((m) => ({ offset: m.index, excerpt: m[0], rule: "mkr" as const }));

// ---------------------------------------------------------------------------------------------------------------

const NUMBER_RULES: Rule[] = [groupedNumber, respektive, smallNumber, mkr];
const FIELD_RULES: Record<Exclude<ReleaseWarningField, "quotes">, Rule[]> = {
  // A headline is not a sentence: the seeds' headlines open with their amount ("1,2 miljoner till …"). It is a
  // single-line field, whose no-break spaces the form's textField turns into spaces, so it cannot keep a group
  // together: the exports do that (lib/press/export/meta.ts, keepGroupsTogether).
  headline: NUMBER_RULES.filter((rule) => rule !== groupedNumber),
  ingress: [...NUMBER_RULES, sentenceDigit],
  body: [quoteDash, ...NUMBER_RULES, sentenceDigit],
  // Contacts hold phone numbers, street numbers and postcodes: only how numbers are grouped and "mkr".
  contacts: [groupedNumber, mkr],
  boilerplate: [...NUMBER_RULES, sentenceDigit],
};
const QUOTE_RULES: Rule[] = [quoteFieldDash, ...NUMBER_RULES, sentenceDigit];

function firstWords(text: string, count: number): string {
  const line = text.slice(0, 200).split("\n")[0]!;
  const words = line.split(/[ \t]+/).slice(0, count).join(" ");
  return words.length > 60 ? `${words.slice(0, 59)}…` : words;
}

/** Where each line starts, for turning offsets into lines and columns without rescanning the text per warning. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

function position(starts: number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - starts[low]! + 1 };
}

function run(text: string, rules: Rule[], field: ReleaseWarningField, index?: number): ReleaseWarning[] {
  const normalised = text.replace(/\r\n?/g, "\n");
  const masked = mask(normalised);
  const starts = lineStarts(normalised);
  return rules
    .flatMap((rule) => rule(normalised, masked))
    .map((hit) => ({
      field,
      ...(index === undefined ? {} : { index }),
      ...position(starts, hit.offset),
      rule: hit.rule,
      excerpt: hit.excerpt,
      params: { excerpt: hit.excerpt, ...hit.params },
    }))
    .sort((a, b) => a.line - b.line || a.column - b.column);
}

/**
 * Every warning for a release, field by field in the order the editor shows them, at most MAX_WARNINGS; pure, never
 * throws, and in time linear in the text (a field of the schema's largest size is checked in milliseconds).
 */
export function checkRelease(release: CheckableRelease): ReleaseWarning[] {
  const all = [
    ...run(release.headline, FIELD_RULES.headline, "headline"),
    ...run(release.ingress, FIELD_RULES.ingress, "ingress"),
    ...run(release.body, FIELD_RULES.body, "body"),
    ...release.quotes.flatMap((q, i) => run(q.text, QUOTE_RULES, "quotes", i)),
    ...run(release.contacts, FIELD_RULES.contacts, "contacts"),
    ...run(release.boilerplate, FIELD_RULES.boilerplate, "boilerplate"),
  ];
  return all.slice(0, MAX_WARNINGS);
}
