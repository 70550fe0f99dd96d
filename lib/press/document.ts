import type { ReleaseQuote, ReleaseSnapshot } from "@/db/schema";
import type { PressContext } from "./context";

/*
 * A release in two shapes. The fields (ReleaseSnapshot: headline, ingress, body, quotes, contacts, boilerplate) are
 * what the editor edits and a version stores; the document (ReleaseDocument) is what every export writes, top to
 * bottom. `releaseContentFromRendered` takes a template's rendered plain text apart into fields; `documentOf` puts
 * fields back in reading order. Both are pure and deterministic: the same text gives the same fields.
 */

export type ReleaseContent = Omit<ReleaseSnapshot, "topics" | "regionCode">;

export type ReleaseBlock =
  | { kind: "paragraph"; text: string }
  | { kind: "quote"; text: string; speaker: string; title: string };

export type ReleaseDocument = {
  headline: string;
  ingress: string;
  /** Body paragraphs with each quote placed after the paragraph it follows. */
  blocks: ReleaseBlock[];
  /** One contact per line, as written. */
  contacts: string[];
  /** The boilerplate's paragraphs. */
  boilerplate: string[];
};

/** Paragraphs of a text: blocks separated by a blank line, each line's trailing spaces trimmed, empty ones dropped. */
export function paragraphsOf(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t\u00a0]*\n/)
    .map((p) =>
      p
        .split("\n")
        .map((line) => line.trimEnd())
        .join("\n")
        .trim(),
    )
    .filter((p) => p !== "");
}

/** The lines of a field that are not blank. */
export function linesOf(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

const DASH = /^[–—-]\s*/;
/** Where an attribution starts: ", säger Ulf Olsson, …" or ", förklarar mångfaldssamordnare …". */
const ATTRIBUTION = /,\s+(?:säger|förklarar)\s+/gu;
const CONTACTS_START = /^(?:För mer information|Kontaktpersoner|Kontakt)(?!\p{L})/u;

/** "[NAMN, TITEL]" as its two placeholders "[NAMN]" and "[TITEL]", or null for any other attribution. */
function placeholderAttribution(who: string): { speaker: string; title: string } | null {
  if (!who.startsWith("[") || !who.endsWith("]")) return null;
  const inner = who.slice(1, -1);
  const comma = inner.indexOf(",");
  if (comma < 0 || inner.includes("[") || inner.includes("]")) return null;
  const speaker = inner.slice(0, comma).trim();
  const title = inner.slice(comma + 1).trim();
  return speaker && title ? { speaker: `[${speaker}]`, title: `[${title}]` } : null;
}

/** A paragraph that is a quote ("– TEXT, säger SPEAKER, TITLE."), or null. The last attribution in it counts. */
export function parseQuote(paragraph: string): Omit<ReleaseQuote, "afterParagraph"> | null {
  if (!DASH.test(paragraph)) return null;
  const rest = paragraph.replace(DASH, "");
  // The last ", säger": a quote's own text may have commas and even say "säger".
  const last = [...rest.matchAll(ATTRIBUTION)].at(-1);
  if (!last) return null;
  const text = rest.slice(0, last.index).trim();
  // A paragraph wrapped by hand may break the attribution over two lines.
  const who = rest
    .slice(last.index + last[0].length)
    .replace(/\s+/g, " ")
    .trim()
    .replace(/\.$/, "")
    .trim();
  if (text === "" || who === "") return null;
  const placeholder = placeholderAttribution(who);
  if (placeholder) return { text, ...placeholder };
  const comma = who.indexOf(",");
  if (comma < 0) return { text, speaker: who, title: "" };
  return { text, speaker: who.slice(0, comma).trim(), title: who.slice(comma + 1).trim() };
}

/** A text with its runs of white space made one space, for comparing a hand-wrapped paragraph with its source. */
const squash = (s: string) => s.replace(/\s+/g, " ").trim();

/**
 * A template's rendered plain text as a release's fields. The first line is the headline and the next paragraph the
 * ingress; quote paragraphs become quotes placed after the body paragraphs before them; the paragraph that is the
 * sender's boilerplate becomes the boilerplate; from the first paragraph opening "För mer information",
 * "Kontaktpersoner" or "Kontakt" to the end are the contacts, line by line. Everything else is body, in order.
 */
export function releaseContentFromRendered(text: string, context: PressContext): ReleaseContent {
  const paragraphs = paragraphsOf(text);
  const first = paragraphs.shift() ?? "";
  const [headline = "", ...restOfFirst] = first.split("\n");
  // A headline run straight into its ingress (no blank line) still has an ingress.
  const ingress = restOfFirst.length > 0 ? restOfFirst.join("\n").trim() : (paragraphs.shift() ?? "");

  const body: string[] = [];
  const quotes: ReleaseQuote[] = [];
  const contacts: string[] = [];
  let boilerplate = "";
  const senderBoilerplate = squash(context.sender.boilerplate);
  for (const [i, paragraph] of paragraphs.entries()) {
    if (CONTACTS_START.test(paragraph)) {
      for (const p of paragraphs.slice(i)) contacts.push(...linesOf(p));
      break;
    }
    // Only a paragraph as long as the boilerplate can be it: no squashing of every paragraph of a long text.
    if (boilerplate === "" && senderBoilerplate !== "" && paragraph.length >= senderBoilerplate.length && squash(paragraph) === senderBoilerplate) {
      boilerplate = paragraph;
      continue;
    }
    const quote = parseQuote(paragraph);
    if (quote) quotes.push({ ...quote, afterParagraph: body.length });
    else body.push(paragraph);
  }
  return {
    headline: headline.trim(),
    ingress,
    body: body.join("\n\n"),
    quotes,
    contacts: contacts.join("\n"),
    boilerplate,
  };
}

/**
 * A quote in two parts, for layouts that set them apart (italic text, plain attribution): "– TEXT" and
 * ", säger SPEAKER, TITLE." (after a question or exclamation no comma: "– Varför? säger Anna.").
 */
export function quoteParts(q: Pick<ReleaseQuote, "text" | "speaker" | "title">): { text: string; attribution: string } {
  const text = `– ${q.text.trim().replace(DASH, "")}`;
  const speaker = q.speaker.trim();
  const title = q.title.trim().replace(/\.$/, "");
  if (speaker === "" && title === "") return { text, attribution: "" };
  const who = [speaker, title].filter(Boolean).join(", ");
  return { text, attribution: `${/[?!]$/.test(text) ? " " : ", "}säger ${who}.` };
}

/** A quote as a line of text: "– TEXT, säger SPEAKER, TITLE.". */
export function quoteLine(q: Pick<ReleaseQuote, "text" | "speaker" | "title">): string {
  const { text, attribution } = quoteParts(q);
  return text + attribution;
}

/** The fields in reading order: body paragraphs with each quote after its paragraph, contacts and boilerplate apart. */
export function documentOf(snapshot: ReleaseContent): ReleaseDocument {
  const paragraphs = paragraphsOf(snapshot.body);
  // Stable: quotes after the same paragraph keep their order.
  const quotes = snapshot.quotes
    .map((q, i) => ({ q, i, after: Math.max(0, Math.min(paragraphs.length, Math.trunc(q.afterParagraph) || 0)) }))
    .sort((a, b) => a.after - b.after || a.i - b.i);
  const blocks: ReleaseBlock[] = [];
  let next = 0;
  const quotesAfter = (count: number) => {
    while (next < quotes.length && quotes[next]!.after === count) {
      const { text, speaker, title } = quotes[next]!.q;
      blocks.push({ kind: "quote", text: text.trim(), speaker: speaker.trim(), title: title.trim() });
      next++;
    }
  };
  quotesAfter(0);
  paragraphs.forEach((text, i) => {
    blocks.push({ kind: "paragraph", text });
    quotesAfter(i + 1);
  });
  return {
    headline: snapshot.headline.trim(),
    ingress: snapshot.ingress.trim(),
    blocks,
    contacts: linesOf(snapshot.contacts),
    boilerplate: paragraphsOf(snapshot.boilerplate),
  };
}

/** The document's text in reading order, one entry per block (for tests and for a search index). */
export function documentTexts(doc: ReleaseDocument): string[] {
  return [
    doc.headline,
    doc.ingress,
    ...doc.blocks.map((b) => (b.kind === "paragraph" ? b.text : quoteLine(b))),
    ...doc.contacts,
    ...doc.boilerplate,
  ].filter((t) => t !== "");
}
